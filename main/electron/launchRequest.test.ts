import { describe, expect, it, vi } from 'vitest';
import { launchRequestFromArgv, parseLaunchUrl, routeLaunchRequest } from './launchRequest.ts';

describe('offprint:// requests from other programs', () => {
  it('opens an article by its id, keeping the id’s case', () => {
    expect(parseLaunchUrl('offprint://article/AbC-_9xyZ0123456')).toEqual({ kind: 'open-article', id: 'AbC-_9xyZ0123456' });
  });

  it('shows the import dialog, and only that, for offprint://import', () => {
    expect(parseLaunchUrl('offprint://import')).toEqual({ kind: 'show-import' });
    expect(parseLaunchUrl('offprint://import/')).toEqual({ kind: 'show-import' });
  });

  it('refuses anything that would import, delete or name a path', () => {
    for (const url of [
      'offprint://import?path=/etc/passwd',
      'offprint://import/home/u/book.epub',
      'offprint://import#/tmp/x.md',
      'offprint://add/home/u/book.epub',
      'offprint://delete/AbC',
      'offprint://folders.remove?key=/home/u',
      'offprint://article/../../etc/passwd',
      'offprint://article/a/b',
      'offprint://article/%2Fetc%2Fpasswd',
      'offprint://article/',
      `offprint://article/${'a'.repeat(65)}`,
      'offprint://article/AbC?then=delete',
      'offprint://user:pw@article/AbC',
      'offprint://article:8080/AbC',
      'offprint://app/index.html',
      'file:///home/u/book.epub',
      'https://example.com/article/AbC',
      'not a url',
    ]) {
      expect(parseLaunchUrl(url), url).toBeNull();
    }
  });

  it('takes the first offprint: URL on a command line and ignores paths and flags', () => {
    expect(launchRequestFromArgv(['/usr/bin/offprint', '--flag', '/home/u/book.epub'])).toBeNull();
    expect(launchRequestFromArgv(['/usr/bin/offprint', '--', 'OFFPRINT://article/AbC'])).toEqual({ kind: 'open-article', id: 'AbC' });
    expect(launchRequestFromArgv(['offprint', 'offprint://delete/x', 'offprint://import'])).toBeNull();
  });

  it('routes a request to exactly one of its two actions, and nothing to neither', () => {
    const actions = { openArticle: vi.fn(), showImport: vi.fn() };
    routeLaunchRequest({ kind: 'open-article', id: 'AbC' }, actions);
    routeLaunchRequest({ kind: 'show-import' }, actions);
    routeLaunchRequest(null, actions);
    expect(actions.openArticle.mock.calls).toEqual([['AbC']]);
    expect(actions.showImport).toHaveBeenCalledOnce();
  });
});
