// The administrator's import (Uvoz) of the billing system's CSV exports, the file as the body
// (`text/csv`, up to the billing system's 8 MiB; the encoding from `?encoding=`, the charset, or
// detected between UTF-8 and Windows-1250):
// POST /api/staff/imports/preview?kind=bills|consumers — what the import would do, writing nothing;
// POST /api/staff/imports?kind=… — all or nothing: a file with any bad line is 422 import_failed
// naming every line (`fields.lines`) and writes nothing; a good one is written as
// /api/admin/{bills,consumers} write it. A file that cannot be read at all (its encoding, its
// header, more than IMPORT_MAX_ROWS rows) is 422 import_failed with `fields.file` on both.
import { fail } from '../../http/errors.ts';
import { detectCsv, type DecodedCsv } from '../../csv/decode.ts';
import { ImportError } from '../../csv/table.ts';
import type { StaffCtx } from '../../staff/env.ts';
import { audited } from '../../staff/audit.ts';
import { IMPORT_KINDS, applyImport, checkImport, type ImportCheck } from '../../staff/import-check.ts';
import type { ImportKind, ImportPreviewAnswer } from '../../../../contract/office.ts';

/** Bad lines an answer names at most (the count is in the words of `file` and in the audit entry). */
export const ERRORS_SHOWN = 1000;

function kindParam(c: StaffCtx): ImportKind {
  const kind = c.req.query('kind') ?? '';
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw fail('validation_failed', { fields: { kind: 'invalid_format' } });
  return kind as ImportKind;
}

/** The file read and checked; a file that cannot be read is 422 import_failed with why. */
async function readAndCheck(c: StaffCtx): Promise<{ kind: ImportKind; file: DecodedCsv; check: ImportCheck }> {
  const kind = kindParam(c);
  const named = c.req.query('encoding') ?? c.req.header('content-type')?.match(/;\s*charset="?([^";\s]+)/i)?.[1];
  try {
    const file = detectCsv(new Uint8Array(await c.req.arrayBuffer()), named, '?encoding=windows-1250');
    return { kind, file, check: await checkImport(c.var.deps, kind, file.text) };
  } catch (e) {
    if (e instanceof ImportError) throw fail('import_failed', { fields: { file: e.message.slice(0, 200) } });
    throw e;
  }
}

export async function previewHandler(c: StaffCtx) {
  const { kind, file, check } = await readAndCheck(c);
  await audited(c, {
    action: 'import.previewed',
    detail: { kind, encoding: file.encoding, rows: check.rows, errors: check.errors.length },
  });
  return c.json(
    {
      kind,
      encoding: file.encoding,
      encodingDetected: file.detected,
      rows: check.rows,
      created: check.created,
      changed: check.changed,
      unchanged: check.unchanged,
      periods: check.periods,
      errors: check.errors.slice(0, ERRORS_SHOWN),
    } satisfies ImportPreviewAnswer,
    200,
  );
}

export async function importHandler(c: StaffCtx) {
  const { kind, check } = await readAndCheck(c);
  const { errors } = check;
  if (errors.length) {
    const first = errors
      .slice(0, 3)
      .map((e) => `line ${e.line}: ${e.reason}`)
      .join('; ');
    throw fail('import_failed', {
      fields: {
        file: `${errors.length} bad line(s), nothing imported — ${first}`.slice(0, 200),
        lines: errors.slice(0, ERRORS_SHOWN),
      },
    });
  }
  // The import's own batch is one transaction; its entry is written right after it.
  const answer = await applyImport(c.var.deps, check);
  await audited(c, {
    action: 'import.done',
    detail: {
      kind,
      rows: check.rows,
      created: answer.created,
      updated: answer.updated,
      mailed: answer.mailed,
      periods: answer.periods,
    },
  });
  return c.json(answer, 200);
}
