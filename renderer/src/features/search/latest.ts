/**
 * A sequence gate for out-of-order responses: each request takes a ticket, and only the newest
 * ticket's response may be shown, so a slow answer never overwrites a newer query's results.
 */
export interface LatestGate {
  /** Starts a request; returns its ticket. */
  next: () => number;
  /** True while no newer request has started since this ticket. */
  isLatest: (ticket: number) => boolean;
}

export function createLatestGate(): LatestGate {
  let current = 0;
  return {
    next: () => ++current,
    isLatest: (ticket) => ticket === current,
  };
}
