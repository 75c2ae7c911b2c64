// Test support for the workerd bill run: an HTTP proxy on 127.0.0.1 in front of a local service
// (the Hrana server, the MailChannels stand-in) that answers 500 instead of forwarding the
// requests a test picks, so that a queue consumer fails the way a real outage makes it fail.
import { createServer, request } from 'node:http';

export interface FaultProxy {
  url: string;
  /** Requests answered 500 instead of forwarded. */
  refused: number;
  close(): Promise<void>;
}

/** `refuse(path, body)`: true for a request to answer with 500 (it never reaches the service). */
export async function startFaultProxy(target: string, refuse: (path: string, body: string) => boolean) {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (refuse(req.url ?? '', body.toString('utf8'))) {
        proxy.refused++;
        return void res.writeHead(500).end('refused by the test');
      }
      const out = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}${to.pathname === '/' ? '' : to.pathname}`,
    refused: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return proxy;
}
