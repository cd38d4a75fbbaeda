// Which residents of a grid are party members, of what kind, and where their organisational
// relation sits. About 6–7% of adults: more among the old and among men, as in the party's own
// statistics; retired cadres mostly are. A member's relation sits in the grid branch, in the
// community organisation, or elsewhere (an employer, a delivery platform's branch, the home
// village of a floating member), in shares that differ by kind of member.

import type { Random } from '../../lib/random';
import { addDays, earlierDate } from '../people/people.ids';
import type { DemoResident } from '../people/people.residents';
import { homeBranch, platformBranch, workUnitOrg } from './party.texts';

export type Membership = 'formal' | 'probationary';
export type MemberCategory = 'in_service' | 'retired' | 'floating' | 'new_employment';
export type RelationPlace = 'branch' | 'community' | 'elsewhere';

export interface DemoMember {
  id: string;
  resident: DemoResident;
  membership: Membership;
  category: MemberCategory;
  joinedOn: string;
  probationEndsOn: string | null;
  relation: RelationPlace;
  relationElsewhere: string | null;
}

/** Chance that an adult of this age and sex is a member. */
function memberShare(r: DemoResident): number {
  if (r.retiredCadre) return 0.72;
  const byAge =
    r.age < 25
      ? 0.022
      : r.age < 35
        ? 0.05
        : r.age < 45
          ? 0.062
          : r.age < 60
            ? 0.068
            : r.age < 75
              ? 0.09
              : 0.1;
  const bySex = r.gender === 'male' ? 1.32 : 0.68;
  return byAge * bySex * (r.residenceType === 'floating' ? 0.75 : 1);
}

function retiredAge(r: DemoResident): boolean {
  return r.age >= (r.gender === 'male' ? 60 : 55);
}

function categoryOf(random: Random, r: DemoResident): MemberCategory {
  if (r.residenceType === 'floating') return 'floating';
  if (r.residenceType === 'resident_non_registered' && random.next() < 0.35) return 'floating';
  if (retiredAge(r) || r.retiredCadre) return 'retired';
  if (r.age >= 20 && r.age <= 50 && random.next() < 0.14) return 'new_employment';
  return 'in_service';
}

// [grid branch, community organisation]; the rest elsewhere.
const RELATION_SHARES: Record<MemberCategory, [number, number]> = {
  retired: [0.78, 0.12],
  in_service: [0.42, 0.25],
  new_employment: [0.45, 0.2],
  floating: [0.33, 0],
};

/**
 * The grid's members. `youngBranch`: the branch was set up lately and most relations still sit in
 * the community organisation, waiting to be moved down.
 */
export function drawMembers(
  random: Random,
  residents: readonly DemoResident[],
  opts: { today: string; youngBranch: boolean; ids: (key: string) => string },
): DemoMember[] {
  const members: DemoMember[] = [];
  for (const r of residents) {
    if (r.age < 18 || random.next() >= memberShare(r)) continue;
    const category = categoryOf(random, r);
    // A member is formal after a year's probation: the youngest are still probationary.
    const probationary =
      r.age < 20 || (r.age < 36 ? random.next() < 0.06 : r.age < 50 && random.next() < 0.01);
    // Joined between 19 and 40 (never before 18), at least a year ago for a formal member.
    const joinAge = Math.min(r.age - 1, random.int(19, 40));
    const joinedOn = probationary
      ? addDays(opts.today, -random.int(10, 350))
      : earlierDate(
          addDays(r.birthDate, Math.floor(joinAge * 365.25) + random.int(0, 300)),
          addDays(opts.today, -400),
        );
    const [toBranch, toCommunity] = RELATION_SHARES[category];
    const branchShare = opts.youngBranch ? toBranch * 0.08 : toBranch;
    const communityShare =
      opts.youngBranch && category !== 'floating' ? toBranch + toCommunity - branchShare : toCommunity;
    const x = random.next();
    const relation: RelationPlace =
      x < branchShare ? 'branch' : x < branchShare + communityShare ? 'community' : 'elsewhere';
    members.push({
      id: opts.ids(r.id),
      resident: r,
      membership: probationary ? 'probationary' : 'formal',
      category,
      joinedOn,
      probationEndsOn: probationary ? addDays(joinedOn, 365) : null,
      relation,
      relationElsewhere: relation === 'elsewhere' ? elsewhere(random, category, r) : null,
    });
  }
  return members;
}

function elsewhere(random: Random, category: MemberCategory, r: DemoResident): string {
  if (category === 'floating') return homeBranch(random, r.idNumberValue);
  if (category === 'new_employment') return platformBranch(random);
  return workUnitOrg(random, category === 'retired');
}
