import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_iam';
import * as m0002 from './0002_areas';
import * as m0003 from './0003_people';
import * as m0004 from './0004_party';
import * as m0005 from './0005_party_records';
import * as m0006 from './0006_owners';
import * as m0007 from './0007_owner_votes';
import * as m0008 from './0008_demands';
import * as m0009 from './0009_notifications';
import * as m0010 from './0010_rate_limits';
import * as m0011 from './0011_reminders';

/** Every migration in order; a new one is a new numbered file added here. */
export const migrations: Record<string, Migration> = {
  '0001_iam': m0001,
  '0002_areas': m0002,
  '0003_people': m0003,
  '0004_party': m0004,
  '0005_party_records': m0005,
  '0006_owners': m0006,
  '0007_owner_votes': m0007,
  '0008_demands': m0008,
  '0009_notifications': m0009,
  '0010_rate_limits': m0010,
  '0011_reminders': m0011,
};
