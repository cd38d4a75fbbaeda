import type { Db } from '../db/database';
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin, seedUsers } from '../modules/iam/index';

export interface DemoSeedResult {
  password: string;
  logins: DemoLogin[];
}

/**
 * Fills an empty database with the demo city of Binzhou; on a database that has it already,
 * adds only what is missing. Each module contributes its records through this one entry point.
 */
export async function seedDemoCity(opts: { db: Db; log?: (msg: string) => void }): Promise<DemoSeedResult> {
  const created = await seedUsers(opts.db.kysely);
  if (created > 0) opts.log?.(`demo city: ${created} demo accounts created`);
  return { password: DEMO_PASSWORD, logins: DEMO_LOGINS };
}
