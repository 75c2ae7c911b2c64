// The widget's build minifies the text of Lit's css`…` literals (build.ts): comments out, and
// the whitespace CSS does not need, so the styles cost the login page fewer bytes (esbuild
// minifies the code around them but leaves template text as written). Only the static parts
// change; `${token}` expressions stay as they are. Pure, so the browser tests check that
// Chromium parses every sheet to the same rules either way (test/widget/css-literals.test.ts).

/** Comments out, runs of whitespace to one space, none around `{ } ; , >` or after `:`. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    // Only after a colon: before one, a space is a descendant combinator (`.jp :is(…)`).
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** Minifies the static text of every css`…` literal in a module's source. */
export function minifyCssLiterals(source: string): string {
  return source.replace(/\bcss`([^`]*)`/g, (_, body: string) => {
    const parts = body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : minifyCss(part)));
    return `css\`${parts.join('').trim()}\``;
  });
}
