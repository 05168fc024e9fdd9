/** The index a list key moves to: ↑/↓ and k/j by one, Home/End to the ends; null for other keys. */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(last, index < 0 ? 0 : index + 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(0, index < 0 ? 0 : index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, index) + 10);
    case 'PageUp':
      return Math.max(0, index - 10);
    default:
      return null;
  }
}
