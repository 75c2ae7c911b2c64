// The Hono environment of the office's routes: the app's, plus the staff session (behind
// requireStaff) and whether the call's audit entry was written (audit.ts).
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import type { StaffSession } from './sessions.ts';

export interface StaffEnv {
  Variables: AppEnv['Variables'] & { staffSession: StaffSession; audited: boolean };
}
export type StaffCtx = Context<StaffEnv>;
