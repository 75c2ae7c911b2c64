import { describe, expect, it } from 'vitest';
import { loadConfig as load, ConfigError, DEV_PIN_KEY, DEV_SIGNING_KEY, type Env } from '../../worker/src/config.ts';
import { testUtility } from '../support/utility.ts';
import { CONFIRM_LINK_HOURS, RESET_LINK_HOURS } from '../../contract/links.ts';

const loadConfig = (env: Env) => load(env, testUtility);

const dev = { APP_ENV: 'development' };

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
    const c = loadConfig(dev);
    expect(c.mailFrom).toBe(testUtility.mail.from);
    expect(c.mailFromName).toBe(testUtility.mail.fromName ?? testUtility.name);
    const named = load(dev, { ...testUtility, mail: { from: 'racuni@example.rs' } });
    expect([named.mailFrom, named.mailFromName]).toEqual(['racuni@example.rs', testUtility.name]);
    const env = loadConfig({ ...dev, MAIL_FROM: 'portal@example.org', MAIL_FROM_NAME: 'Portal' });
    expect([env.mailFrom, env.mailFromName]).toEqual(['portal@example.org', 'Portal']);
  });

  it('works with APP_ENV=development and nothing else: dev keys, dev mailbox, plain http on localhost', () => {
    const c = loadConfig(dev);
    expect(c.production).toBe(false);
    expect(c.portalUrl).toBe('http://localhost:8787/');
    expect(c.mailTransport).toBe('dev');
    expect(c.cookieSecure).toBe(false);
    expect([c.pinKey, c.signingKey]).toEqual([DEV_PIN_KEY, DEV_SIGNING_KEY]);
  });

  it('keeps the mail links valid as long as the widget tells the residents (contract/links.ts)', () => {
    for (const c of [loadConfig(dev), loadConfig(prod)]) {
      expect(c.confirmTtlMs).toBe(CONFIRM_LINK_HOURS * 3600_000);
      expect(c.resetTtlMs).toBe(RESET_LINK_HOURS * 3600_000);
    }
  });

  it('accepts a complete production configuration', () => {
    const c = loadConfig(prod);
    expect(c.mailTransport).toBe('mailchannels');
    expect(c.cookieSecure).toBe(true);
    const rotating = loadConfig({ ...prod, ADMIN_TOKEN: 'a'.repeat(32), ADMIN_TOKEN_NEXT: 'n'.repeat(32) });
    expect([rotating.adminToken, rotating.adminTokenNext]).toEqual(['a'.repeat(32), 'n'.repeat(32)]);
  });

  it("binds passkeys to the portal page's host, or to RP_ID: a parent domain of every allowed origin", () => {
    expect(loadConfig(dev).rpId).toBe('localhost');
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
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 32/],
    [{ ADMIN_TOKEN: 'a'.repeat(32), ADMIN_TOKEN_NEXT: 'short' }, /ADMIN_TOKEN_NEXT must be at least 32/],
    [{ ADMIN_TOKEN_NEXT: 'n'.repeat(32) }, /ADMIN_TOKEN_NEXT is set without ADMIN_TOKEN/],
  ])('refuses dev settings in production: %j', (over, message) => {
    expect(() => loadConfig({ ...prod, ...over })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, ...over })).toThrow(message);
  });

  it('rejects nonsense numbers', () => {
    expect(() => loadConfig({ ...dev, PIN_MAX_FAILURES: 'many' })).toThrow(/PIN_MAX_FAILURES/);
    expect(() => loadConfig({ ...dev, MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});

describe('production unless development is asked for by name', () => {
  // What an operator had: a production configuration, and APP_ENV forgotten or misspelt.
  const { APP_ENV: _, ...unnamed } = prod;

  it('is production with APP_ENV unset or empty: the production configuration starts as production', () => {
    for (const env of [unnamed, { ...unnamed, APP_ENV: '' }]) {
      const c = loadConfig(env);
      expect(c.production).toBe(true);
      expect(c.mailTransport).toBe('mailchannels');
      expect(c.cookieSecure).toBe(true);
    }
  });

  it.each([
    ['no variables at all', {}],
    ['an empty APP_ENV', { APP_ENV: '' }],
    ['only an https portal', { PORTAL_URL: 'https://www.stambenoruma.rs/portal' }],
  ])('refuses to start with %s: production wants its secrets, the dev keys are never taken', (_name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /Refusing to start in production: PIN_KEY must be set.*SIGNING_KEY must be set/,
    );
  });

  it.each(['Production', 'PRODUCTION', 'prod', 'dev', 'Development', 'staging', 'production ', 'test'])(
    'refuses APP_ENV=%j, naming the two values it takes — even with every secret in place',
    (value) => {
      for (const env of [{ APP_ENV: value }, { ...prod, APP_ENV: value }]) {
        expect(() => loadConfig(env)).toThrow(ConfigError);
        expect(() => loadConfig(env)).toThrow(/neither production nor development/);
        expect(() => loadConfig(env)).toThrow(JSON.stringify(value));
      }
    },
  );

  it.each([
    ['an https PORTAL_URL', { PORTAL_URL: 'https://www.stambenoruma.rs/portal' }, /PORTAL_URL is https/],
    ['an https API_URL', { API_URL: 'https://portal.stambenoruma.rs' }, /API_URL is https/],
    [
      'MailChannels itself',
      { MAIL_TRANSPORT: 'mailchannels', MAILCHANNELS_API_KEY: 'key' },
      /sends to api\.mailchannels\.net, not a stand-in on loopback/,
    ],
    [
      'MailChannels through a relay elsewhere',
      { MAIL_TRANSPORT: 'mailchannels', MAILCHANNELS_URL: 'http://10.0.0.5:8025/tx/v1/send' },
      /sends to 10\.0\.0\.5/,
    ],
    [
      'MailChannels to a name that only looks local',
      { MAIL_TRANSPORT: 'mailchannels', MAILCHANNELS_URL: 'http://localhost.example.com/tx/v1/send' },
      /sends to localhost\.example\.com/,
    ],
    [
      'the whole production configuration',
      { ...unnamed, MAIL_TRANSPORT: 'mailchannels' },
      /PORTAL_URL is https.*API_URL is https.*MAIL_TRANSPORT=mailchannels/,
    ],
  ])('refuses development with a configuration that looks like production: %s', (_name, over, message) => {
    const env = { ...over, APP_ENV: 'development' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/Refusing to start in development \(APP_ENV=development\)/);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lets development send through MailChannels to a stand-in on loopback, as the tests do', () => {
    for (const url of ['http://127.0.0.1:4010/tx/v1/send', 'http://localhost:4010/tx/v1/send', 'http://[::1]:4010/']) {
      const c = loadConfig({
        ...dev,
        MAIL_TRANSPORT: 'mailchannels',
        MAILCHANNELS_URL: url,
        MAILCHANNELS_API_KEY: 'k',
      });
      expect([c.production, c.mailTransport, c.mailchannelsUrl]).toEqual([false, 'mailchannels', url]);
    }
    // …and no URL at all is MailChannels itself: refused.
    expect(() => loadConfig({ ...dev, MAIL_TRANSPORT: 'mailchannels' })).toThrow(/not a stand-in on loopback/);
    expect(() => loadConfig({ ...dev, MAIL_TRANSPORT: 'mailchannels', MAILCHANNELS_URL: 'not a url' })).toThrow(
      /MAILCHANNELS_URL must be a URL/,
    );
  });
});
