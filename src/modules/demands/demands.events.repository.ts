import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaDateOf } from '../../lib/working-calendar';
import type { DemandStatus } from './demands.table';

// The two writes every way into a demand shares: the next human number of the day, and a step on
// the demand's timeline (the electronic record of Binzhou grid regulation art. 14). Callers hold a
// transaction and have already moved the demand row (its update serializes concurrent steps).

type Q = Kysely<Database> | Transaction<Database>;

/** `YYYYMMDD` + a five-digit sequence of the China day of receipt: 2026112700042. */
export async function nextDemandNumber(trx: Q, receivedAt: Date): Promise<string> {
  const day = chinaDateOf(receivedAt).replaceAll('-', '');
  const row = await trx
    .insertInto('demandCounters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql<number>`demand_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${day}${String(Number(row.last)).padStart(5, '0')}`;
}

export interface NewDemandEvent {
  demandId: string;
  action: string;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus;
  actorId: string | null;
  actorLabel: string;
  note?: string | null;
  data?: Record<string, unknown>;
  at: string;
  /** Stored files (sha256) attached to this step. */
  photos?: readonly string[];
}

/** Appends a step to the demand's timeline, with its attachments; returns the event id. */
export async function appendDemandEvent(trx: Q, e: NewDemandEvent): Promise<string> {
  const last = await trx
    .selectFrom('demandEvents')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('demandId', '=', e.demandId)
    .executeTakeFirst();
  const id = newId();
  await trx
    .insertInto('demandEvents')
    .values({
      id,
      demandId: e.demandId,
      seq: Number(last?.seq ?? 0) + 1,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      note: e.note ?? null,
      data: JSON.stringify(e.data ?? {}),
      at: e.at,
    })
    .execute();
  if (e.photos?.length)
    await trx
      .insertInto('demandAttachments')
      .values(
        e.photos.map((sha256) => ({
          id: newId(),
          demandId: e.demandId,
          eventId: id,
          sha256,
          createdAt: e.at,
        })),
      )
      .execute();
  return id;
}
