// An esbuild plugin for the widget's build: finds the css`…`, html`…` and svg`…` templates in
// each source with the TypeScript parser (templates nest inside each other's `${…}`) and
// replaces their static text with the minified text from template-text.ts.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import type { Plugin } from 'esbuild';
import { minifyParts } from './template-text.js';

const TAGS = new Set(['css', 'html', 'svg']);

/** The source with the static text of its Lit templates minified. */
export function minifyTemplates(source: string, fileName = 'source.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  // [start, end, text] of each static part, in source order.
  const edits: [number, number, string][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const t = node.template;
      // The raw text of each part sits between its delimiters: ` or } before, ` or ${ after.
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      const spans = parts.map((p) => {
        const start = p.getStart(file) + 1;
        const end =
          p.getEnd() - (p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        return [start, end] as const;
      });
      const texts = minifyParts(
        node.tag.text,
        spans.map(([s, e]) => source.slice(s, e)),
      );
      for (const [i, [s, e]] of spans.entries()) edits.push([s, e, texts[i]]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const [s, e, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += source.slice(at, s) + text;
    at = e;
  }
  return out + source.slice(at);
}

export const templateText: Plugin = {
  name: 'template-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]widget[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return /\b(css|html|svg)`/.test(source)
        ? { contents: minifyTemplates(source, args.path), loader: 'ts' }
        : undefined;
    });
  },
};
