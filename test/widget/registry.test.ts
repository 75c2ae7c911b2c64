// The one tag registry (widget/src/registry.ts) and the guarded define: a page with the script
// tag twice, or two copies of the bundle, must not throw "already defined".
import { expect } from '@open-wc/testing';
import '../../widget/src/index.ts';
import { EAGER, CHUNKS, ANY, VIEWS, type JpTag } from '../../widget/src/registry.ts';
import { loadElement } from '../../widget/src/loader.ts';
import { define } from '../../widget/src/element.ts';
import { JpLogin } from '../../widget/src/jp-login.ts';

/** The module again under another URL, as a second copy of the script would run it. */
const again = (module: string) =>
  import(new URL(`../../widget/src/${module}?copy=${Math.random()}`, import.meta.url).href);

describe('the tag registry', () => {
  it('lists every element once, and each module defines the tag it is listed under', async () => {
    const tags: JpTag[] = [...EAGER, ...(Object.keys(CHUNKS) as (keyof typeof CHUNKS)[])];
    expect(new Set(tags).size).to.equal(tags.length);
    expect(ANY.split(',')).to.deep.equal(tags);
    for (const tag of tags) {
      await loadElement(tag);
      expect(customElements.get(tag), tag).to.exist;
      expect(document.createElement(tag).localName).to.equal(tag);
    }
  });

  it('maps every portal view to a registered tag', () => {
    for (const tag of Object.values(VIEWS)) expect(ANY.split(','), tag).to.include(tag);
  });
});

describe('define', () => {
  it('keeps the first definition when a tag is defined again', () => {
    class Copy extends JpLogin {}
    expect(() => define('jp-login', Copy)).not.to.throw();
    expect(customElements.get('jp-login')).to.equal(JpLogin);
    // What it guards against: the platform throws on a second definition.
    expect(() => customElements.define('jp-login', Copy)).to.throw(DOMException);
  });

  it('a second copy of the element modules runs without an error', async () => {
    const first = customElements.get('jp-portal');
    const copy = await again('jp-portal.ts');
    await again('jp-login.ts');
    expect(copy.JpPortal).not.to.equal(first);
    expect(customElements.get('jp-portal')).to.equal(first);
  });
});
