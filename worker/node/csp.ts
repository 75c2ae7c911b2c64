// The strict policy a careful site would use: the widget must work under it.
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

// The office's console (/kancelarija/): as strict, and never framed by anyone.
export const OFFICE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
