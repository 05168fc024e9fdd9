import { expect } from 'vitest';

/** Waits for a value the page announces, up to 10 s: Vitest's expect.poll with a longer default. */
export function eventually<T>(read: () => T | Promise<T>, message?: string): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 10_000, interval: 50, ...(message ? { message } : {}) });
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** An accessible name that starts with `title` as a whole (so "Article 1" does not match "Article 10"). */
export const startsWithTitle = (title: string) => new RegExp(`^${escapeRegExp(title)}(?![\\p{L}\\p{N}])`, 'u');
