const OPENABLE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Links that may open outside Offprint, in the system's browser or mail app: http, https and mailto only. */
export function isOpenableUrl(raw: string): boolean {
  try {
    return OPENABLE_SCHEMES.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}
