// What the office's search matches against: a consumer's name and address folded the way a clerk
// types them — lower case, Cyrillic as Latin, without diacritics (č, ć → c; š → s; ž → z; đ → dj) —
// so "jovanovic", "Јовановић" and "JOVANOVIĆ" all find Milica Jovanović. Written with the consumer
// at import (consumers/import.ts) and, for rows from before migration 0014, by the periodic job.
import { sql } from 'drizzle-orm';
import type { Db } from '../ports.ts';

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'dj',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
};

/** The folded form of a text (a query is folded the same way). */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u0430-\u045f]/g, (ch) => CYRILLIC[ch] ?? ch)
    .replaceAll('đ', 'dj')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The key of a consumer: the name and the address. */
export const consumerSearchKey = (name: string, address: string) => searchKey(`${name} | ${address}`);

/** Rows one run of the job folds (a few milliseconds each run; 20,000 consumers in 40 runs). */
const BACKFILL_ROWS = 500;

/** Folds the keys of consumers that have none yet (written before 0014); answers how many. */
export async function backfillSearchKeys(db: Db): Promise<number> {
  const rows = await db.all<{ code: string; name: string; address: string }>(
    sql`SELECT code, name, address FROM consumers WHERE search_key IS NULL LIMIT ${BACKFILL_ROWS}`,
  );
  if (!rows.length) return 0;
  const values = JSON.stringify(rows.map((r) => [r.code, consumerSearchKey(r.name, r.address)]));
  await db.run(sql`UPDATE consumers SET search_key = (SELECT json_extract(value, '$[1]') FROM json_each(${values})
      WHERE json_extract(value, '$[0]') = consumers.code)
    WHERE search_key IS NULL AND code IN (SELECT json_extract(value, '$[0]') FROM json_each(${values}))`);
  return rows.length;
}
