// Where the code and PIN are on the paper bill: the consumer code in the upper left corner,
// the PIN in the upper right, under the consumer's address (as the original manual says).
// Drawn at about the size it is shown on a phone, so its words stay readable at 320 px. The digits
// are placeholders as long as the configured examples (123456, 1234), never a real code or PIN.
import { svg } from 'lit';
import { msg } from '@lit/localize';
import { utility, utilityName } from './utility.js';

const placeholder = (example: string) => '1234567890'.repeat(2).slice(0, example.length);

export function billFigure(titleId: string) {
  return svg`<svg class="jp-bill-figure" viewBox="0 0 260 170" role="img" aria-labelledby=${titleId}>
    <title id=${titleId}>${msg('Račun: šifra potrošača je u gornjem levom uglu, PIN u gornjem desnom uglu ispod adrese potrošača.')}</title>
    <rect x="1" y="1" width="258" height="168" rx="6" fill="#fff" stroke="#6b6b6b" stroke-width="2"/>
    <rect x="8" y="8" width="112" height="46" rx="4" fill="#fff3c4" stroke="#8a5a00" stroke-width="2"/>
    <text x="15" y="25" font-size="11" fill="#1a1a1a">${msg('Šifra potrošača')}</text>
    <text x="15" y="45" font-size="16" font-weight="700" fill="#1a1a1a">${placeholder(utility.consumerCode.example)}</text>
    <text x="140" y="21" font-size="11" fill="#1a1a1a">${msg('Ime i prezime')}</text>
    <text x="140" y="36" font-size="11" fill="#1a1a1a">${msg('Adresa potrošača')}</text>
    <rect x="136" y="44" width="116" height="46" rx="4" fill="#fff3c4" stroke="#8a5a00" stroke-width="2"/>
    <text x="143" y="61" font-size="11" fill="#1a1a1a">${msg('PIN')}</text>
    <text x="143" y="81" font-size="16" font-weight="700" fill="#1a1a1a">${placeholder(utility.pin.example)}</text>
    <text class="jp-bill-brand" x="12" y="112" font-size="12" font-weight="700">${utilityName()}</text>
    <g fill="#d9d9d9"><rect x="12" y="124" width="236" height="7"/><rect x="12" y="139" width="196" height="7"/><rect x="12" y="154" width="216" height="7"/></g>
  </svg>`;
}
