// The embed guide's text for residents says where the code and PIN are as the configuration says,
// the back of the bill included, in Serbian and English (widget/scripts/guide-text.ts).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { residentText, type GuideContext, type Lang } from '../../../widget/scripts/guide-text.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';
import { ROOT } from '../harness.ts';

const third = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, 'test/third-utility/utility.json') });
const text = (lang: Lang) =>
  residentText({ lang, t: (sr, en) => (lang === 'en' ? en : sr), utility: third } as GuideContext);

describe("the residents' text of the embed guide", () => {
  it('a PIN on the back of the bill', () => {
    expect(text('sr-Latn')).toContain(
      'šifra potrošača je u gornjem levom uglu računa (na primer T-2024/0815), a PIN na poleđini računa, u gornjem desnom uglu (na primer 58204417).',
    );
    expect(text('en')).toContain(
      'the consumer code is in the top left corner of the bill (for example T-2024/0815), the PIN on the back of the bill, in the top right corner (for example 58204417).',
    );
  });
});
