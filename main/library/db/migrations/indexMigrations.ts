import type { Migration } from '../migrate.ts';
import { up as initial } from './index/001-initial.ts';

export const indexMigrations: readonly Migration[] = [{ version: 1, name: '001-initial', up: initial }];
