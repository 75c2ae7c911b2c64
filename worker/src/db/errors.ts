// Recognising database failures through drizzle's wrapping (errors carry a `cause` chain).
function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) out.push(e);
  return out;
}

const text = (e: unknown) => `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;

/** A UNIQUE/PRIMARY KEY violation on `table.column`. */
export function isUniqueViolation(err: unknown, column: string): boolean {
  return chain(err).some((e) => /UNIQUE constraint failed/i.test(text(e)) && text(e).includes(column));
}

/** The database cannot be reached or used right now (worth a 503, not a 500). */
export function isDbUnavailable(err: unknown): boolean {
  return chain(err).some((e) =>
    /SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)|SERVER_ERROR|HRANA_|fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|database is locked|unable to open database|disk I\/O error|CLIENT_CLOSED/i.test(
      text(e),
    ),
  );
}
