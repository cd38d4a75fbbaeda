import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit } from '../iam/index';
import { getScopedOrg, getWritableOrg } from './party.access';
import { partyErrors } from './party.errors';
import * as repo from './party.repository';
import type { lifeRecordBodySchema } from './party.schemas';
import type { OrgLifeRecordRow } from './party.table';
import { toLifeRecordView } from './party.views';

// Organisational life (三会一课, 主题党日, 组织生活会, 民主评议 — CAPABILITIES §1.4): what an
// organisation held and when. The entity-operation checklist reads these records.

type Db = Kysely<Database>;

/** Records a meeting that was held: never one dated after today (a plan is not a record). */
export async function addLifeRecord(opts: {
  db: Db;
  actor: Actor;
  orgId: string;
  input: z.infer<typeof lifeRecordBodySchema>;
}) {
  const { db, actor, input } = opts;
  if (input.heldOn > chinaToday()) throw partyErrors.futureDate('heldOn');
  return db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, opts.orgId);
    const row: OrgLifeRecordRow = {
      id: newId(),
      orgId: org.id,
      path: org.path,
      kind: input.kind,
      heldOn: input.heldOn,
      topic: input.topic,
      attendees: input.attendees,
      note: input.note ?? null,
      createdBy: actor.kind === 'user' ? actor.id : null,
      createdAt: new Date().toISOString(),
    };
    await repo.insertLifeRecord(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'party.life_record.create',
      targetType: 'org_life_record',
      targetId: row.id,
      scopePath: row.path,
      summary: { orgId: org.id, kind: row.kind, heldOn: row.heldOn, attendees: row.attendees },
    });
    return toLifeRecordView(row);
  });
}

/** Latest held first; the cursor is `heldOn~id` of the last record of the previous page. */
export async function listLifeRecords(opts: {
  db: Db;
  actor: Actor;
  orgId: string;
  query: { after?: string | undefined; limit: number };
}) {
  const { db, query } = opts;
  const org = await getScopedOrg(db, opts.actor, opts.orgId);
  const [heldOn, id] = query.after?.split('~') ?? [];
  const rows = await repo.listLifeRecords(db, {
    orgId: org.id,
    after: heldOn && id ? { heldOn, id } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toLifeRecordView),
    nextCursor: rows.length > query.limit && last ? `${last.heldOn}~${last.id}` : null,
  };
}
