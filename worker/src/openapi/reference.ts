// The reference page (GET /api/reference): the OpenAPI document as plain HTML for the billing
// system's developers — every route with its credential, parameters, body fields and answers,
// then the error codes. No script and no style: it is served under the API's strict CSP.
import { esc } from '../mail/layout.ts';
import type { OpenApiDocument, OperationObject } from './document.ts';

type Json = Record<string, unknown>;

// `code` in the document's words becomes <code>.
const text = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One row per field, nested objects as dotted names. */
function fieldRows(schema: Json, prefix = ''): string[] {
  const props = isJson(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(props).flatMap(([name, value]) => {
    const s = isJson(value) ? value : {};
    const path = prefix + name;
    const rules = [
      typeof s.type === 'string' ? s.type : undefined,
      'const' in s ? `= ${JSON.stringify(s.const)}` : undefined,
      Array.isArray(s.enum) ? `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` : undefined,
      typeof s.pattern === 'string' ? `pattern ${s.pattern}` : undefined,
      typeof s.minLength === 'number' ? `at least ${s.minLength}` : undefined,
      typeof s.maxLength === 'number' ? `at most ${s.maxLength}` : undefined,
      'default' in s ? `default ${JSON.stringify(s.default)}` : undefined,
    ].filter((r) => r !== undefined);
    const row = `<tr><td><code>${esc(path)}</code></td><td>${required.includes(name) ? 'yes' : ''}</td><td>${esc(rules.join('; '))}</td></tr>`;
    return [row, ...(s.type === 'object' ? fieldRows(s, `${path}.`) : [])];
  });
}

function operationHtml(doc: OpenApiDocument, method: string, path: string, op: OperationObject): string {
  const parts = [`<h3 id="${esc(op.operationId)}"><code>${method.toUpperCase()} ${esc(path)}</code></h3>`];
  parts.push(`<p>${text(op.summary)}</p>`);
  if (op.description) parts.push(`<p>${text(op.description)}</p>`);
  const security = op.security.flatMap((s) => Object.keys(s));
  parts.push(
    `<p>Credential: ${security.length ? security.map((s) => `<code>${esc(s)}</code>`).join(', ') : 'none'}</p>`,
  );
  if (op.parameters?.length)
    parts.push(
      `<p>Parameters: ${op.parameters.map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)}${p.description ? `: ${text(p.description)}` : ''})`).join('; ')}</p>`,
    );
  for (const [type, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
    const ref = typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
    const body = ref ? doc.components.schemas[ref] : undefined;
    parts.push(`<p>Body: <code>${esc(type)}</code></p>`);
    if (body)
      parts.push(
        `<table><thead><tr><th>field</th><th>required</th><th>rules</th></tr></thead><tbody>${fieldRows(body).join('')}</tbody></table>`,
      );
  }
  const answers = Object.entries(op.responses)
    .map(([status, r]) => {
      const what = r['x-error-codes']
        ? r['x-error-codes'].map((c) => `<a href="#e-${c}"><code>${c}</code></a>`).join(', ')
        : text(r.description);
      return `<tr><td>${esc(status)}</td><td>${what}</td></tr>`;
    })
    .join('');
  parts.push(`<table><thead><tr><th>answer</th><th>what</th></tr></thead><tbody>${answers}</tbody></table>`);
  return parts.join('\n');
}

export function referencePage(doc: OpenApiDocument): string {
  const sections = doc.tags.map((tag) => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags.includes(tag.name))
        .map(([method, op]) => operationHtml(doc, method, path, op)),
    );
    return `<h2>${esc(tag.name)}</h2>\n<p>${text(tag.description)}</p>\n${ops.join('\n')}`;
  });
  const schemes = Object.entries(doc.components.securitySchemes)
    .map(([name, s]) => `<li><code>${esc(name)}</code>: ${text(s.description)}</li>`)
    .join('');
  const codes = doc.components.schemas.ErrorCode;
  const rows = (Array.isArray(codes?.oneOf) ? codes.oneOf : [])
    .filter(isJson)
    .map((c) => {
      const code = esc(String(c.const));
      return `<tr id="e-${code}"><td><code>${code}</code></td><td>${text(String(c.description))}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title></head>
<body>
<h1>${esc(doc.info.title)}</h1>
${doc.info.description
  .split('\n\n')
  .map((p) => `<p>${text(p)}</p>`)
  .join('\n')}
<p>Server: <code>${esc(doc.servers[0]?.url ?? '')}</code>. The same as OpenAPI 3.1: <a href="openapi.json">openapi.json</a>.</p>
<h2>Credentials</h2>
<ul>${schemes}</ul>
${sections.join('\n')}
<h2>Error codes</h2>
<table><thead><tr><th>code</th><th>status: when</th></tr></thead><tbody>${rows}</tbody></table>
</body>
</html>
`;
}
