import type { Migration } from '../migrate.ts';
import { up as initial } from './index/001-initial.ts';
import { up as fileStamps } from './index/002-file-stamps.ts';
import { up as termDeletes } from './index/003-term-deletes.ts';

export const indexMigrations: readonly Migration[] = [
  { version: 1, name: '001-initial', up: initial },
  { version: 2, name: '002-file-stamps', up: fileStamps },
  { version: 3, name: '003-term-deletes', up: termDeletes },
];
