import { describe, expect, it } from 'vitest';
import { takeSessionToken } from './session';

function place(href: string) {
  const items = new Map<string, string>();
  const urls: string[] = [];
  const loads: string[] = [];
  return {
    urls,
    loads,
    location: { href, replace: (url: string) => void loads.push(url) },
    history: { state: { n: 1 }, replaceState: (_s: unknown, _u: string, url: string) => void urls.push(url) },
    storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) },
  };
}

describe('the serve-mode session token', () => {
  it('moves the token from the address into storage and loads the page again without it', () => {
    const p = place('http://127.0.0.1:5000/?token=abc&x=1#top');
    expect(takeSessionToken(p)).toBe('reloading');
    expect(p.urls).toEqual(['/?x=1#top']);
    expect(p.loads).toEqual(['/?x=1#top']);
    expect(p.storage.getItem('offprint.session')).toBe('abc');
  });

  it('keeps the stored token on a reload without one in the address', () => {
    const p = place('http://127.0.0.1:5000/?token=abc');
    takeSessionToken(p);
    p.location.href = 'http://127.0.0.1:5000/';
    expect(takeSessionToken(p)).toBe('abc');
    expect(p.urls).toHaveLength(1);
  });

  it('has no token in a tab opened without one', () => {
    expect(takeSessionToken(place('http://127.0.0.1:5000/'))).toBeNull();
  });
});
