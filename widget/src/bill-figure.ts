// Where the code and PIN are on the paper bill: the consumer code in the upper left corner,
// the PIN in the upper right, under the consumer's address (as the original manual says).
import { svg } from 'lit';
import { msg } from '@lit/localize';
import { getLocale } from './localize.js';
import { utility, utilityName } from './validation.js';

export function billFigure(titleId: string) {
  return svg`<svg class="jp-bill-figure" viewBox="0 0 320 200" role="img" aria-labelledby=${titleId} width="320" height="200">
    <title id=${titleId}>${msg('Račun: šifra potrošača je u gornjem levom uglu, PIN u gornjem desnom uglu ispod adrese potrošača.')}</title>
    <rect x="1" y="1" width="318" height="198" rx="6" fill="#fff" stroke="#6b6b6b" stroke-width="2"/>
    <text x="16" y="26" font-size="12" font-weight="700" fill="#0b5394">${utilityName(getLocale())}</text>
    <rect x="12" y="36" width="120" height="40" rx="4" fill="#fff3c4" stroke="#b37400" stroke-width="2"/>
    <text x="20" y="52" font-size="10" fill="#1a1a1a">${msg('Šifra potrošača')}</text>
    <text x="20" y="68" font-size="13" font-weight="700" fill="#1a1a1a">${utility.consumerCode.example}</text>
    <text x="188" y="26" font-size="10" fill="#1a1a1a">${msg('Ime i prezime')}</text>
    <text x="188" y="40" font-size="10" fill="#1a1a1a">${msg('Adresa potrošača')}</text>
    <rect x="184" y="48" width="120" height="36" rx="4" fill="#fff3c4" stroke="#b37400" stroke-width="2"/>
    <text x="192" y="63" font-size="10" fill="#1a1a1a">${msg('PIN')}</text>
    <text x="192" y="78" font-size="13" font-weight="700" fill="#1a1a1a">${utility.pin.example}</text>
    <g fill="#d9d9d9"><rect x="16" y="104" width="288" height="8"/><rect x="16" y="122" width="240" height="8"/><rect x="16" y="140" width="264" height="8"/><rect x="16" y="158" width="200" height="8"/></g>
  </svg>`;
}
