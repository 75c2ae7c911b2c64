// The two settings the login page needs (jp-portal.ts: the name; tokens.ts: the colours), imported
// as a module of their own (`?login`): the bundler keeps only these two on the login path, while
// the views loaded on demand import the whole configuration (utility.ts, help.ts).
declare module '*/config/utility.json?login' {
  type Config = typeof import('../../config/utility.json');
  export const name: Config['name'];
  export const colors: Config['colors'];
}
