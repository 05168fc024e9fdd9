import type { Migration } from '../migrate.ts';
import { up as initial } from './user/001-initial.ts';
import { up as highlightRanges } from './user/002-highlight-ranges.ts';
import { up as continueReading } from './user/003-continue-reading.ts';
import { up as positionHash } from './user/004-position-hash.ts';

export const userMigrations: readonly Migration[] = [
  { version: 1, name: '001-initial', up: initial },
  { version: 2, name: '002-highlight-ranges', up: highlightRanges },
  { version: 3, name: '003-continue-reading', up: continueReading },
  { version: 4, name: '004-position-hash', up: positionHash },
];
