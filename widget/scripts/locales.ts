// Fills the target locales' XLIFF: sr-Cyrl by transliterating sr-Latn (never by hand), en from
// widget/scripts/en.json. `--check` fails when a committed file is out of sync, a message lacks
// a translation, or Latin letters remain in the Cyrillic text (outside URLs and placeholders).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { latinToCyrillic, strayLatin } from '../../contract/translit.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const check = process.argv.includes('--check');
const en: Record<string, string> = JSON.parse(readFileSync(resolve(ROOT, 'widget/scripts/en.json'), 'utf8'));
const problems: string[] = [];

const UNIT =
  /<trans-unit id="([^"]+)">\n {2}<source>([\s\S]*?)<\/source>(?:\n {2}<target>[\s\S]*?<\/target>)?\n<\/trans-unit>/g;

function fill(locale: string, translate: (source: string, id: string) => string | undefined) {
  const path = resolve(ROOT, `locales/${locale}.xlf`);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(UNIT, (_all, id: string, source: string) => {
    const target = translate(source, id);
    if (target === undefined) {
      problems.push(`${locale}: no translation for ${id} "${source}"`);
      return `<trans-unit id="${id}">\n  <source>${source}</source>\n</trans-unit>`;
    }
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>\n</trans-unit>`;
  });
  if (check) {
    if (after !== before) problems.push(`locales/${locale}.xlf is out of sync: run npm run locales:build`);
  } else writeFileSync(path, after);
}

fill('sr-Cyrl', (source, id) => {
  const target = latinToCyrillic(source);
  const stray = strayLatin(target);
  if (stray.length) problems.push(`sr-Cyrl: Latin left in ${id}: ${stray.join(', ')}`);
  return target;
});
fill('en', (source) => en[source]);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(check ? 'locales: in sync, complete, no stray Latin' : 'locales: written');
