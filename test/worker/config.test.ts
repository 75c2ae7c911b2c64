import { describe, expect, it } from 'vitest';
import { loadConfig as load, ConfigError, DEV_PIN_KEY, type Env } from '../../worker/src/config.ts';
import { testUtility } from '../support/utility.ts';
import { CONFIRM_LINK_HOURS, RESET_LINK_HOURS } from '../../contract/links.ts';

const loadConfig = (env: Env) => load(env, testUtility);

const prod = {
  APP_ENV: 'production',
  PORTAL_URL: 'https://www.stambenoruma.rs/portal',
  ALLOWED_ORIGINS: 'https://www.stambenoruma.rs',
  PIN_KEY: 'a-real-secret-of-more-than-32-characters',
  SIGNING_KEY: 'another-real-secret-of-more-than-32-chars',
  MAILCHANNELS_API_KEY: 'key',
};

describe('configuration', () => {
  it("sends mail as the utility's configuration says, unless MAIL_FROM / MAIL_FROM_NAME say otherwise", () => {
    const c = loadConfig({});
    expect(c.mailFrom).toBe(testUtility.mail.from);
    expect(c.mailFromName).toBe(testUtility.mail.fromName ?? testUtility.name);
    const named = load({}, { ...testUtility, mail: { from: 'racuni@example.rs' } });
    expect([named.mailFrom, named.mailFromName]).toEqual(['racuni@example.rs', testUtility.name]);
    const env = loadConfig({ MAIL_FROM: 'portal@example.org', MAIL_FROM_NAME: 'Portal' });
    expect([env.mailFrom, env.mailFromName]).toEqual(['portal@example.org', 'Portal']);
  });

  it('works with no variables at all in development', () => {
    const c = loadConfig({});
    expect(c.production).toBe(false);
    expect(c.portalUrl).toBe('http://localhost:8787/');
    expect(c.mailTransport).toBe('dev');
    expect(c.cookieSecure).toBe(false);
  });

  it('keeps the mail links valid as long as the widget tells the residents (contract/links.ts)', () => {
    for (const c of [loadConfig({}), loadConfig(prod)]) {
      expect(c.confirmTtlMs).toBe(CONFIRM_LINK_HOURS * 3600_000);
      expect(c.resetTtlMs).toBe(RESET_LINK_HOURS * 3600_000);
    }
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig(prod);
    expect(c.mailTransport).toBe('mailchannels');
    expect(c.cookieSecure).toBe(true);
  });

  it("binds passkeys to the portal page's host, or to RP_ID: a parent domain of every allowed origin", () => {
    expect(loadConfig({}).rpId).toBe('localhost');
    expect(loadConfig(prod).rpId).toBe('www.stambenoruma.rs');
    const both = {
      ...prod,
      RP_ID: 'stambenoruma.rs',
      ALLOWED_ORIGINS: 'https://www.stambenoruma.rs,https://portal.stambenoruma.rs',
    };
    expect(loadConfig(both).rpId).toBe('stambenoruma.rs');
  });

  it.each([
    [{ PIN_KEY: undefined }, /PIN_KEY/],
    [{ PIN_KEY: DEV_PIN_KEY }, /PIN_KEY/],
    [{ PORTAL_URL: 'http://www.stambenoruma.rs/' }, /PORTAL_URL/],
    [{ MAIL_TRANSPORT: 'dev' }, /MAIL_TRANSPORT/],
    [{ MAILCHANNELS_API_KEY: undefined }, /MAILCHANNELS_API_KEY/],
    [{ ALLOWED_ORIGINS: 'http://www.stambenoruma.rs' }, /ALLOWED_ORIGINS/],
    [{ RP_ID: 'portal.stambenoruma.rs' }, /RP_ID/],
    [{ RP_ID: 'rs', ALLOWED_ORIGINS: 'https://www.stambenoruma.rs,https://evil.example' }, /RP_ID/],
  ])('refuses dev settings in production: %j', (over, message) => {
    expect(() => loadConfig({ ...prod, ...over })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, ...over })).toThrow(message);
  });

  it('rejects nonsense numbers', () => {
    expect(() => loadConfig({ PIN_MAX_FAILURES: 'many' })).toThrow(/PIN_MAX_FAILURES/);
    expect(() => loadConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
