import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError, DEV_PIN_KEY } from '../../worker/src/config.ts';
import { CONFIRM_LINK_HOURS, RESET_LINK_HOURS } from '../../contract/links.ts';

const prod = {
  APP_ENV: 'production',
  PORTAL_URL: 'https://www.stambenoruma.rs/portal',
  ALLOWED_ORIGINS: 'https://www.stambenoruma.rs',
  PIN_KEY: 'a-real-secret-of-more-than-32-characters',
  SIGNING_KEY: 'another-real-secret-of-more-than-32-chars',
  MAILCHANNELS_API_KEY: 'key',
};

describe('configuration', () => {
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

  it.each([
    [{ PIN_KEY: undefined }, /PIN_KEY/],
    [{ PIN_KEY: DEV_PIN_KEY }, /PIN_KEY/],
    [{ PORTAL_URL: 'http://www.stambenoruma.rs/' }, /PORTAL_URL/],
    [{ MAIL_TRANSPORT: 'dev' }, /MAIL_TRANSPORT/],
    [{ MAILCHANNELS_API_KEY: undefined }, /MAILCHANNELS_API_KEY/],
    [{ ALLOWED_ORIGINS: 'http://www.stambenoruma.rs' }, /ALLOWED_ORIGINS/],
  ])('refuses dev settings in production: %j', (over, message) => {
    expect(() => loadConfig({ ...prod, ...over })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, ...over })).toThrow(message);
  });

  it('rejects nonsense numbers', () => {
    expect(() => loadConfig({ PIN_MAX_FAILURES: 'many' })).toThrow(/PIN_MAX_FAILURES/);
    expect(() => loadConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
