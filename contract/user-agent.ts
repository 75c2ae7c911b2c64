// A browser's User-Agent in two words a resident recognises: the browser and the system
// ("Chrome" on "android"), for the list of devices where the account is logged in. Invariant:
// pure, a handful of patterns, no library; what it does not recognise is null (the widget says
// "unknown"), never a guess. Order matters: Edge, Opera and Samsung Internet also say "Chrome",
// Chrome on iOS says "Safari", every browser on an iPhone is "Mobile Safari" underneath.

export type Browser = 'Edge' | 'Opera' | 'Samsung Internet' | 'Firefox' | 'Chrome' | 'Safari';
export type System = 'android' | 'iphone' | 'ipad' | 'windows' | 'mac' | 'linux' | 'chromeos';

export interface Device {
  browser: Browser | null;
  system: System | null;
}

const BROWSERS: [RegExp, Browser][] = [
  [/\b(Edg|EdgA|EdgiOS)\//, 'Edge'],
  [/\b(OPR|OPiOS|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, System][] = [
  [/\bAndroid\b/, 'android'],
  [/\biPhone\b|\biPod\b/, 'iphone'],
  [/\biPad\b/, 'ipad'],
  [/\bCrOS\b/, 'chromeos'],
  [/\bWindows\b/, 'windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'mac'],
  [/\bLinux\b|\bX11\b/, 'linux'],
];

export function parseUserAgent(ua: string | null | undefined): Device {
  if (!ua) return { browser: null, system: null };
  return {
    browser: BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null,
    system: SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null,
  };
}
