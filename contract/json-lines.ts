// Where each value of a JSON text starts: its line, by path ("payment.payee.1"), so an error in a
// configuration file can name the line as well as the field. A small scanner of the JSON grammar;
// a text that is not JSON throws JsonSyntaxError with the line of the fault. Pure.

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** The line (1-based) of every value, keyed by its dotted path; the whole document is "". */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(what, line);
  };
  const space = () => {
    while (i < text.length && /[ \t\r\n\uFEFF]/.test(text[i])) if (text[i++] === '\n') line++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('a line break inside a string');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('a string is not closed');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string) => {
    space();
    lines.set(path, line);
    const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    const ch = text[i];
    if (ch === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail('a key in double quotes expected');
        const key = string();
        space();
        if (text[i++] !== ':') fail(`":" expected after "${key}"`);
        value(at(key));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}" expected');
      }
    }
    if (ch === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(at(n));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]" expected');
      }
    }
    if (ch === '"') return void string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail(i >= text.length ? 'the text ends too early' : `unexpected "${ch}"`);
    i += m![0].length;
  };
  value('');
  space();
  if (i < text.length) fail(`unexpected "${text[i]}" after the end`);
  return lines;
}
