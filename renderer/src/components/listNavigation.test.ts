import { describe, expect, it } from 'vitest';
import { nextIndex } from './listNavigation';

describe('nextIndex', () => {
  it('moves down with j or ArrowDown and stops at the last item', () => {
    expect(nextIndex('j', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(2);
  });

  it('moves up with k or ArrowUp and stops at the first item', () => {
    expect(nextIndex('k', 2, 3)).toBe(1);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(0);
  });

  it('starts at the first item when nothing is selected yet', () => {
    expect(nextIndex('j', -1, 3)).toBe(0);
    expect(nextIndex('k', -1, 3)).toBe(0);
  });

  it('jumps to the ends with Home and End', () => {
    expect(nextIndex('Home', 5, 9)).toBe(0);
    expect(nextIndex('End', 0, 9)).toBe(8);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextIndex('x', 0, 3)).toBeNull();
    expect(nextIndex('j', 0, 0)).toBeNull();
  });
});
