/** Library rows are fetched in pages as the virtual list scrolls. */
export const PAGE_SIZE = 100;

/** The page numbers that cover rows [first, last], clamped to the row count. */
export function pagesFor(first: number, last: number, total: number, size = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const a = Math.max(0, Math.floor(first / size));
  const b = Math.floor(Math.min(last, total - 1) / size);
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}
