// Where the code and PIN are on the paper bill, as the utility's configuration says
// (`consumerCode.printedAt`, `pin.printedAt`: a corner of the front, or of the back — `back-…`;
// the consumer's name and address are printed in the upper right of the front, so a box there sits
// under them). The hints under the fields say the same words. The back is drawn under the front,
// and only when something is printed there. Drawn at about the size it is shown on a phone, so its
// words stay readable at 320 px. The values are placeholders shaped like the configured examples
// (letters kept, digits 1234…), never a real code or PIN.
import { svg } from 'lit';
import { msg } from '@lit/localize';
import type { Corner, PrintedAt, UtilityConfig } from '../../contract/utility-config.ts';
import { utility, utilityName } from './utility.js';

const placeholder = (example: string) => {
  let n = 0;
  return example.replace(/\d/g, () => String((n++ % 9) + 1));
};

/** Where on the bill, in words: the hint under a field and the figure's description. */
export function printedAtText(at: PrintedAt): string {
  switch (at) {
    case 'top-left':
      return msg('Nalazi se u gornjem levom uglu računa.');
    case 'top-right':
      return msg('Nalazi se u gornjem desnom uglu računa, ispod adrese potrošača.');
    case 'bottom-left':
      return msg('Nalazi se u donjem levom uglu računa.');
    case 'bottom-right':
      return msg('Nalazi se u donjem desnom uglu računa.');
    case 'back-top-left':
      return msg('Nalazi se na poleđini računa, u gornjem levom uglu.');
    case 'back-top-right':
      return msg('Nalazi se na poleđini računa, u gornjem desnom uglu.');
    case 'back-bottom-left':
      return msg('Nalazi se na poleđini računa, u donjem levom uglu.');
    case 'back-bottom-right':
      return msg('Nalazi se na poleđini računa, u donjem desnom uglu.');
  }
}

/** A side's height and where the back's sheet starts. */
const SHEET = 170;
const BACK = SHEET + 22;
/** The front's top right box sits under the name and address; the back has none. */
const SLOT: Record<Corner, { x: number; y: number }> = {
  'top-left': { x: 8, y: 8 },
  'top-right': { x: 134, y: 44 },
  'bottom-left': { x: 8, y: 116 },
  'bottom-right': { x: 134, y: 116 },
};

const onBack = (at: PrintedAt) => at.startsWith('back-');

function box(at: PrintedAt, label: string, example: string) {
  const corner = at.replace(/^back-/, '') as Corner;
  const { x, y } = onBack(at)
    ? { x: SLOT[corner].x, y: BACK + (corner === 'top-right' ? 8 : SLOT[corner].y) }
    : SLOT[corner];
  return svg`<rect x=${x} y=${y} width="116" height="46" rx="4" fill="#fff3c4" stroke="#8a5a00" stroke-width="2"/>
    <text x=${x + 6} y=${y + 17} font-size="10" fill="#1a1a1a">${label}</text>
    <text x=${x + 7} y=${y + 37} font-size="16" font-weight="700" fill="#1a1a1a">${placeholder(example)}</text>`;
}

/** Grey lines of print where no box is, `top` the first line's y. */
const filler = (x: number, top: number) =>
  svg`<g fill="#d9d9d9"><rect x=${x} y=${top} width="104" height="7"/><rect x=${x} y=${top + 15} width="84" height="7"/><rect x=${x} y=${top + 30} width="96" height="7"/></g>`;

type Formats = Pick<UtilityConfig, 'consumerCode' | 'pin'>;

/** The figure of the bill for `formats` (the utility's own by default). */
export function billFigure(titleId: string, { consumerCode: code, pin }: Formats = utility) {
  const used = new Set([code.printedAt, pin.printedAt]);
  const back = onBack(code.printedAt) || onBack(pin.printedAt);
  const height = back ? BACK + SHEET : SHEET;
  return svg`<svg class="jp-bill-figure" viewBox=${`0 0 260 ${height}`} role="img" aria-labelledby=${titleId}>
    <title id=${titleId}>${msg('Šifra potrošača')}: ${printedAtText(code.printedAt)} ${msg('PIN')}: ${printedAtText(pin.printedAt)}</title>
    <rect x="1" y="1" width="258" height="168" rx="6" fill="#fff" stroke="#6b6b6b" stroke-width="2"/>
    <text x="140" y="21" font-size="11" fill="#1a1a1a">${msg('Ime i prezime')}</text>
    <text x="140" y="36" font-size="11" fill="#1a1a1a">${msg('Adresa potrošača')}</text>
    <text class="jp-bill-brand" x="12" y="106" font-size="12" font-weight="700">${utilityName()}</text>
    ${used.has('bottom-left') ? '' : filler(12, 124)}${used.has('bottom-right') ? '' : filler(140, 124)}
    ${
      back
        ? svg`<text x="4" y=${BACK - 6} font-size="11" font-weight="700" fill="#1a1a1a">${msg('Poleđina računa')}</text>
      <rect x="1" y=${BACK + 1} width="258" height="168" rx="6" fill="#fff" stroke="#6b6b6b" stroke-width="2"/>
      ${filler(12, BACK + 70)}${filler(140, BACK + 70)}`
        : ''
    }
    ${box(code.printedAt, msg('Šifra potrošača'), code.example)}
    ${box(pin.printedAt, msg('PIN'), pin.example)}
  </svg>`;
}
