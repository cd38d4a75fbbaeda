import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId, randomToken } from '../../lib/ids';
import { maskName, maskPhone } from '../../lib/mask';
import { AppError, type FieldProblem, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit, authorize, can, scopesFor } from '../iam/index';
import { actorRef } from './demands.access';
import { findCategoryVersion } from './demands.catalogue.read';
import { demandsErrors } from './demands.errors';
import { appendDemandEvent, nextDemandNumber } from './demands.events.repository';
import { photoProblems } from './demands.files';
import { requestHashOf, withIdempotency } from './demands.idempotency';
import { attributeProblems, channelProblems, placeProblems, reporterOf } from './demands.intake.rules';
import { type DemandPlace, placeOfArea, placeOfPath, placeOfPoint } from './demands.places.repository';
import type { CategoryAttribute, CreateDemandBody } from './demands.schemas';
import type { DemandChannel, DemandStatus } from './demands.table';

// Filing a demand (受理): the one way in for the mobile page, patrol, the hotline and Open311.
// Checks first (all field problems at once), then one transaction writes the demand, its first
// step on the timeline with the photos (Binzhou grid regulation art. 14: 全过程建立电子档案) and the
// audit entry. The point is located before the transaction: the area locator reads through the
// root handle (see demands.places.repository.ts).

export interface FiledDemand {
  id: string;
  number: string;
  status: DemandStatus;
  path: string;
  gridCode: string | null;
  compoundCode: string | null;
  /** Open311 token of a request filed without a place (it waits for the hotline to place it). */
  open311Token: string | null;
}

export interface FileDemandInput {
  db: Kysely<Database>;
  cipher: FieldCipher;
  actor: Actor;
  body: CreateDemandBody;
  /** `open311`: filed by an outside system through Open311 (overrides body.channel). */
  channel?: 'open311';
  now?: Date;
  /** Runs inside the filing transaction, after the writes (the idempotency seal). */
  onFiled?: (trx: Transaction<Database>, filed: FiledDemand) => Promise<void>;
}

const invalid = (problems: FieldProblem[]) => demandsErrors.invalidDemand(problems);

/** Files a demand; 400 naming every field in error, 403 without demands.create, 404 outside scope. */
export async function fileDemand(input: FileDemandInput): Promise<FiledDemand> {
  const { db, cipher, actor, body } = input;
  authorize(actor, 'demands.create');
  const now = input.now ?? new Date();
  const channel: DemandChannel = input.channel ?? body.channel;
  const origin = channel === 'open311' ? 'resident' : body.origin;

  const reporter = reporterOf({
    channel,
    origin,
    actorUserId: actor.kind === 'user' ? actor.id : null,
    name: body.reporterName,
    phone: body.reporterPhone,
    anonymous: channel === 'open311' ? false : body.anonymous,
    callbackConsent: body.callbackConsent,
  });
  const problems: FieldProblem[] = [
    ...(channel === 'open311'
      ? []
      : channelProblems({
          channel,
          origin,
          isUser: actor.kind === 'user',
          mayHandle: scopesFor(actor, 'demands.handle').length > 0,
        })),
    ...reporter.problems,
  ];
  const located = await locate(db, actor, body);
  problems.push(...located.problems);
  const category = await categoryFor(db, body.categoryCode);
  problems.push(...category.problems);
  if (category.attributes) problems.push(...attributeProblems(category.attributes, body.attributes));
  problems.push(...(await photoProblems(db, actor, body.photos)));
  if (problems.length > 0 || !located.place || !category.version) throw invalid(problems);

  const place = located.place;
  if (!can(actor, 'demands.create', place.path)) throw demandsErrors.areaNotFound();
  const version = category.version;
  const photos = [...new Set(body.photos)];
  const at = now.toISOString();

  const write = async (trx: Transaction<Database>): Promise<FiledDemand> => {
    const id = newId(now.getTime());
    const number = await nextDemandNumber(trx, now);
    const open311Token = channel === 'open311' && located.placedLater ? randomToken(24) : null;
    await trx
      .insertInto('demands')
      .values({
        id,
        number,
        status: 'received',
        categoryCode: body.categoryCode,
        categoryVersion: version,
        channel,
        origin,
        description: body.description,
        address: body.address?.trim() || null,
        lng: body.location?.lng ?? null,
        lat: body.location?.lat ?? null,
        path: place.path,
        gridCode: place.gridCode,
        compoundCode: place.compoundCode,
        attributes: JSON.stringify(body.attributes),
        reporterUserId: reporter.userId,
        reporterNameEnc: reporter.name ? cipher.encrypt(reporter.name) : null,
        reporterNameMasked: reporter.name ? maskName(reporter.name) : null,
        reporterPhoneEnc: reporter.phone ? cipher.encrypt(reporter.phone) : null,
        reporterPhoneHash: reporter.phone ? cipher.blindIndex(`phone:${reporter.phone}`) : null,
        reporterPhoneMasked: reporter.phone ? maskPhone(reporter.phone) : null,
        anonymous: reporter.anonymous ? 1 : 0,
        callbackValid: reporter.callbackValid ? 1 : 0,
        createdBy: actorRef(actor),
        receivedAt: at,
        open311Token,
        reworkCount: 0,
        extensionCount: 0,
        updatedAt: at,
      })
      .execute();
    await appendDemandEvent(trx, {
      demandId: id,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorId: actorRef(actor),
      // An anonymous resident filing for themselves is not named on the timeline either.
      actorLabel: reporter.anonymous && reporter.userId ? '匿名 anonymous' : actor.label,
      data: { channel, origin, ...(located.placedLater ? { placedLater: true } : {}) },
      at,
      photos,
    });
    await appendAudit(trx, {
      actor,
      action: 'demands.file',
      targetType: 'demand',
      targetId: id,
      scopePath: place.path,
      summary: { number, categoryCode: body.categoryCode, channel, origin, photos: photos.length },
    });
    const filed: FiledDemand = {
      id,
      number,
      status: 'received',
      path: place.path,
      gridCode: place.gridCode,
      compoundCode: place.compoundCode,
      open311Token,
    };
    await input.onFiled?.(trx, filed);
    return filed;
  };
  return db.isTransaction ? write(db as Transaction<Database>) : db.transaction().execute(write);
}

/** The answer of POST /api/v1/demands. */
export interface FiledDemandAnswer {
  id: string;
  number: string;
  status: DemandStatus;
}

/**
 * POST /api/v1/demands: files once per Idempotency-Key of the caller (demands.idempotency.ts),
 * answering a retry with the first answer.
 */
export async function fileDemandOnce(input: {
  db: Kysely<Database>;
  cipher: FieldCipher;
  actor: Actor;
  body: CreateDemandBody;
  idempotencyKey: string | undefined;
  now?: Date;
}): Promise<{ status: number; body: FiledDemandAnswer; replayed: boolean }> {
  authorize(input.actor, 'demands.create');
  return withIdempotency<FiledDemandAnswer>({
    db: input.db,
    key: input.idempotencyKey,
    scope: actorRef(input.actor),
    requestHash: requestHashOf(input.body),
    ...(input.now ? { now: input.now } : {}),
    run: async (seal) => {
      const answer = (f: FiledDemand): FiledDemandAnswer => ({
        id: f.id,
        number: f.number,
        status: f.status,
      });
      const filed = await fileDemand({
        db: input.db,
        cipher: input.cipher,
        actor: input.actor,
        body: input.body,
        ...(input.now ? { now: input.now } : {}),
        onFiled: (trx, f) => seal(trx, 201, answer(f)),
      });
      return { status: 201, body: answer(filed) };
    },
  });
}

interface Located {
  place?: DemandPlace;
  /** Only an address was given: placed at the caller's scope for the hotline to place it. */
  placedLater: boolean;
  problems: FieldProblem[];
}

/**
 * Where the demand lies. An area picked from the tree wins (it may be finer than the point's
 * compound); else the point, through the locator; else the caller's own scope, to be placed later.
 */
async function locate(db: Kysely<Database>, actor: Actor, body: CreateDemandBody): Promise<Located> {
  const missing = placeProblems({
    hasLocation: !!body.location,
    hasAreaCode: !!body.areaCode,
    hasAddress: !!body.address?.trim(),
  });
  if (missing.length) return { placedLater: false, problems: missing };

  const problems: FieldProblem[] = [];
  let pointPlace: DemandPlace | undefined;
  if (body.location) {
    pointPlace = await placeOfPoint(db, [body.location.lng, body.location.lat]);
    if (!pointPlace)
      problems.push(
        fieldProblem('location', 'outside_city', {
          zh: '该位置不在本市任何网格内',
          en: 'This point lies outside every grid of the city',
        }),
      );
  }
  if (body.areaCode) {
    const found = await placeOfArea(db, body.areaCode);
    if (!found.ok) return { placedLater: false, problems: [...problems, areaCodeProblem(found.reason)] };
    return { place: found.place, placedLater: false, problems };
  }
  if (body.location) return { ...(pointPlace ? { place: pointPlace } : {}), placedLater: false, problems };

  const scope = scopesFor(actor, 'demands.create')[0];
  if (!scope) throw demandsErrors.areaNotFound();
  return { place: await placeOfPath(db, scope), placedLater: true, problems };
}

function areaCodeProblem(reason: 'unknown' | 'inactive' | 'too_coarse'): FieldProblem {
  return reason === 'too_coarse'
    ? fieldProblem('areaCode', reason, {
        zh: '请选择街道或更细的区域',
        en: 'Choose a street or a place below it',
      })
    : fieldProblem('areaCode', reason, { zh: '区域不存在或已撤销', en: 'No such place in force' });
}

interface CategoryCheck {
  version?: number;
  attributes?: CategoryAttribute[];
  problems: FieldProblem[];
}

async function categoryFor(db: Kysely<Database>, code: string): Promise<CategoryCheck> {
  try {
    const { category, version } = await findCategoryVersion(db, code);
    if (category.active !== 1)
      return {
        problems: [
          fieldProblem('categoryCode', 'inactive', {
            zh: '该类别已停用，请选择其他类别',
            en: 'This category is no longer in use; choose another',
          }),
        ],
      };
    return {
      version: version.version,
      attributes: JSON.parse(version.attributes) as CategoryAttribute[],
      problems: [],
    };
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 404) throw err;
    return {
      problems: [
        fieldProblem('categoryCode', 'unknown', { zh: '诉求类别不存在', en: 'No such demand category' }),
      ],
    };
  }
}
