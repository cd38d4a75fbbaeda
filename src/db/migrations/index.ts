import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_iam';
import * as m0002 from './0002_areas';

/** Every migration in order; a new one is a new numbered file added here. */
export const migrations: Record<string, Migration> = {
  '0001_iam': m0001,
  '0002_areas': m0002,
};
