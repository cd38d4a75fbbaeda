import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { appendAudit } from './iam.audit';
import { hashPassword } from './iam.password';
import * as repo from './iam.repository';
import type { Role } from './iam.roles';
import { systemActor } from './iam.scope';

export interface DemoLogin {
  username: string;
  displayName: string;
  role: Role;
  scopePath: string;
}

/** The demo password: printed at start, and only ever used on a demo city. */
export const DEMO_PASSWORD = 'Binzhou@2026';

/** Accounts every demo city has; modules add their own (grid workers, committee members) as they seed. */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', displayName: '滨州市平台管理员', role: 'city_admin', scopePath: '3716' },
  { username: 'auditor', displayName: '市审计专员', role: 'auditor', scopePath: '3716' },
  { username: 'bincheng', displayName: '滨城区干部', role: 'district_official', scopePath: '3716/371602' },
  {
    username: 'shizhong',
    displayName: '市中街道干部',
    role: 'street_official',
    scopePath: '3716/371602/371602001',
  },
  {
    username: 'shixi',
    displayName: '市西街道干部',
    role: 'street_official',
    scopePath: '3716/371602/371602002',
  },
];

/** Creates the demo accounts that do not exist yet, with their audit entries, in one transaction. */
export async function seedUsers(db: Kysely<Database>, logins: DemoLogin[] = DEMO_LOGINS): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  let created = 0;
  await db.transaction().execute(async (trx) => {
    for (const login of logins) {
      if (await repo.findUserByUsername(trx, login.username)) continue;
      const id = newId();
      await repo.insertUser(trx, {
        id,
        username: login.username,
        displayName: login.displayName,
        passwordHash,
        homeScopePath: login.scopePath,
        status: 'active',
        mustChangePassword: 0,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceRoles(trx, id, [
        { id: newId(), userId: id, role: login.role, scopePath: login.scopePath, createdAt: now },
      ]);
      await appendAudit(trx, {
        actor: systemActor,
        action: 'iam.user_created',
        targetType: 'user',
        targetId: id,
        scopePath: login.scopePath,
        summary: { username: login.username, role: login.role, demo: true },
      });
      created += 1;
    }
  });
  return created;
}
