// The installation check's look in real Chromium: a host's rules as id selectors (even important
// ones, even `all: unset`) do not reach the sample, so the verdict is ok; a host's rule in an
// earlier cascade layer marked important does, and the verdict names it with its stylesheet; a
// page that shrinks the root font size gets a warning with the line that undoes it.
import { expect } from '@open-wc/testing';
import { base, adoptStyles } from '../../widget/src/styles.ts';
import { look, sampleLook } from '../../widget/src/doctor-look.ts';

describe('the installation check: the look', () => {
  let wrap: HTMLElement;
  let style: HTMLStyleElement;
  const host = (rules: string) => {
    style.textContent = rules;
  };

  beforeEach(() => {
    style = document.createElement('style');
    document.head.append(style);
    wrap = document.createElement('div');
    wrap.id = 'content';
    const spot = document.createElement('span');
    wrap.append(spot);
    document.body.append(wrap);
    adoptStyles(document.body, [base]);
  });
  afterEach(() => {
    wrap.remove();
    style.remove();
    document.documentElement.style.removeProperty('font-size');
  });

  it('finds nothing when the host has no rules, and says so', () => {
    const l = sampleLook(wrap.firstElementChild as Element);
    expect(l.leaks).to.deep.equal([]);
    expect(look(l).state).to.equal('ok');
    // The sample is gone again.
    expect(wrap.children.length).to.equal(1);
  });

  it('is not reached by id selectors, important rules or all: unset', () => {
    host(`#content a { color: red !important; } #content form { background: yellow; border: 3px dashed; padding: 20px; }
      #content p { text-indent: 2em; text-align: justify; } #content h2 { border-bottom: 2px solid; }
      #content label { font-size: 12px !important; } #content li { list-style: square; } #content button { all: unset; }`);
    expect(sampleLook(wrap.firstElementChild as Element).leaks).to.deep.equal([]);
  });

  it("names a host's important rule in an earlier layer, the one thing that outranks the widget's", () => {
    host('@layer theme { #content a { color: rgb(255, 0, 0) !important; } }');
    const l = sampleLook(wrap.firstElementChild as Element);
    expect(l.leaks.map((x) => [x.sample, x.property, x.found])).to.deep.equal([['a', 'color', 'rgb(255, 0, 0)']]);
    expect(l.leaks[0].rule).to.equal('#content a { color: rgb(255, 0, 0) !important } (<style>)');
    const verdict = look(l);
    expect(verdict.state).to.equal('bad');
    expect(verdict.found).to.contain('#content a { color: rgb(255, 0, 0) !important }');
  });

  it('warns when the page shrinks the root font size, with the line that undoes it', () => {
    document.documentElement.style.setProperty('font-size', '62.5%');
    const verdict = look(sampleLook(wrap.firstElementChild as Element));
    expect(verdict.state).to.equal('warn');
    expect(verdict.line).to.equal('html { font-size: 100%; }');
  });
});
