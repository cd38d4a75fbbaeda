// In-memory inputs for the owners' generator, for tests and calibration: the demo city's grids of
// some streets as the area tree would hold them, with the residents and party members the people
// generator gives them (numbers stand-ins, not sealed: nothing here reaches a database).

import { generateDemoCity } from '../city/index';
import { generateGridChunk } from '../people/people.chunk';
import type { BuildingPlace, GridPlaces, GridRef } from '../people/people.places';
import { type AreaFacts, compoundsOf } from './owners.places';
import type { ApproverFor, GridOwnersInput, ResidentFacts, SealPerson } from './owners.types';

export const TEST_APPROVER: ApproverFor = (step) => ({ id: `user-${step}`, name: `审批人${step}` });

/** Stand-in sealing: recognisable, never a number. */
export const FAKE_SEAL: SealPerson = (person) => ({
  idNumberEnc: `enc:${person.idNumber.length}`,
  idNumberHash: `hash:${person.idNumber.slice(-6)}`,
  idNumberMasked: '******',
  phoneEnc: 'enc:phone',
  phoneHash: `hash:${person.phone.slice(-4)}`,
  phoneMasked: '*******',
});

interface GridRows {
  ref: GridRef;
  rows: AreaFacts[];
}

/** The grids of `onlyStreets`, numbered as a tree holding only those streets numbers them. */
export function demoGridInputs(opts: {
  onlyStreets: readonly string[];
  today: string;
  seed?: string;
  maxGrids?: number;
}): GridOwnersInput[] {
  const seed = opts.seed ?? 'binzhou';
  const grids: GridRows[] = [];
  const communities = new Map<string, { code: string; name: string; path: string }>();
  const streets = new Map<string, string>();
  const firstOfCommunity = new Map<string, number>();
  for (const batch of generateDemoCity({ seed, onlyStreets: opts.onlyStreets })) {
    for (const a of batch.areas) {
      if (a.status === 'retired') continue;
      if (a.level === 'street') streets.set(a.code, a.name);
      else if (a.level === 'community') communities.set(a.code, { code: a.code, name: a.name, path: a.path });
      else if (a.level === 'grid') {
        const ordinal = grids.length;
        if (!firstOfCommunity.has(a.parentCode!)) firstOfCommunity.set(a.parentCode!, ordinal);
        const ref = {
          code: a.code,
          name: a.name,
          path: a.path,
          communityCode: a.parentCode!,
          ordinal,
          communityOrdinal: firstOfCommunity.get(a.parentCode!)!,
        };
        grids.push({ ref, rows: [] });
      } else if (grids.length > 0 && (a.depth ?? 0) >= 5) {
        const { code, parentCode, path, level, name } = a;
        grids.at(-1)!.rows.push({
          code,
          parentCode: parentCode ?? null,
          path,
          level,
          name,
          kind: a.kind ?? null,
          attrs: a.attrs ?? '{}',
        });
      }
    }
  }
  const lanes = grids.length;
  return grids.slice(0, opts.maxGrids ?? lanes).map(({ ref, rows }) => {
    const compounds = compoundsOf(rows);
    const [, county = '', street = ''] = ref.path.split('/');
    const buildings: BuildingPlace[] = compounds.flatMap((c) =>
      c.buildings
        .filter((b) => b.households.length > 0)
        .map((b) => ({
          code: b.code,
          path: b.path,
          name: b.name,
          compoundName: c.name,
          households: b.households,
        })),
    );
    const places: GridPlaces = {
      grid: ref,
      community: communities.get(ref.communityCode)!,
      lanes,
      countyCode: county,
      streetCode: street,
      buildings,
    };
    const chunk = generateGridChunk(places, {
      seed,
      today: opts.today,
      communityOrgId: 'community',
      withCommunity: false,
    });
    const members = new Map(chunk.partyMembers.map((m) => [m.residentId, m.id]));
    const residents: ResidentFacts[] = chunk.residents.map((r) => ({
      id: r.id,
      householdCode: r.householdCode,
      name: r.name,
      birthDate: r.birthDate,
      relationToHead: r.relationToHead,
      residenceType: r.residenceType,
      idNumberEnc: `enc:${r.id}`,
      idNumberHash: `hash:${r.id}`,
      idNumberMasked: '******',
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      partyMemberId: members.get(r.id) ?? null,
    }));
    return {
      seed,
      today: opts.today,
      grid: { code: ref.code, ordinal: ref.ordinal },
      lanes,
      streetName: streets.get(street) ?? '',
      compounds,
      residents,
      approverFor: TEST_APPROVER,
      seal: FAKE_SEAL,
    };
  });
}
