/**
 * Turns a User-Agent header into words a person recognises ("Chrome on Linux"). Pure and deliberately small:
 * it knows the common browsers, systems and HTTP tools, and otherwise falls back to the first product token,
 * so the account page can always show something shorter than the raw string (which it shows too).
 */

export interface UserAgentInfo {
  /** e.g. "Chrome", "Firefox", "curl"; null when nothing was recognised. */
  readonly browser: string | null;
  /** e.g. "Linux", "Windows", "iOS"; null when not stated. */
  readonly os: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome" and "Safari"; Chrome also says "Safari".
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bHeadlessChrome\//, 'Headless Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bChrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\b(?:iPhone|iPad).*AppleWebKit\//, 'Safari'],
  [/\bMSIE \d|\bTrident\//, 'Internet Explorer'],
];

// HTTP tools and libraries that start the header with their own product token.
const TOOLS: readonly (readonly [RegExp, string])[] = [
  [/^curl\//i, 'curl'],
  [/^Wget\//i, 'Wget'],
  [/^node(?:\/|$)|^undici(?:\/|$)|^node-fetch\//i, 'Node.js'],
  [/^python-requests\/|^python-urllib|^aiohttp\/|^python-httpx\//i, 'Python'],
  [/^okhttp\//i, 'OkHttp'],
  [/^Go-http-client\//, 'Go'],
  [/^PostmanRuntime\//, 'Postman'],
  [/^insomnia\//i, 'Insomnia'],
];

// Android says "Linux" too, iOS says "like Mac OS X", and ChromeOS says "X11; CrOS": test the specific first.
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPad\b/, 'iPadOS'],
  [/\b(?:iPhone|iPod)\b|\biOS\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b|\bUbuntu\b|\bFedora\b/, 'Linux'],
  [/\bFreeBSD\b|\bOpenBSD\b|\bNetBSD\b/, 'BSD'],
];

function first(table: readonly (readonly [RegExp, string])[], text: string): string | null {
  for (const [pattern, name] of table) if (pattern.test(text)) return name;
  return null;
}

export function parseUserAgent(header: string): UserAgentInfo {
  const ua = header.trim();
  if (ua === '') return { browser: null, os: null };
  const tool = first(TOOLS, ua);
  if (tool !== null) return { browser: tool, os: null };
  const browser = first(BROWSERS, ua) ?? productToken(ua);
  return { browser, os: first(SYSTEMS, ua) };
}

/** "Chrome on Linux", "Firefox", "Unknown browser on Windows", or "Unknown device" for an empty header. */
export function describeUserAgent(header: string): string {
  const { browser, os } = parseUserAgent(header);
  if (browser === null && os === null) return 'Unknown device';
  if (os === null) return browser ?? 'Unknown device';
  return `${browser ?? 'Unknown browser'} on ${os}`;
}

/** The name of the first `name/version` token, unless it is the uninformative "Mozilla". */
function productToken(ua: string): string | null {
  const name = /^([A-Za-z][\w.+-]{0,39})(?:\/|\s|$)/.exec(ua)?.[1];
  return name === undefined || name === 'Mozilla' ? null : name;
}
