import { describe, expect, it, vi } from 'vitest';
import { answerRequest, eventMessage } from './requests.ts';

const ok = { ok: true as const, value: { total: 0, notice: null, results: [] } };

describe('answerRequest', () => {
  it('passes a request from the app’s top frame on to dispatch, name and input unchanged, with its window', async () => {
    const dispatch = vi.fn().mockResolvedValue(ok);
    const sender = { url: 'offprint://app/index.html', isMainFrame: true, window: 3 };
    const result = await answerRequest(dispatch, sender, 'search.query', { q: 'moon' });
    expect(result).toBe(ok);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('search.query', { q: 'moon' }, { channel: 'window 3' });
  });

  it.each([
    ['a sub-frame of the app', { url: 'offprint://app/index.html', isMainFrame: false }],
    ['a remote page', { url: 'https://evil.invalid/', isMainFrame: true }],
    ['a local file', { url: 'file:///tmp/evil.html', isMainFrame: true }],
    ['a look-alike host', { url: 'offprint://app.evil/', isMainFrame: true }],
    ['a frame that is gone', null],
  ])('refuses %s without calling dispatch', async (_label, sender) => {
    const dispatch = vi.fn().mockResolvedValue(ok);
    const result = await answerRequest(dispatch, sender, 'folders.add', { path: '/' });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('leaves unknown names and bad input to dispatch, which answers them with error values', async () => {
    const dispatch = vi.fn().mockResolvedValue({ ok: false, error: { code: 'unknown-request', message: 'Unknown request' } });
    const result = await answerRequest(dispatch, { url: 'offprint://app/', isMainFrame: true }, '__proto__', 42);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    expect(dispatch).toHaveBeenCalledWith('__proto__', 42, { channel: undefined });
  });
});

describe('eventMessage', () => {
  it('carries the name and payload only', () => {
    expect(eventMessage('library.changed', { articles: 3 })).toEqual({ event: 'library.changed', payload: { articles: 3 } });
  });
});
