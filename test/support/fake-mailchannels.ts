// Test support: a local stand-in for the MailChannels Email API on 127.0.0.1 (the real one is
// out of reach here). It checks each request's shape and can fail, hang or accept on command.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type Mode = 'accept' | 'fail' | 'hang';

export interface FakeMailChannels {
  url: string;
  mode: Mode;
  accepted: { id: string; to: string; subject: string; text: string }[];
  rejectedShapes: string[];
  requests: number;
  close(): Promise<void>;
}

function shapeProblem(req: IncomingMessage, body: any, apiKey: string): string | null {
  if (req.method !== 'POST' || req.url !== '/tx/v1/send') return `wrong endpoint ${req.method} ${req.url}`;
  if (req.headers['x-api-key'] !== apiKey) return 'missing or wrong X-Api-Key';
  if (!req.headers['content-type']?.startsWith('application/json')) return 'not JSON';
  if (typeof body?.personalizations?.[0]?.to?.[0]?.email !== 'string') return 'no recipient';
  if (typeof body?.from?.email !== 'string' || typeof body?.subject !== 'string') return 'no sender or subject';
  const types = (body.content ?? []).map((c: { type: string }) => c.type);
  if (!types.includes('text/plain') || !types.includes('text/html')) return 'needs text and HTML parts';
  return null;
}

export async function startFakeMailChannels(apiKey: string): Promise<FakeMailChannels> {
  const hanging: ServerResponse[] = [];
  const state: FakeMailChannels = {
    url: '',
    mode: 'accept',
    accepted: [],
    rejectedShapes: [],
    requests: 0,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      state.requests++;
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const problem = shapeProblem(req, body, apiKey);
      if (problem) {
        state.rejectedShapes.push(problem);
        res.writeHead(400).end(problem);
        return;
      }
      if (state.mode === 'hang') return void hanging.push(res);
      if (state.mode === 'fail') return void res.writeHead(500).end('internal error');
      const text = body.content.find((c: { type: string }) => c.type === 'text/plain').value;
      state.accepted.push({
        id: body.headers?.['X-Outbox-Id'],
        to: body.personalizations[0].to[0].email,
        subject: body.subject,
        text,
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/tx/v1/send`;
  state.close = async () => {
    for (const r of hanging) r.destroy();
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  };
  return state;
}
