// The installation check's rules without words: a host's site (the cookie's first-party test when
// the browser's Sec-Fetch-Site is not there), an RP ID against the page's host, and the CSP
// directive rewritten so that the portal's origin is allowed, the mails' page against this page,
// and a script's release read leniently and compared by version.
import { expect } from '@open-wc/testing';
import {
  directives,
  fixLine,
  olderRelease,
  pageAddress,
  releaseOf,
  rpIdFits,
  sameSite,
  samePage,
  semverOf,
  siteOf,
} from '../../widget/src/doctor-rules.ts';

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

  it('calls two addresses the same page by origin and path, not by query, fragment or index.html', () => {
    const u = (s: string) => new URL(s);
    expect(samePage(u('https://www.x.rs/portal/'), u('https://www.x.rs/portal?utm=1#racuni'))).to.equal(true);
    expect(samePage(u('https://www.x.rs/portal/index.html'), u('https://www.x.rs/portal'))).to.equal(true);
    expect(samePage(u('https://www.x.rs/'), u('https://www.x.rs'))).to.equal(true);
    expect(samePage(u('https://www.x.rs/portal'), u('https://www.x.rs/test-portal'))).to.equal(false);
    expect(samePage(u('https://www.x.rs/portal'), u('https://x.rs/portal'))).to.equal(false);
    expect(samePage(u('http://www.x.rs/portal'), u('https://www.x.rs/portal'))).to.equal(false);
    expect(pageAddress(u('https://www.x.rs/portal?utm=1#racuni'))).to.equal('https://www.x.rs/portal');
  });

  it('reads the release a portal script names, with or without the configuration’s hash, and the alias', () => {
    expect(releaseOf('https://portal.x.rs/widget/0.1.0-3f9a0c2e/jp-portal.js')).to.equal('0.1.0-3f9a0c2e');
    expect(releaseOf('https://portal.x.rs/widget/0.1.0/jp-portal.js')).to.equal('0.1.0');
    expect(releaseOf('https://portal.x.rs/widget/jp-portal.js?v=2')).to.equal('');
    expect(releaseOf('https://portal.x.rs/widget/0.1.0/chunks/chunk-AB.js')).to.equal(undefined);
    expect(releaseOf('https://cdn.x.rs/jp-portal.js')).to.equal(undefined);
    expect(semverOf('0.1.0-3f9a0c2e')).to.deep.equal([0, 1, 0]);
    expect(semverOf('1.2.3-beta.1-3f9a0c2e')).to.deep.equal([1, 2, 3]);
    expect(semverOf('latest')).to.equal(null);
  });

  it('compares releases by x.y.z as numbers, the hash and pre-release aside', () => {
    expect(olderRelease('0.1.0-3f9a0c2e', '0.2.0-0000aaaa')).to.equal(true);
    expect(olderRelease('0.9.0', '0.10.0-3f9a0c2e')).to.equal(true);
    expect(olderRelease('0.1.9', '1.0.0')).to.equal(true);
    expect(olderRelease('0.1.0-3f9a0c2e', '0.1.0-ffffffff')).to.equal(false);
    expect(olderRelease('0.1.0-3f9a0c2e', '0.1.0')).to.equal(false);
    expect(olderRelease('0.2.0', '0.1.5')).to.equal(false);
    expect(olderRelease('nightly', '0.1.0')).to.equal(false);
  });
});
