// The installation check's rules without words: a host's site (the cookie's first-party test when
// the browser's Sec-Fetch-Site is not there), an RP ID against the page's host, and the CSP
// directive rewritten so that the portal's origin is allowed.
import { expect } from '@open-wc/testing';
import { directives, fixLine, rpIdFits, sameSite, siteOf } from '../../widget/src/doctor-rules.ts';

describe('doctor rules', () => {
  it('finds a host’s site, with the Serbian second-level domains and hosting suffixes as sites of their own', () => {
    expect(siteOf('www.stambenoruma.rs')).to.equal('stambenoruma.rs');
    expect(siteOf('portal.stambenoruma.rs')).to.equal('stambenoruma.rs');
    expect(siteOf('www.vodovod.co.rs')).to.equal('vodovod.co.rs');
    expect(siteOf('jp-portal.agency.workers.dev')).to.equal('agency.workers.dev');
    expect(siteOf('localhost')).to.equal('localhost');
    expect(siteOf('127.0.0.1')).to.equal('127.0.0.1');
  });

  it('calls two addresses the same site only with the same scheme and site, whatever the ports', () => {
    const u = (s: string) => new URL(s);
    expect(sameSite(u('https://www.stambenoruma.rs'), u('https://portal.stambenoruma.rs'))).to.equal(true);
    expect(sameSite(u('http://localhost:8080'), u('http://localhost:8787'))).to.equal(true);
    expect(sameSite(u('https://www.stambenoruma.rs'), u('https://jp-portal.x.workers.dev'))).to.equal(false);
    expect(sameSite(u('https://a.workers.dev'), u('https://b.workers.dev'))).to.equal(false);
    expect(sameSite(u('http://127.0.0.1:8080'), u('http://localhost:8787'))).to.equal(false);
    expect(sameSite(u('http://www.stambenoruma.rs'), u('https://portal.stambenoruma.rs'))).to.equal(false);
  });

  it('fits an RP ID to the page’s host or a parent of it, never to an IP address', () => {
    expect(rpIdFits('stambenoruma.rs', 'www.stambenoruma.rs')).to.equal(true);
    expect(rpIdFits('stambenoruma.rs', 'stambenoruma.rs')).to.equal(true);
    expect(rpIdFits('portal.stambenoruma.rs', 'www.stambenoruma.rs')).to.equal(false);
    expect(rpIdFits('ruma.rs', 'stambenoruma.rs')).to.equal(false);
    expect(rpIdFits('localhost', '127.0.0.1')).to.equal(false);
  });

  it('writes the directive the page needs: its sources now, from where it fell back, plus the portal', () => {
    const portal = 'https://portal.stambenoruma.rs';
    expect(fixLine("default-src 'self'; connect-src 'self' https://stats.example", 'connect-src', portal)).to.equal(
      `connect-src 'self' https://stats.example ${portal}`,
    );
    expect(fixLine("default-src 'self'", 'connect-src', portal)).to.equal(`connect-src 'self' ${portal}`);
    expect(fixLine("default-src 'none'; script-src 'self'", 'script-src-elem', portal)).to.equal(
      `script-src 'self' ${portal}`,
    );
    expect(fixLine("script-src-elem 'self'", 'script-src-elem', portal)).to.equal(`script-src-elem 'self' ${portal}`);
    expect(fixLine("img-src 'none'", 'img-src', portal)).to.equal(`img-src ${portal}`);
    expect(fixLine('', 'connect-src', portal)).to.equal(`connect-src ${portal}`);
    expect([...directives("Default-Src 'self';  ;connect-src a b").keys()]).to.deep.equal([
      'default-src',
      'connect-src',
    ]);
  });
});
