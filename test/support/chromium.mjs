// How every test and benchmark starts Debian's Chromium (no browser downloads): the path, and the
// flags without which it tries the network at start-up (refused here, many times over).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
