import { APP_SCHEME } from './origin.ts';

/**
 * What another program may ask of Offprint: an `offprint://` link (the OS hands it over on the command
 * line, to the second instance, or on macOS as 'open-url') can open an article by its id or show the
 * Add files dialog, and nothing else. It never imports, deletes, or names a path: a link is written by
 * whoever wrote the page or mail it sits in, so the user chooses the files in the dialog themself.
 *
 *   offprint://article/<id>   open that article (an id of the index, as documentId.ts makes them)
 *   offprint://import         show "Add files…"
 */
export type LaunchRequest = { kind: 'open-article'; id: string } | { kind: 'show-import' };

/** Ids are base64url; longer or other text is not one (schemas.ts caps ids at 64). */
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/u;

export function parseLaunchUrl(raw: string): LaunchRequest | null {
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.username !== '' ||
    url.password !== '' ||
    url.port !== '' ||
    url.search !== '' ||
    url.hash !== ''
  )
    return null;
  // url.host is 'app' for the renderer's own origin, which is never a request from outside.
  if (url.host === 'import' && (url.pathname === '' || url.pathname === '/')) return { kind: 'show-import' };
  if (url.host !== 'article') return null;
  const id = url.pathname.replace(/^\//u, '');
  return ARTICLE_ID.test(id) ? { kind: 'open-article', id } : null;
}

/**
 * The request in a command line (the first launch's, or the one a second instance hands over): the
 * first argument that is an `offprint:` URL. Paths, flags and anything else on the line are ignored.
 */
export function launchRequestFromArgv(argv: readonly string[]): LaunchRequest | null {
  const link = argv.find((arg) => arg.toLowerCase().startsWith(`${APP_SCHEME}:`));
  return link === undefined ? null : parseLaunchUrl(link);
}

export interface LaunchActions {
  openArticle: (id: string) => void;
  showImport: () => void;
}

/** Does what a request asks: one of the two things a request may do. */
export function routeLaunchRequest(request: LaunchRequest | null, actions: LaunchActions): void {
  if (!request) return;
  switch (request.kind) {
    case 'open-article':
      return actions.openArticle(request.id);
    case 'show-import':
      return actions.showImport();
    default:
      request satisfies never;
  }
}
