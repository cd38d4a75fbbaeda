// A demo demand's life (demands.life.ts) as rows: the demand as it stands after the last step kept,
// every step on its timeline (demand_events), its whistle, and the day counters of the numbers.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDateOf } from '../../lib/working-calendar';
import type {
  DemandChannel,
  DemandOrigin,
  DemandStatus,
  Rating,
  ResponsibleKind,
} from '../../modules/demands/demands.table';
import { demoId } from '../city/city.ids';
import type { Life } from './demands.life';
import type { SealedReporter } from './demands.reporters';

export type DemandInsert = Insertable<Database['demands']>;
export type DemandEventInsert = Insertable<Database['demandEvents']>;
export type WhistleInsert = Insertable<Database['demandWhistles']>;
export type CounterInsert = Insertable<Database['demandCounters']>;

/** What a demand row takes from intake, before its life. */
export interface DemandIntake {
  id: string;
  categoryCode: string;
  categoryVersion: number;
  channel: DemandChannel;
  origin: DemandOrigin;
  description: string;
  address: string;
  lng: number;
  lat: number;
  path: string;
  gridCode: string;
  compoundCode: string | null;
  attributes: Record<string, string>;
  reporterUserId: string | null;
  reporter: SealedReporter | null;
  anonymous: boolean;
  callbackValid: boolean;
  createdBy: string;
}

type Responsible = { kind: ResponsibleKind; ref: string; name: string };

const iso = (ms: number) => new Date(ms).toISOString();

/** The demand row, its events and its whistle; `numbers` gives every demand's number by id. */
export function lifeRows(
  intake: DemandIntake,
  life: Life,
  numbers: ReadonlyMap<string, string>,
): { demand: DemandInsert; events: DemandEventInsert[]; whistle: WhistleInsert | null } {
  const first = life.events[0]!;
  let status: DemandStatus = 'received';
  let responsible: Responsible | null = null;
  let handlerUserId: string | null = null;
  const at: Partial<Record<string, number>> = {};
  let firstContactedAt: number | null = null;
  let rating: Rating | null = null;
  let resolved: number | null = null;
  let ratingComment: string | null = null;
  let reworkCount = 0;
  let extensionCount = 0;
  let mergedIntoId: string | null = null;
  const events: DemandEventInsert[] = [];
  let from: DemandStatus | null = null;
  const whistleId = life.whistle ? demoId(life.whistle.summonedAt, `demandWhistles:${intake.id}`) : null;
  for (const [i, e] of life.events.entries()) {
    let data = e.data;
    switch (e.action) {
      case 'receive':
        data = { channel: intake.channel, origin: intake.origin };
        break;
      case 'register':
        at.registeredAt ??= e.at;
        break;
      case 'dispatch':
      case 'reassign':
        responsible = e.data.responsible as Responsible;
        // The first dispatch; the clocks ran from it (demands.actions.ts keeps them on a re-dispatch).
        if (e.action === 'dispatch') at.dispatchedAt ??= e.at;
        handlerUserId = null;
        break;
      case 'whistle':
      case 'report_in':
        data = { ...e.data, whistleId };
        break;
      case 'return':
        responsible = null;
        handlerUserId = null;
        break;
      case 'accept':
        handlerUserId = e.actor.id;
        break;
      case 'contact':
        firstContactedAt ??= e.at;
        break;
      case 'extend':
        extensionCount += 1;
        break;
      case 'reply':
        at.repliedAt = e.at;
        break;
      case 'verify_fail':
        reworkCount += 1;
        break;
      case 'verify_pass':
        at.verifiedAt = e.at;
        break;
      case 'close':
        at.closedAt = e.at;
        break;
      case 'rate':
        at.ratedAt = e.at;
        rating = e.data.rating as Rating;
        resolved = e.data.resolved ? 1 : 0;
        ratingComment = e.note;
        break;
      case 'merge':
        mergedIntoId = e.data.intoId as string;
        data = { ...e.data, intoNumber: numbers.get(mergedIntoId) };
        break;
      case 'merged_in':
        data = { ...e.data, number: numbers.get(e.data.demandId as string) };
        break;
    }
    events.push({
      id: demoId(e.at, `demandEvents:${intake.id}:${i + 1}`),
      demandId: intake.id,
      seq: i + 1,
      action: e.action,
      fromStatus: from,
      toStatus: e.toStatus,
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      note: e.note,
      data: JSON.stringify(data),
      at: iso(e.at),
    });
    from = e.toStatus;
    status = e.toStatus;
  }
  const opt = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));
  const r = intake.reporter;
  const demand: DemandInsert = {
    id: intake.id,
    number: numbers.get(intake.id)!,
    status,
    categoryCode: intake.categoryCode,
    categoryVersion: intake.categoryVersion,
    channel: intake.channel,
    origin: intake.origin,
    description: intake.description,
    address: intake.address,
    lng: intake.lng,
    lat: intake.lat,
    path: intake.path,
    gridCode: intake.gridCode,
    compoundCode: intake.compoundCode,
    attributes: JSON.stringify(intake.attributes),
    reporterUserId: intake.reporterUserId,
    reporterNameEnc: r?.reporterNameEnc ?? null,
    reporterNameMasked: r?.reporterNameMasked ?? null,
    reporterPhoneEnc: r?.reporterPhoneEnc ?? null,
    reporterPhoneHash: r?.reporterPhoneHash ?? null,
    reporterPhoneMasked: r?.reporterPhoneMasked ?? null,
    anonymous: intake.anonymous ? 1 : 0,
    callbackValid: intake.callbackValid ? 1 : 0,
    createdBy: intake.createdBy,
    responsibleKind: responsible?.kind ?? null,
    responsibleRef: responsible?.ref ?? null,
    responsibleName: responsible?.name ?? null,
    handlerUserId,
    receivedAt: iso(first.at),
    registeredAt: opt(at.registeredAt),
    dispatchedAt: opt(at.dispatchedAt),
    firstContactDueAt: opt(life.firstContactDueAt),
    firstContactedAt: opt(firstContactedAt),
    dueAt: opt(life.dueAt),
    repliedAt: opt(at.repliedAt),
    verifiedAt: opt(at.verifiedAt),
    closedAt: opt(at.closedAt),
    ratedAt: opt(at.ratedAt),
    resolved,
    rating,
    ratingComment,
    reworkCount,
    extensionCount,
    mergedIntoId,
    open311Token: null,
    updatedAt: iso(life.events.at(-1)!.at),
  };
  const w = life.whistle;
  const whistle: WhistleInsert | null = w
    ? {
        id: whistleId!,
        demandId: intake.id,
        path: intake.path,
        unitId: w.unitId,
        unitName: w.unitName,
        summonedBy: 'demo',
        summonedAt: iso(w.summonedAt),
        reportDueAt: iso(w.reportDueAt),
        reportedAt: opt(w.reportedAt),
        reportedBy: w.reportedAt === null ? null : 'demo',
        note: null,
      }
    : null;
  return { demand, events, whistle };
}

/** Numbers `YYYYMMDD` + five digits by China day of receipt, in order of receipt; and the day counters. */
export function numberDemands(demands: readonly { id: string; receivedAt: number }[]): {
  numbers: Map<string, string>;
  counters: CounterInsert[];
} {
  const sorted = [...demands].sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
  const last = new Map<string, number>();
  const numbers = new Map<string, string>();
  for (const d of sorted) {
    const day = chinaDateOf(new Date(d.receivedAt)).replaceAll('-', '');
    const n = (last.get(day) ?? 0) + 1;
    last.set(day, n);
    numbers.set(d.id, `${day}${String(n).padStart(5, '0')}`);
  }
  return { numbers, counters: [...last].map(([day, n]) => ({ day, last: n })) };
}
