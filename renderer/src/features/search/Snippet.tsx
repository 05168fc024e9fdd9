import type { Segment } from '../../../../common/contract';

/** A search snippet: plain text with the hit terms in <mark>, built from segments, never from HTML. */
export function Snippet({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
