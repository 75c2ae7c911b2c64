// The widget's build minifies the static text of its Lit templates (build.ts walks the sources
// and calls these on every part between `${…}`): css`…` loses comments and the whitespace CSS
// does not need; html`…` and svg`…` keep one newline for each run of whitespace that holds one
// (the indentation of the source), which renders the same wherever white-space is normal (the
// widget has no <pre> or <textarea>). esbuild minifies the code around them but leaves template
// text as written. Pure, so the browser tests check that Chromium parses every sheet to the
// same rules either way (test/widget/template-text.test.ts).

/** Comments out, runs of whitespace to one space, none around `{ } ; , >` or after `:`. */
export function minifyCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      // Only after a colon: before one, a space is a descendant combinator (`.jp :is(…)`).
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
  );
}

/** A run of whitespace with a line break in it becomes one line break. */
export function collapseMarkup(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, '\n');
}

/** The static parts of one template, minified for its tag; the first and last also trimmed for css. */
export function minifyParts(tag: string, parts: string[]): string[] {
  if (tag === 'css') {
    return parts.map((p, i) => {
      let m = minifyCss(p);
      if (i === 0) m = m.trimStart();
      if (i === parts.length - 1) m = m.trimEnd();
      return m;
    });
  }
  return tag === 'html' || tag === 'svg' ? parts.map(collapseMarkup) : parts;
}
