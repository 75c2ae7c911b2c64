// The Node server exactly as `npm start` runs it (own process, real libSQL file, real Argon2),
// on loopback, with one confirmed resident whose session and password the benchmarks use.
import { startServer } from '../e2e/server.ts';
import { mailLink } from '../e2e/page-checks.ts';

export async function startBenchServer() {
  // autocannon's connections from one address stand for many residents: no per-client connection
  // cap, and no cap on password hashing per address (the login row verifies thousands of passwords
  // from 127.0.0.1 in a few seconds; in production 300 per 15 minutes per address).
  const server = await startServer({
    env: { HTTP_MAX_CONNECTIONS_PER_CLIENT: '0', PASSWORD_WORK_PER_ADDRESS: '1000000000' },
  });
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
  const token = (await mailLink(url, 'potvrda', credentials.email)).split('#potvrda=')[1];
  await post('/api/confirm', { token });
  const login = await post('/api/login', credentials);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return { url, cookie, credentials, stop: server.stop };
}
