// Signed one-click links to stop e-mail bills (jose, HS256 with SIGNING_KEY).
import { SignJWT, jwtVerify } from 'jose';
import type { Config } from '../config.ts';

const PURPOSE = 'email-bills-off';
const key = (config: Config) => new TextEncoder().encode(config.signingKey);

export async function unsubscribeToken(config: Config, accountId: string): Promise<string> {
  return new SignJWT({ p: PURPOSE })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(accountId)
    .setIssuedAt()
    .setExpirationTime('400d')
    .sign(key(config));
}

/** The account id, or null for anything forged, expired or meant for something else. */
export async function verifyUnsubscribeToken(config: Config, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(config), { algorithms: ['HS256'] });
    return payload.p === PURPOSE && typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
