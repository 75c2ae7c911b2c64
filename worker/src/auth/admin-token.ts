// Which of the billing system's tokens a bearer is: ADMIN_TOKEN (`current`) or, during a rotation,
// ADMIN_TOKEN_NEXT (`next`) (docs/operations.md, "Rotating the admin token"). Invariant: every
// configured token is compared in constant time, whether or not an earlier one matched, so the time
// taken says nothing about which (if any) was close; the token itself is never returned or logged.
import type { Config } from '../config.ts';
import { timingSafeEqual } from './crypto.ts';

export type AdminTokenName = 'current' | 'next';

export function adminTokenOf(
  given: string,
  config: Pick<Config, 'adminToken' | 'adminTokenNext'>,
): AdminTokenName | null {
  const current = config.adminToken !== undefined && timingSafeEqual(given, config.adminToken);
  const next = config.adminTokenNext !== undefined && timingSafeEqual(given, config.adminTokenNext);
  return current ? 'current' : next ? 'next' : null;
}
