import type { Migration } from '../migrate.ts';
import { up as initial } from './user/001-initial.ts';
import { up as highlightRanges } from './user/002-highlight-ranges.ts';

export const userMigrations: readonly Migration[] = [
  { version: 1, name: '001-initial', up: initial },
  { version: 2, name: '002-highlight-ranges', up: highlightRanges },
];
