import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { fieldProblem } from '../../server/errors';
import { type Actor, appendAudit } from '../iam/index';
import { actorRef, findDemandRow, getScopedDemand, isReporter, scopedDemand } from './demands.access';
import { planAction } from './demands.actions';
import { demandsErrors } from './demands.errors';
import { appendDemandEvent } from './demands.events.repository';
import { uploadedBy } from './demands.files';
import { getDemandDetail, holdsAnywhere } from './demands.handling.detail';
import { notifyDemandStep } from './demands.notices';
import { mayRevealReporter } from './demands.privacy';
import type { DemandActionBody, DemandDetail } from './demands.schemas';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';
import type { DemandRow } from './demands.table';
import { DEMAND_ACTIONS, transition } from './demands.workflow';

export { getDemandDetail } from './demands.handling.detail';
export { listDemands } from './demands.list.service';

// Handling a demand: one step of the workflow (demands.workflow.ts) with its effects
// (demands.actions.ts), in one transaction guarded on the state the step was checked against, so
// that of two concurrent steps from the same state one wins and the other gets 409; and revealing
// the reporter to a handler who must call them (demands.privacy.ts), audited first.

type Db = Kysely<Database>;

/** The reporter's own steps are labelled as theirs: the timeline does not show a resident's login. */
const REPORTER_LABEL = '诉求人 reporter';

/**
 * The demand an action is taken on. `rate` is open to the demand's reporter; a resident rating
 * someone else's demand learns nothing of it (404). Every other step needs its permission over
 * the demand's place: 403 without it anywhere, 404 outside the place.
 */
async function demandForAction(db: Db, actor: Actor, id: string, body: DemandActionBody): Promise<DemandRow> {
  const row = await findDemandRow(db, id);
  if (body.action === 'rate') {
    if (row && isReporter(actor, row)) return row;
    if (actor.kind === 'user' && !holdsAnywhere(actor, 'demands.read')) throw demandsErrors.demandNotFound();
  }
  return scopedDemand(actor, row, DEMAND_ACTIONS[body.action].permission);
}

/** Photos on a step must be files the actor uploaded (or already on this demand). */
async function checkPhotos(db: Db, actor: Actor, demandId: string, photos: readonly string[]): Promise<void> {
  if (photos.length === 0) return;
  const unique = [...new Set(photos)];
  const mine = [...(await uploadedBy(db, actor, unique))].map((sha256) => ({ sha256 }));
  const attached = await db
    .selectFrom('demandAttachments')
    .select('sha256')
    .where('demandId', '=', demandId)
    .where('sha256', 'in', unique)
    .execute();
  const known = new Set([...mine, ...attached].map((r) => r.sha256));
  const missing = unique.filter((s) => !known.has(s));
  if (missing.length)
    throw demandsErrors.invalidAction([
      fieldProblem('photos', 'unknown_file', {
        zh: '图片须先由您本人上传',
        en: 'Photos must be uploaded by you first',
      }),
    ]);
}

/** POST /api/v1/demands/:id/actions — one handling step; answers with the demand's detail. */
export async function takeAction(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  body: DemandActionBody;
  now?: Date;
}): Promise<DemandDetail> {
  const { db, cipher, actor, id, body } = opts;
  const now = opts.now ?? new Date();
  const demand = await demandForAction(db, actor, id, body);
  const step = transition(demand.status, body.action, body.note);
  if (!step.ok) {
    if (step.reason === 'reason_required') throw demandsErrors.reasonRequired(body.action);
    throw demandsErrors.invalidTransition(demand.status, body.action);
  }
  await checkPhotos(db, actor, demand.id, body.photos);
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const plan = await planAction({ db, actor, demand, body, now, calendar, settings });
  const at = now.toISOString();
  const byReporter = isReporter(actor, demand);

  await db.transaction().execute(async (trx) => {
    // Optimistic guard: the step was checked against this state; if another step moved the demand
    // meanwhile, nothing is updated and this one is refused.
    const moved = await trx
      .updateTable('demands')
      .set({ ...plan.set, status: step.to, updatedAt: at })
      .where('id', '=', demand.id)
      .where('status', '=', demand.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw demandsErrors.invalidTransition(demand.status, body.action);
    if (plan.alongside) await plan.alongside(trx);
    await appendDemandEvent(trx, {
      demandId: demand.id,
      action: body.action,
      fromStatus: demand.status,
      toStatus: step.to,
      actorId: actorRef(actor),
      actorLabel: byReporter ? REPORTER_LABEL : actor.label,
      note: body.note ?? null,
      data: plan.data,
      at,
      photos: [...new Set(body.photos)],
    });
    await notifyDemandStep(trx, {
      demand,
      action: body.action,
      toStatus: step.to,
      data: plan.data,
      note: body.note ?? null,
      actor,
      at,
    });
    await appendAudit(trx, {
      actor,
      action: `demands.${body.action}`,
      targetType: 'demand',
      targetId: demand.id,
      scopePath: demand.path,
      summary: { number: demand.number, from: demand.status, to: step.to, ...auditable(plan.data) },
    });
  });
  return getDemandDetail({ db, cipher, actor, id: demand.id, now });
}

/** Step particulars fit for the audit log: ids, kinds and times, never free text. */
function auditable(data: Record<string, unknown>): Record<string, unknown> {
  const { reason: _reason, ...rest } = data;
  return rest;
}

/**
 * POST /api/v1/demands/:id/reporter/reveal — the reporter's name and full phone for whoever must
 * call them back, with a reason; the audit entry is written before the plaintext leaves (PIPL
 * art. 6: 最小必要 — everyone else sees the masks; see demands.privacy.ts).
 */
export async function revealReporter(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  reason: string;
}): Promise<{ name: string | null; phone: string | null }> {
  const { db, cipher, actor, id, reason } = opts;
  const demand = await getScopedDemand(db, actor, id, 'demands.handle');
  const decision = mayRevealReporter(actor, demand);
  if (decision === 'anonymous') throw demandsErrors.anonymousReporter();
  if (decision !== 'allowed') throw demandsErrors.revealForbidden();
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      action: 'demands.reveal_reporter',
      targetType: 'demand',
      targetId: demand.id,
      scopePath: demand.path,
      summary: { number: demand.number, reason },
    }),
  );
  return {
    name: demand.reporterNameEnc ? cipher.decrypt(demand.reporterNameEnc) : null,
    phone: demand.reporterPhoneEnc ? cipher.decrypt(demand.reporterPhoneEnc) : null,
  };
}
