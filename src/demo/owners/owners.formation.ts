// Formations and re-elections of owners' committees as the operation guide runs them and the owners
// module records them (owners.formation-machine.ts, owners.formation-steps.ts): each step dated,
// approved by an account of the platform, resting on its documents, with the details the module's
// own steps keep. Trigger (Shandong art. 20, or art. 33 for a term running out) → preparatory group
// (art. 21: seven or more, odd, owners at least half) → nomination → joint review → owners' meeting
// vote → filing, which founds the committee record.

import type { Random } from '../../lib/random';
import { toPercentString } from '../../lib/rational';
import { partyShare, reelectionWatch } from '../../modules/owners/owners.committee-rules';
import { FORMATION_STEPS } from '../../modules/owners/owners.table';
import { drawGivenName, drawSurname } from '../people/people.names';
import { partyTarget, type Seat } from './owners.committee';
import type { DeliveryTimeline } from './owners.delivery';
import { addDays, type GridIds, maxDate } from './owners.ids';
import type { EligibleOwner } from './owners.register';
import { REJECTION_NOTES, REVIEWERS, stepDocuments } from './owners.texts';
import type { ApproverFor, CompoundSpot, FormationStep, OwnersRows } from './owners.types';

export interface FormationPlan {
  kind: 'first' | 'reelection';
  status: 'in_progress' | 'completed' | 'abandoned';
  /** The steps done, in order, each with its day. */
  done: { step: FormationStep; on: string }[];
  /** The step to be recorded next, or filing once complete (as the owners module keeps it). */
  current: FormationStep;
  startedOn: string;
}

/** `count` days, ascending, the last one `last`, each 10–40 days after the one before, none before `floor`. */
function backFrom(random: Random, last: string, count: number, floor: string): string[] {
  const days = [last];
  while (days.length < count) days.unshift(maxDate(addDays(days[0]!, -random.int(10, 40)), floor));
  return days;
}

/** A formation that ended in the election on `electedOn`; complete once filed. */
export function electedPlan(
  random: Random,
  opts: { kind: FormationPlan['kind']; electedOn: string; filedOn: string | null; floor: string },
): FormationPlan {
  const days = backFrom(random, opts.electedOn, 5, opts.floor);
  const done = FORMATION_STEPS.slice(0, 5).map((step, i) => ({ step, on: days[i]! }));
  if (opts.filedOn) done.push({ step: 'filing', on: opts.filedOn });
  const status = opts.filedOn ? 'completed' : 'in_progress';
  return { kind: opts.kind, status, done, current: 'filing', startedOn: days[0]! };
}

/** A formation standing at step `at` (0 = trigger … 5 = filing), or abandoned there some months ago. */
export function progressPlan(
  random: Random,
  opts: { kind: FormationPlan['kind']; at: number; today: string; floor: string; abandoned?: boolean },
): FormationPlan {
  const back = opts.abandoned ? random.int(60, 300) : random.int(3, 40);
  const last = maxDate(addDays(opts.today, -back), opts.floor);
  const days = opts.at === 0 ? [] : backFrom(random, last, opts.at, opts.floor);
  return {
    kind: opts.kind,
    status: opts.abandoned ? 'abandoned' : 'in_progress',
    done: days.map((on, i) => ({ step: FORMATION_STEPS[i]!, on })),
    current: FORMATION_STEPS[opts.at]!,
    startedOn: days[0] ?? maxDate(addDays(opts.today, -random.int(1, 30)), opts.floor),
  };
}

export interface FormationInput {
  random: Random;
  compound: CompoundSpot;
  plan: FormationPlan;
  seats: number;
  eligible: readonly EligibleOwner[];
  /** The committee the vote elected, when the formation led to the one on record. */
  elected: readonly Seat[] | null;
  developer: boolean;
  timeline: DeliveryTimeline;
  /** The committee a re-election replaces, when it is on record. */
  previous: { committeeId: string; termEnd: string } | null;
  /** The committee the filing founded, with its term. */
  founded: { committeeId: string; termStart: string; termEnd: string } | null;
  streetName: string;
  approverFor: ApproverFor;
  ids: GridIds;
  out: OwnersRows;
  stamp: string;
}

type Person = OwnersRows['formationPeople'][number];
type Affiliation = 'owner' | 'developer' | 'property_service' | 'street' | 'community';

/** Writes the formation, its steps and people; null (nothing written) when a step has no approver or too few owners live there. */
export function writeFormation(input: FormationInput): string | null {
  const { random, compound, plan, ids, out, stamp } = input;
  const approvers = plan.done.map((d) => input.approverFor(d.step, compound.path));
  if (approvers.some((a) => a === null) || input.eligible.length < 5) return null;
  const key = `${compound.code}:${plan.kind}:${plan.startedOn}`;
  const id = ids.committeeFormations(key);
  const on = (step: FormationStep) => plan.done.find((d) => d.step === step)?.on;
  const person = (fields: Omit<Person, 'id' | 'formationId' | 'createdAt'>): Person => ({
    id: ids.formationPeople(`${key}:${people.length}`),
    formationId: id,
    ...fields,
    createdAt: stamp,
  });
  const fromOwner = (e: EligibleOwner, role: Person['role'], reviewStatus: Person['reviewStatus']) =>
    person({
      role,
      name: e.name,
      ownerId: e.ownerId,
      isOwner: 1,
      partyMemberId: e.partyMemberId,
      reviewStatus,
      reviewNote: reviewStatus === 'rejected' ? random.pick(REJECTION_NOTES) : null,
    });
  const people: Person[] = [];
  const affiliations: Record<string, Affiliation> = {};
  if (on('preparatory_group')) {
    // The street office and the residents' committee sit on it, and the developer while it holds units.
    const size = random.next() < 0.7 ? 7 : 9;
    const others: Affiliation[] = ['street', 'community', input.developer ? 'developer' : 'property_service'];
    const owners = random.shuffle(input.eligible).slice(0, size - others.length);
    // Seven or more, an odd number, owners at least half: a short pool of owners leaves one seat out.
    if ((owners.length + others.length) % 2 === 0) others.pop();
    for (const e of owners) {
      const row = fromOwner(e, 'preparatory_member', null);
      people.push(row);
      affiliations[row.id!] = 'owner';
    }
    for (const affiliation of others) {
      const gender = random.next() < 0.5 ? 'male' : 'female';
      const row = person({
        role: 'preparatory_member',
        name: `${drawSurname(random)}${drawGivenName(random, gender, random.int(1965, 1995))}`,
        ownerId: null,
        isOwner: 0,
        partyMemberId: null,
        reviewStatus: null,
        reviewNote: null,
      });
      people.push(row);
      affiliations[row.id!] = affiliation;
    }
  }
  const candidates = on('nomination') ? drawCandidates(random, input, on('joint_review') !== undefined) : [];
  const candidateRows = candidates.map((c) => fromOwner(c.owner, 'candidate', c.status));
  people.push(...candidateRows);
  const approved = candidateRows.filter((c) => c.reviewStatus === 'approved');
  let elected: string[] = [];
  if (on('vote')) {
    const seated = new Set(input.elected?.map((s) => s.owner.ownerId));
    const pool = input.elected ? approved.filter((c) => seated.has(c.ownerId!)) : random.shuffle(approved);
    const size = Math.min(input.seats, pool.length - ((pool.length + 1) % 2));
    if (size < 5) return null;
    elected = pool.slice(0, size).map((c) => c.id!);
  }
  const partyMembers = candidateRows.filter((c) => c.partyMemberId).length;
  const triggerOn = on('trigger') ?? plan.startedOn;
  const check = input.timeline.check(triggerOn);
  const details: Record<FormationStep, object> = {
    trigger:
      plan.kind === 'first'
        ? {
            rule: 'shandong_art_20',
            conditions: check.conditions,
            deliveredAreaPercent: toPercentString(check.deliveredAreaRatio),
            deliveredUnitsPercent: toPercentString(check.deliveredUnitsRatio),
            triggeredSince: input.timeline.triggeredSince,
          }
        : {
            rule: 'shandong_art_33',
            committeeId: input.previous?.committeeId ?? null,
            termEnd: input.previous?.termEnd ?? null,
            ...(input.previous ? reelectionWatch(input.previous.termEnd, triggerOn) : {}),
          },
    preparatory_group: {
      rule: 'shandong_art_21',
      members: Object.keys(affiliations).length,
      owners: Object.values(affiliations).filter((a) => a === 'owner').length,
      affiliations,
    },
    nomination: {
      candidates: candidateRows.length,
      partyMembers,
      partyShare: partyShare({ members: candidateRows.length, partyMembers }),
    },
    joint_review: {
      reviewers: REVIEWERS,
      approved: approved.length,
      rejected: candidateRows.length - approved.length,
    },
    vote: { voteId: null, voteTitle: '选举业主委员会', elected, electedOn: on('vote') ?? null },
    filing: {
      committeeId: input.founded?.committeeId ?? null,
      authority: `${input.streetName}办事处`,
      electedOn: on('vote') ?? null,
      termStart: input.founded?.termStart ?? null,
      termEnd: input.founded?.termEnd ?? null,
    },
  };
  out.committeeFormations.push({
    id,
    compoundCode: compound.code,
    path: compound.path,
    kind: plan.kind,
    status: plan.status,
    currentStep: plan.current,
    startedOn: plan.startedOn,
    createdAt: stamp,
    updatedAt: stamp,
  });
  plan.done.forEach(({ step, on: day }, i) => {
    out.formationSteps.push({
      id: ids.formationSteps(`${key}:${step}`),
      formationId: id,
      step,
      completedOn: day,
      approvedBy: approvers[i]!.id,
      approverName: approvers[i]!.name,
      documents: stepDocuments(
        step,
        plan.kind === 'reelection',
        `${compound.code}-${day.slice(0, 4)}-${i + 1}`,
      ),
      details: JSON.stringify(details[step]),
      note: null,
      createdAt: stamp,
    });
  });
  out.formationPeople.push(...people);
  return id;
}

/** Candidates: those later elected (when known) and a few more; party members put on the list first. */
function drawCandidates(
  random: Random,
  input: FormationInput,
  reviewed: boolean,
): { owner: EligibleOwner; status: 'pending' | 'approved' | 'rejected' }[] {
  const chosen = new Set<EligibleOwner>(input.elected?.map((s) => s.owner) ?? []);
  const wanted = input.seats + random.int(1, 2);
  if (chosen.size === 0) {
    const party = random.shuffle(input.eligible.filter((e) => e.partyMemberId !== null));
    for (const e of party.slice(0, partyTarget(random, input.seats, true))) chosen.add(e);
  }
  for (const e of random.shuffle(input.eligible)) {
    if (chosen.size >= wanted) break;
    chosen.add(e);
  }
  const elected = new Set(input.elected?.map((s) => s.owner) ?? []);
  // One candidate the review struck off, now and then: never one who was then elected.
  const struck = reviewed && random.next() < 0.4 ? [...chosen].find((e) => !elected.has(e)) : undefined;
  return [...chosen].map((owner) => ({
    owner,
    status: !reviewed ? 'pending' : owner === struck ? 'rejected' : 'approved',
  }));
}
