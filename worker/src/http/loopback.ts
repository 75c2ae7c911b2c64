// Loopback addresses: outside APP_ENV=production (dev keys, dev mailbox, /api/dev/outbox) the
// portal serves only on these — Node refuses to listen elsewhere, a Worker refuses other hosts.
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

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
