// A complete production configuration for tests that need one (secure cookies, https links,
// production's answers): development is asked for by name, and production wants every secret.
// Mail goes to a MailChannels address on loopback that nothing listens on.
export const PRODUCTION_ENV: Record<string, string> = {
  APP_ENV: 'production',
  PORTAL_URL: 'https://www.stambenoruma.rs/portal',
  ALLOWED_ORIGINS: 'https://www.stambenoruma.rs',
  RP_ID: 'stambenoruma.rs',
  PIN_KEY: 'p'.repeat(40),
  SIGNING_KEY: 's'.repeat(40),
  MAIL_TRANSPORT: 'mailchannels',
  MAILCHANNELS_API_KEY: 'test',
  MAILCHANNELS_URL: 'http://127.0.0.1:9/none',
};
