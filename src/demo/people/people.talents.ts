// The grassroots-governance talent ledger (人才台账, CAPABILITIES §1.3): the survey the report
// describes found floating party members, retired party members, retired cadres and enthusiastic
// residents willing to serve. Each is a resident tagged with categories and skills, how willing and
// when available; the ledger's size is whatever the survey draws here add up to.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import type { DemoMember } from '../party/party.members';
import { chunkIds } from './people.ids';
import { weightedPicker } from './people.names';
import type { DemoResident } from './people.residents';

type TalentRow = Insertable<Database['talents']>;
type TagRow = Insertable<Database['talentTags']>;
type Skill =
  | 'law'
  | 'medicine'
  | 'education'
  | 'mediation'
  | 'trades'
  | 'finance'
  | 'it'
  | 'culture'
  | 'elderly_care'
  | 'psychology';

const SKILLS_BY_CATEGORY: Record<string, (random: Random) => Skill> = {
  retired_cadre: weightedPicker<Skill>([
    ['mediation', 3],
    ['law', 2],
    ['culture', 2],
    ['education', 1],
    ['finance', 1],
  ]),
  retired_party_member: weightedPicker<Skill>([
    ['elderly_care', 2],
    ['mediation', 2],
    ['culture', 2],
    ['trades', 1],
    ['education', 1],
    ['medicine', 1],
  ]),
  floating_party_member: weightedPicker<Skill>([
    ['trades', 3],
    ['it', 2],
    ['elderly_care', 1],
    ['finance', 1],
  ]),
  enthusiastic_resident: weightedPicker<Skill>([
    ['trades', 2],
    ['culture', 2],
    ['elderly_care', 2],
    ['education', 1],
    ['medicine', 1],
    ['it', 1],
    ['psychology', 1],
    ['law', 0.5],
    ['finance', 0.5],
  ]),
};
const drawWillingness = weightedPicker<TalentRow['willingness']>([
  ['willing', 72],
  ['conditional', 23],
  ['unwilling', 5],
]);
const drawRetiredAvailability = weightedPicker<TalentRow['availability']>([
  ['anytime', 45],
  ['weekdays', 35],
  ['on_call', 20],
]);
const drawWorkingAvailability = weightedPicker<TalentRow['availability']>([
  ['weekends', 40],
  ['evenings', 35],
  ['on_call', 25],
]);

/** The categories the survey would put a resident under, or none. */
function surveyed(random: Random, r: DemoResident, member: DemoMember | undefined): string[] {
  const categories: string[] = [];
  if (member?.category === 'floating' && random.next() < 0.21) categories.push('floating_party_member');
  if (member?.category === 'retired' && random.next() < 0.13) categories.push('retired_party_member');
  if (r.retiredCadre && random.next() < 0.39) categories.push('retired_cadre');
  const keen = member ? 0.012 : r.age >= 28 && r.age <= 75 ? 0.003 : 0;
  if (random.next() < keen) categories.push('enthusiastic_resident');
  return categories;
}

export function drawTalents(
  random: Random,
  opts: {
    ordinal: number;
    residents: readonly DemoResident[];
    members: readonly DemoMember[];
    stamp: string;
  },
): { talents: TalentRow[]; tags: TagRow[] } {
  const ids = chunkIds('talents', opts.ordinal);
  const memberOf = new Map(opts.members.map((m) => [m.resident.id, m]));
  const talents: TalentRow[] = [];
  const tags: TagRow[] = [];
  for (const r of opts.residents) {
    if (r.age < 18) continue;
    const member = memberOf.get(r.id);
    const categories = surveyed(random, r, member);
    if (categories.length === 0) continue;
    const id = ids(r.id);
    const skills = new Set<Skill>();
    for (let n = random.int(1, 3); n > 0; n--)
      skills.add(SKILLS_BY_CATEGORY[random.pick(categories)]!(random));
    const retired = member?.category === 'retired' || r.retiredCadre || r.age >= 60;
    talents.push({
      id,
      residentId: r.id,
      path: r.path,
      willingness: drawWillingness(random),
      availability: retired ? drawRetiredAvailability(random) : drawWorkingAvailability(random),
      note: null,
      createdAt: opts.stamp,
      updatedAt: opts.stamp,
    });
    for (const tag of categories) tags.push({ talentId: id, kind: 'category', tag });
    for (const tag of skills) tags.push({ talentId: id, kind: 'skill', tag });
  }
  return { talents, tags };
}
