import { isOpenableUrl } from '../library/links.ts';

/**
 * The one way a URL leaves the app (checklist #15). handlers.ts has already refused anything but
 * http, https and mailto, and the renderer has shown the full URL and asked; this checks again, so
 * a future caller cannot skip the allow-list, and only then hands the URL to the OS.
 */
export function externalOpener(open: (url: string) => Promise<void>): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isOpenableUrl(url)) return false;
    await open(url);
    return true;
  };
}
