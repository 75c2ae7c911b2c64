// The key a client's address is counted under: an IPv4 address as it is, an IPv6 address by
// its /64 (one household or phone gets a whole /64, so counting single IPv6 addresses would
// let one client rotate through 2^64 of them). IPv4-mapped IPv6 counts as the IPv4 address.

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function expandIpv6(ip: string): string[] | null {
  let s = ip
    .replace(/^\[|\]$/g, '')
    .split('%')[0]
    .toLowerCase();
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hextets.
  const v4 = s.match(/:(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const parts = [...head, ...Array(Math.max(0, fill)).fill('0'), ...tail];
  if (parts.length !== 8 || !parts.every((p) => /^[0-9a-f]{1,4}$/.test(p))) return null;
  return parts.map((p) => p.padStart(4, '0'));
}

export function addressKey(ip: string): string {
  if (IPV4.test(ip)) return ip;
  const h = expandIpv6(ip);
  if (!h) return ip.slice(0, 64);
  // ::ffff:a.b.c.d
  if (h.slice(0, 5).every((p) => p === '0000') && h[5] === 'ffff') {
    const n = [h[6], h[7]].map((p) => parseInt(p, 16));
    return `${n[0] >> 8}.${n[0] & 255}.${n[1] >> 8}.${n[1] & 255}`;
  }
  return `${h.slice(0, 4).join(':')}::/64`;
}
