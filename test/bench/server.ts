// The Node server exactly as `npm start` runs it (own process, real libSQL file, real Argon2),
// on loopback, with one confirmed resident whose session and password the benchmarks use.
import { startServer } from '../e2e/server.ts';

export async function startBenchServer() {
  // autocannon's 32 connections from one address stand for many residents: no per-client connection cap.
  const server = await startServer({ env: { HTTP_MAX_CONNECTIONS_PER_CLIENT: '0' } });
  const { url } = server;
  const post = (path: string, body: unknown) =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const credentials = { email: 'bench@example.com', password: 'sunce nad sremom 42', remember: true };
  await post('/api/register', {
    name: 'Bench Korisnik',
    email: credentials.email,
    password: credentials.password,
    consumerCode: '104521',
    pin: '4821',
    acceptTerms: true,
  });
  let token: string | undefined;
  for (let i = 0; i < 50 && !token; i++) {
    const { mails } = await (await fetch(`${url}/api/dev/outbox`)).json();
    token = mails.find((m: { text: string }) => m.text.includes('#potvrda='))?.text.match(/#potvrda=([\w-]+)/)?.[1];
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  await post('/api/confirm', { token });
  const login = await post('/api/login', credentials);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return { url, cookie, credentials, stop: server.stop };
}
