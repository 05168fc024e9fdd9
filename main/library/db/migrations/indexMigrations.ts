import type { Migration } from '../migrate.ts';
import { up as initial } from './index/001-initial.ts';
import { up as fileStamps } from './index/002-file-stamps.ts';
import { up as termDeletes } from './index/003-term-deletes.ts';
import { up as sortKey } from './index/004-sort-key.ts';
import { up as copies } from './index/005-copies.ts';

export const indexMigrations: readonly Migration[] = [
  { version: 1, name: '001-initial', up: initial },
  { version: 2, name: '002-file-stamps', up: fileStamps },
  { version: 3, name: '003-term-deletes', up: termDeletes },
  { version: 4, name: '004-sort-key', up: sortKey },
  { version: 5, name: '005-copies', up: copies },
];
