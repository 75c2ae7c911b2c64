// The bill figure and the hints under the fields for a utility that prints the PIN on the back
// (test/third-utility/utility.json): the back is drawn under the front with the PIN's box on it,
// the words say "na poleđini" in each language; a utility with both on the front (Ruma) has no back.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import third from '../third-utility/utility.json' with { type: 'json' };
import ruma from '../../config/utility.json' with { type: 'json' };
import { billFigure, printedAtText } from '../../widget/src/bill-figure.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { UtilityConfig } from '../../contract/utility-config.ts';

const draw = (formats: Pick<UtilityConfig, 'consumerCode' | 'pin'>) => {
  const box = document.createElement('div');
  document.body.append(box);
  render(billFigure('fig', formats), box);
  return box.querySelector('svg')!;
};
/** The top of the box whose label is `label`. */
const boxTop = (svg: SVGSVGElement, label: string) => {
  const text = [...svg.querySelectorAll('text')].find((t) => t.textContent === label)!;
  return Number(text.previousElementSibling!.getAttribute('y'));
};

describe('where the code and PIN are on the bill', () => {
  afterEach(async () => {
    await setLocale('sr-Latn');
    document.body.replaceChildren();
  });

  it('a PIN on the back: the back drawn under the front, the PIN on it, the code on the front', () => {
    const svg = draw(third as UtilityConfig);
    expect(svg.getAttribute('viewBox')).to.equal('0 0 260 362');
    expect(svg.textContent).to.contain('Poleđina računa').and.contain('T-1234/5678').and.contain('12345678');
    expect(svg.textContent).to.not.contain('58204417');
    expect(boxTop(svg, 'PIN')).to.be.greaterThan(192);
    expect(boxTop(svg, 'Šifra potrošača')).to.be.lessThan(170);
    expect(svg.querySelector('title')!.textContent).to.equal(
      'Šifra potrošača: Nalazi se u gornjem levom uglu računa. PIN: Nalazi se na poleđini računa, u gornjem desnom uglu.',
    );
  });

  it('both on the front: no back drawn', () => {
    const svg = draw(ruma as UtilityConfig);
    expect(svg.getAttribute('viewBox')).to.equal('0 0 260 170');
    expect(svg.textContent).to.not.contain('Poleđina');
  });

  it('says the back in each language', async () => {
    expect(printedAtText('back-bottom-left')).to.equal('Nalazi se na poleđini računa, u donjem levom uglu.');
    await setLocale('sr-Cyrl');
    expect(printedAtText('back-bottom-left')).to.equal('Налази се на полеђини рачуна, у доњем левом углу.');
    await setLocale('en');
    expect(printedAtText('back-top-right')).to.equal('It is on the back of your bill, in the upper right corner.');
  });
});
