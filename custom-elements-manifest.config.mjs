// `cem analyze` (npm run build) reads this beside its flags. Its plugins fill in what the
// analyzer cannot see in the widget's sources:
// - the elements are defined with the guarded `define('jp-x', JpX)` (element.ts), not with
//   customElements.define: those classes are the custom elements, with their tags;
// - `state: true` properties are internal, not attributes;
// - the events come from the code — `emit(this, 'jp-x', …)`, a FormController (jp-error),
//   `this.navigate(…)` (jp-navigate) — with the descriptions and detail types of events.ts's
//   JpEventMap;
// - the design tokens of tokens.ts (name, default, doc comment) are every element's CSS custom
//   properties, so the manifest lists every token there is.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, 'widget/src');
const parse = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
const docOf = (node) =>
  ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => ts.getTextOfJSDocComment(d.comment))
    .join(' ')
    .trim();

/** [{name, description, default}] for each `export const x = token('name', fallback)`. */
export function readTokens(path = resolve(SRC, 'tokens.ts')) {
  const file = parse(path);
  const json = new Map(); // identifiers bound to JSON imports (default, namespace or named)
  const value = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node))
      return node.head.text + node.templateSpans.map((s) => value(s.expression) + s.literal.text).join('');
    if (ts.isIdentifier(node) && json.has(node.text)) return json.get(node.text);
    if (ts.isPropertyAccessExpression(node)) return value(node.expression)?.[node.name.text];
    throw new Error(`${path}: cannot read the default ${node.getText(file)}`);
  };
  const tokens = [];
  for (const st of file.statements) {
    // A JSON import may carry a suffix naming a view of it (tokens.ts: `utility.json?login`).
    const spec = ts.isImportDeclaration(st) ? st.moduleSpecifier.text.replace(/\?\w+$/, '') : '';
    if (ts.isImportDeclaration(st) && spec.endsWith('.json') && st.importClause) {
      // The utility's configuration is the one the build chose (UTILITY_CONFIG), as in the bundle.
      let file = resolve(dirname(path), spec);
      if (file === resolve(SRC, '../../config/utility.json') && process.env.UTILITY_CONFIG)
        file = resolve(process.env.UTILITY_CONFIG);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      const { name, namedBindings: b } = st.importClause;
      if (name) json.set(name.text, data);
      if (b && ts.isNamespaceImport(b)) json.set(b.name.text, data);
      if (b && ts.isNamedImports(b))
        for (const el of b.elements) json.set(el.name.text, data[(el.propertyName ?? el.name).text]);
    }
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      const call = d.initializer;
      if (!call || !ts.isCallExpression(call) || call.expression.getText(file) !== 'token') continue;
      const description = docOf(d);
      if (!description) throw new Error(`${path}: the token ${d.name.getText(file)} has no doc comment`);
      tokens.push({ name: `--jp-${value(call.arguments[0])}`, description, default: value(call.arguments[1]) });
    }
  }
  return tokens;
}

/** name → {description, type} for each entry of JpEventMap. */
export function readEvents(path = resolve(SRC, 'events.ts')) {
  const map = parse(path).statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'JpEventMap');
  if (!map) throw new Error(`${path}: no JpEventMap`);
  return new Map(
    map.members
      .filter(ts.isPropertySignature)
      .map((m) => [m.name.text, { description: docOf(m), type: { text: m.type.getText() } }]),
  );
}

/** The events a class fires, read from its code (with the analyzer's own TypeScript). */
function firedBy(ts, classNode) {
  const names = new Set();
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'emit' &&
      ts.isStringLiteral(node.arguments[1] ?? node)
    ) {
      names.add(node.arguments[1].text);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'FormController')
      names.add('jp-error');
    if (
      ts.isPropertyAccessExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ThisKeyword &&
      node.name.text === 'navigate'
    )
      names.add('jp-navigate');
    ts.forEachChild(node, visit);
  };
  visit(classNode);
  return names;
}

function widgetElements() {
  return {
    name: 'jp-widget-elements',
    analyzePhase({ ts: tsc, node, moduleDoc }) {
      if (tsc.isClassDeclaration(node) && node.name) {
        const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
        if (!declaration) return;
        for (const name of firedBy(tsc, node)) {
          declaration.events ??= [];
          if (!declaration.events.some((e) => e.name === name)) declaration.events.push({ name });
        }
        const properties = node.members.find(
          (m) =>
            tsc.isPropertyDeclaration(m) &&
            m.name.getText() === 'properties' &&
            m.initializer &&
            tsc.isObjectLiteralExpression(m.initializer),
        );
        for (const p of properties?.initializer.properties ?? []) {
          if (!/\bstate\s*:\s*true\b/.test(p.getText())) continue;
          const name = p.name.getText();
          declaration.attributes = declaration.attributes?.filter((a) => a.fieldName !== name);
          for (const m of declaration.members ?? []) if (m.name === name) delete m.attribute;
        }
      }
      // define('jp-x', JpX) at the top level: JpX is <jp-x>.
      if (tsc.isExpressionStatement(node) && tsc.isCallExpression(node.expression)) {
        const {
          expression: callee,
          arguments: [tag, cls],
        } = node.expression;
        if (
          !tsc.isIdentifier(callee) ||
          callee.text !== 'define' ||
          !tag ||
          !tsc.isStringLiteral(tag) ||
          !cls ||
          !tsc.isIdentifier(cls)
        )
          return;
        const declaration = moduleDoc.declarations?.find((d) => d.name === cls.text);
        if (!declaration) return;
        Object.assign(declaration, { tagName: tag.text, customElement: true });
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: cls.text, module: moduleDoc.path },
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const tokens = readTokens();
      const events = readEvents();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement) continue;
          d.cssProperties = tokens.map((t) => ({ ...t }));
          for (const e of d.events ?? []) {
            const known = events.get(e.name);
            if (known) Object.assign(e, { description: e.description || known.description, type: known.type });
          }
        }
      }
    },
  };
}

export default {
  plugins: [widgetElements()],
};
