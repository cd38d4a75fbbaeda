import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_iam';

/** Every migration in order; a new one is a new numbered file added here. */
export const migrations: Record<string, Migration> = {
  '0001_iam': m0001,
};
