import type { Migration } from '../migrate.ts';
import { up as initial } from './user/001-initial.ts';

export const userMigrations: readonly Migration[] = [{ version: 1, name: '001-initial', up: initial }];
