// The mail links' names, spelled once in contract/links.ts for the worker that writes them and
// address.ts that reads them; jp-portal.ts's check for one in the address (spelled out to keep the
// login path small) matches every name address.ts reads, and nothing of a host's own parameters.
import { expect } from '@open-wc/testing';
import { LINK_FRAGMENT } from '../../contract/links.ts';
import { LINKS } from '../../widget/src/address.ts';
import { MAIL_LINK } from '../../widget/src/jp-portal.ts';

describe('mail links', () => {
  it('address.ts reads the fragments contract/links.ts names, and jp-portal.ts waits for each', () => {
    expect(LINKS.filter(([fragment]) => fragment).map(([, name]) => name)).to.have.members(
      Object.values(LINK_FRAGMENT),
    );
    for (const [fragment, name] of LINKS)
      expect(MAIL_LINK.test(fragment ? `#${name}=abc&jezik=en` : `?${name}=abc`), name).to.equal(true);
    expect(MAIL_LINK.test('#racuni&jezik=en')).to.equal(false);
    expect(MAIL_LINK.test('?utm_source=mail')).to.equal(false);
  });
});
