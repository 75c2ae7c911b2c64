// The administrator's overview (Pregled): GET /api/staff/overview — the last 12 ISO weeks
// (UTC, Monday to Sunday, oldest first, this week last): registrations begun and confirmed, and
// residents' logins (sessions begun; a session the cleanup removed is no longer counted); and the
// portal's counts now. Two aggregate reads (db/statements/overview.ts); audited.
import type { StaffCtx } from '../../staff/env.ts';
import { audited } from '../../staff/audit.ts';
import { WEEK_MS, portalCounts, weekCounts } from '../../db/statements/overview.ts';
import type { OverviewAnswer } from '../../../../contract/office.ts';

export const OVERVIEW_WEEKS = 12;
const DAY_MS = 24 * 3600_000;

/** Monday 00:00 UTC of the week of `t`. */
export const weekStart = (t: number) => {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
};

/** The ISO week of `t` (UTC), as `2026-W49`: the week of its Thursday, in that Thursday's year. */
export function isoWeek(t: number): string {
  const thursday = new Date(weekStart(t) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export async function overviewHandler(c: StaffCtx) {
  const { deps, limits } = c.var;
  const now = deps.now();
  const from = weekStart(now) - (OVERVIEW_WEEKS - 1) * WEEK_MS;
  // The per-code PIN rules (the address's own is not a lock of the code), their keys without the code.
  const probe = '0';
  const pinRules = limits
    .pin(probe, '0.0.0.0')
    .filter((rule) => limits.pinCodeKeys(probe).includes(rule.key))
    .map((rule) => ({ prefix: rule.key.slice(0, -probe.length), rule }));
  const [weeks, counts] = await Promise.all([
    weekCounts(deps.db.$client, from, OVERVIEW_WEEKS),
    portalCounts(deps.db.$client, pinRules, now),
  ]);
  await audited(c, { action: 'overview.viewed' });
  return c.json(
    {
      weeks: Array.from({ length: OVERVIEW_WEEKS }, (_, i) => ({
        week: isoWeek(from + i * WEEK_MS),
        ...(weeks.get(i) ?? { registrations: 0, confirmed: 0, logins: 0 }),
      })),
      ...counts,
    } satisfies OverviewAnswer,
    200,
  );
}
