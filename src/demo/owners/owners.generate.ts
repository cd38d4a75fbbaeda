// The owners' records of one grid, compound by compound: register, first-meeting check (Shandong
// art. 20, by the rules module itself), committee and members, formations, disclosures. Pure: the
// same places, residents, seed and day give the same rows. Each compound draws from streams of its
// own (profile, register, committee, formation, disclosures), so that whether a compound has a
// committee is decided before, and apart from, anything its residents could change.

import { createRandom, type Random } from '../../lib/random';
import { stampOf } from '../people/people.ids';
import {
  CAMPAIGN_DAYS,
  committeeSize,
  drawFiling,
  partyTarget,
  type Seat,
  seatCommittee,
} from './owners.committee';
import { type DeliveryTimeline, deliveryTimeline } from './owners.delivery';
import { drawDisclosures } from './owners.disclosures';
import {
  electedPlan,
  type FormationInput,
  type FormationPlan,
  progressPlan,
  writeFormation,
} from './owners.formation';
import { addDays, daysBetween, type GridIds, gridIds, maxDate } from './owners.ids';
import { OutsiderMaker } from './owners.people';
import { type CommitteeFate, type CompoundProfile, decideCommittee, drawProfile } from './owners.profile';
import { drawRegister, type Register } from './owners.register';
import {
  type CompoundOutcome,
  type CompoundSpot,
  emptyRows,
  type GridOwnersInput,
  type OwnersRows,
  type ResidentFacts,
} from './owners.types';

export interface GridOwners {
  rows: OwnersRows;
  outcomes: CompoundOutcome[];
}

interface CompoundContext {
  input: GridOwnersInput;
  compound: CompoundSpot;
  profile: CompoundProfile;
  register: Register;
  timeline: DeliveryTimeline;
  fate: CommitteeFate;
  outcome: CompoundOutcome;
  formations: Random;
  ids: GridIds;
  rows: OwnersRows;
  stamp: string;
}

export function generateGridOwners(input: GridOwnersInput): GridOwners {
  const { seed, today } = input;
  const stamp = stampOf(today);
  const ids = gridIds(input.grid.ordinal);
  const outsiders = new OutsiderMaker(input.grid.ordinal, input.lanes, today, input.seal);
  const residents = new Map<string, ResidentFacts[]>();
  for (const r of input.residents) {
    const list = residents.get(r.householdCode);
    if (list) list.push(r);
    else residents.set(r.householdCode, [r]);
  }
  const rows = emptyRows();
  const outcomes: CompoundOutcome[] = [];
  for (const compound of input.compounds) {
    if (!compound.buildings.some((b) => b.households.length > 0)) continue;
    const stream = (what: string) => createRandom(`${seed}:owners:${what}:${compound.code}`);
    const profile = drawProfile(stream('profile'), compound, today);
    const register = drawRegister({
      random: stream('register'),
      compound,
      profile,
      residents,
      outsiders,
      ids,
      out: rows,
      today,
      stamp,
    });
    const timeline = deliveryTimeline(register, today);
    const random = stream('committee');
    const fate = decideCommittee(random, profile, { triggeredSince: timeline.triggeredSince, today });
    const outcome: CompoundOutcome = {
      compoundCode: compound.code,
      triggered: timeline.today.triggered,
      committee: 'none',
      headcount: register.holders.size,
      partyOnCommittee: 0,
      formation: null,
    };
    outcomes.push(outcome);
    const ctx: CompoundContext = {
      input,
      compound,
      profile,
      register,
      timeline,
      fate,
      outcome,
      formations: stream('formation'),
      ids,
      rows,
      stamp,
    };
    const seated = fate.outcome === 'none' ? null : committee(ctx, random, stream('disclosures'), fate);
    if (outcome.formation === null) inProgress(ctx, seated);
  }
  return { rows, outcomes };
}

function formation(
  ctx: CompoundContext,
  plan: FormationPlan,
  opts: Pick<FormationInput, 'seats' | 'elected' | 'previous' | 'founded'>,
): string | null {
  const id = writeFormation({
    random: ctx.formations,
    compound: ctx.compound,
    plan,
    eligible: ctx.register.eligible,
    developer: ctx.register.developer,
    timeline: ctx.timeline,
    streetName: ctx.input.streetName,
    approverFor: ctx.input.approverFor,
    ids: ctx.ids,
    out: ctx.rows,
    stamp: ctx.stamp,
    ...opts,
  });
  if (id) ctx.outcome.formation = { kind: plan.kind, status: plan.status, step: plan.current };
  return id;
}

/**
 * The committee the fate gives, seated from the owners living there. An election of the campaign
 * ran through the platform, so its formation is on record; until it is filed there is no committee
 * record (the filing founds it), as in the owners module.
 */
function committee(
  ctx: CompoundContext,
  random: Random,
  disclosures: Random,
  fate: Exclude<CommitteeFate, { outcome: 'none' }>,
): Seat[] | null {
  const { compound, profile, ids, rows, stamp } = ctx;
  const { today } = ctx.input;
  const campaign = fate.electedOn >= addDays(today, -CAMPAIGN_DAYS);
  const seats = committeeSize(random, profile.households);
  const seated = seatCommittee(random, ctx.register.eligible, seats, partyTarget(random, seats, campaign));
  const filedOn = drawFiling(random, fate.electedOn, { today, campaign });
  if (!seated) return null;
  const founded = !campaign || filedOn !== null;
  const committeeId = founded ? ids.ownerCommittees(compound.code) : null;
  let formationId: string | null = null;
  if (campaign) {
    const first = daysBetween(profile.firstDelivery, fate.electedOn) < 6 * 365 || ctx.formations.next() < 0.2;
    const plan = electedPlan(ctx.formations, {
      kind: first ? 'first' : 'reelection',
      electedOn: fate.electedOn,
      filedOn,
      floor: ctx.timeline.triggeredSince ?? profile.firstDelivery,
    });
    formationId = formation(ctx, plan, {
      seats: seated.length,
      elected: seated,
      previous: null,
      founded: committeeId ? { committeeId, termStart: fate.electedOn, termEnd: fate.termEnd } : null,
    });
  }
  if (!committeeId) return null;
  rows.ownerCommittees.push({
    id: committeeId,
    compoundCode: compound.code,
    path: compound.path,
    formationId,
    electedOn: fate.electedOn,
    termStart: fate.electedOn,
    termEnd: fate.termEnd,
    filedOn,
    filingAuthority: filedOn ? `${ctx.input.streetName}办事处` : null,
    status: fate.outcome,
    createdAt: stamp,
    updatedAt: stamp,
  });
  seated.forEach((seat, i) => {
    rows.committeeMembers.push({
      id: ids.committeeMembers(`${compound.code}:${i}`),
      committeeId,
      ownerId: seat.owner.ownerId,
      name: seat.owner.name,
      post: seat.post,
      partyMemberId: seat.owner.partyMemberId,
      since: fate.electedOn,
      until: null,
      createdAt: stamp,
    });
  });
  drawDisclosures({
    random: disclosures,
    compound,
    committee: { id: committeeId, electedOn: fate.electedOn, termEnd: fate.termEnd },
    seats: seated,
    today,
    ids,
    out: rows,
    stamp,
  });
  ctx.outcome.committee = fate.outcome;
  ctx.outcome.partyOnCommittee = seated.filter((s) => s.owner.partyMemberId !== null).length;
  return seated;
}

/** Re-elections under way where terms run out or have, first formations where the meeting is due and no committee exists. */
function inProgress(ctx: CompoundContext, seated: readonly Seat[] | null): void {
  const { outcome, fate, formations: random } = ctx;
  const { today } = ctx.input;
  const x = random.next();
  const early = random.int(0, 2);
  const any = random.int(0, 5);
  const seats = seated?.length ?? committeeSize(random, ctx.profile.households);
  const found = { seats, elected: null, founded: null };
  if (outcome.committee !== 'none' && fate.outcome !== 'none') {
    const previous = { committeeId: ctx.rows.ownerCommittees.at(-1)!.id!, termEnd: fate.termEnd };
    const floor = maxDate(fate.electedOn, addDays(fate.termEnd, -150));
    const endingSoon = outcome.committee === 'in_term' && fate.termEnd <= addDays(today, 90);
    if (endingSoon && x < 0.25)
      formation(ctx, progressPlan(random, { kind: 'reelection', at: early, today, floor }), {
        ...found,
        previous,
      });
    else if (outcome.committee === 'term_ended' && x < 0.2)
      formation(ctx, progressPlan(random, { kind: 'reelection', at: any, today, floor }), {
        ...found,
        previous,
      });
    return;
  }
  const floor = ctx.timeline.triggeredSince;
  if (floor === null) return;
  if (x < 0.06)
    formation(ctx, progressPlan(random, { kind: 'first', at: any, today, floor }), {
      ...found,
      previous: null,
    });
  else if (x < 0.075) {
    const plan = progressPlan(random, { kind: 'first', at: 1 + (any % 2), today, floor, abandoned: true });
    formation(ctx, plan, { ...found, previous: null });
  }
}
