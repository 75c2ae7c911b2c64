// Loopback addresses and names: in development (dev keys, dev mailbox, /api/dev/outbox) the
// portal serves only on these — Node refuses to listen elsewhere and answers only requests
// addressed to a loopback name, a Worker refuses other hosts. A page elsewhere that rebinds its
// own name to 127.0.0.1 (DNS rebinding) still sends that name as the Host: refused.
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** localhost (and *.localhost), 127.0.0.0/8, ::1 (also bracketed, and IPv4-mapped 127.x). Other names are not resolved: refused. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = (h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h).match(V4);
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255) && v4[1] === '127';
  return /^(0{0,4}:){2,7}0{0,3}1$/.test(h) || h === '::1';
}

/** A Host header (`name`, `name:port`, `[v6]:port`) naming a loopback host; absent or malformed: false. */
export function isLoopbackAuthority(authority: string | undefined): boolean {
  if (!authority) return false;
  let hostname: string;
  try {
    const url = new URL(`http://${authority}/`);
    // Anything beyond a host and a port (a user, a path) is no Host header a browser sends.
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false;
    hostname = url.hostname;
  } catch {
    return false;
  }
  return isLoopbackHost(hostname);
}
