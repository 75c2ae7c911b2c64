// GET /api/openapi.json: the OpenAPI 3.1 document of the app's routes; GET /api/reference: the
// same as a page for the billing system's developers (plain HTML: no script, no style, under the
// API's `default-src 'none'`). Both built once per app, on the first request (the document and
// its JSON Schema conversion are loaded then).
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import type { DocumentInfo, OpenApiDocument } from './document.ts';

export function openapiRoutes(app: Hono<AppEnv>, info: DocumentInfo) {
  let doc: Promise<OpenApiDocument> | undefined;
  let page: Promise<string> | undefined;
  const document = () => {
    doc ??= import('./document.ts').then((m) => m.openApiDocument(app, info));
    return doc;
  };
  return new Hono<AppEnv>()
    .get('/openapi.json', async (c) => c.json(await document()))
    .get('/reference', async (c) => {
      page ??= Promise.all([document(), import('./reference.ts')]).then(([d, m]) => m.referencePage(d));
      return c.html(await page);
    });
}
