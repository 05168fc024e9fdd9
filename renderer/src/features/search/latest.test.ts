import { describe, expect, it } from 'vitest';
import { createLatestGate } from './latest';

describe('createLatestGate', () => {
  it('drops the answer to an older request once a newer one started', async () => {
    const gate = createLatestGate();
    const shown: string[] = [];
    const request = (q: string, ms: number) => {
      const ticket = gate.next();
      return new Promise<void>((done) =>
        setTimeout(() => {
          if (gate.isLatest(ticket)) shown.push(q);
          done();
        }, ms),
      );
    };
    await Promise.all([request('broad', 30), request('narrow', 1)]);
    expect(shown).toEqual(['narrow']);
  });

  it('keeps the answer of the newest request', () => {
    const gate = createLatestGate();
    gate.next();
    const t = gate.next();
    expect(gate.isLatest(t)).toBe(true);
  });
});
