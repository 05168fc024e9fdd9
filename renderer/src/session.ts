/**
 * Serve mode's session token. It arrives once, in the address `npm run serve` prints; the page moves it
 * to sessionStorage (this tab only, kept across reloads) and loads itself again without it: replacing
 * the address alone (history.replaceState) would leave the token in the history entry's typed URL.
 * So it is never in a bookmark, a shared link, the history, a Referer or a cookie another port sees.
 */
const KEY = 'offprint.session';

interface Place {
  location: { href: string; replace: (url: string) => void };
  history: { state: unknown; replaceState: (state: unknown, unused: string, url: string) => void };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The tab's token, or 'reloading' while the page loads itself again without the token in its address. */
export function takeSessionToken(place: Place): string | null | 'reloading' {
  const url = new URL(place.location.href);
  const given = url.searchParams.get('token');
  if (given === null) return place.storage.getItem(KEY);
  place.storage.setItem(KEY, given);
  url.searchParams.delete('token');
  const clean = `${url.pathname}${url.search}${url.hash}`;
  place.history.replaceState(place.history.state, '', clean);
  place.location.replace(clean);
  return 'reloading';
}
