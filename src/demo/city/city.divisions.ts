// The real administrative divisions of Binzhou (GB/T 2260 county codes, GB/T 10114 town codes),
// read from the areas module's reference list, and the codes retired since 1992.

import { readFileSync } from 'node:fs';

export interface Division {
  code: string;
  name: string;
  parentCode: string;
  level: 'city' | 'district' | 'street';
}

export interface RetiredDivision {
  code: string;
  name: string;
  path: string;
  parentCode: string | null;
  level: 'city' | 'district';
  kind: string;
  validFrom: string;
  validTo: string;
  successorCode: string;
}

export const CITY_CODE = '3716';

const REFERENCE_CSV = new URL('../../modules/areas/reference/binzhou-divisions.csv', import.meta.url);

/** The city, its 7 county-level units and every street and town, in the reference list's order. */
export function readDivisions(): Division[] {
  const lines = readFileSync(REFERENCE_CSV, 'utf8').split(/\r?\n/).slice(1);
  const divisions: Division[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    // The list quotes names and never puts a comma inside one.
    const [code, quotedName, parentCode, level] = line.split(',');
    if (!code || !quotedName || !parentCode || !level) throw new Error(`malformed division line: ${line}`);
    divisions.push({
      code,
      name: quotedName.replace(/^"|"$/g, ''),
      parentCode,
      level: level === 'county' ? 'district' : (level as Division['level']),
    });
  }
  return divisions;
}

/** 区 for the two urban districts, 县级市 for Zouping, 县 for the rest (GB/T 2260 code 81 = county-level city). */
export function districtKind(code: string): string {
  if (code === '371602' || code === '371603') return '区';
  return code.slice(4, 6) === '81' ? '县级市' : '县';
}

/** GB/T 10114: segment 001–099 街道, 100–199 镇, 200–399 乡, 400–599 similar units (办事处, farms). */
export function streetKind(code: string): string {
  const segment = Number(code.slice(6, 9));
  if (segment < 100) return '街道';
  if (segment < 200) return '镇';
  if (segment < 400) return '乡';
  return '类似乡级单位';
}

/** Urban streets (街道) are the ones with residents' committees, grids and compounds in the demo. */
export function isUrbanStreet(code: string): boolean {
  return streetKind(code) === '街道';
}

/**
 * Codes that no longer exist, kept so that old records still resolve: 滨州地区 became the
 * prefecture-level city 滨州市 in 2000 (the county-level 滨州市 became 滨城区), and 邹平县
 * became the county-level city 邹平市 in 2018. validFrom is when each name and code took effect.
 */
export const RETIRED_DIVISIONS: readonly RetiredDivision[] = [
  {
    code: '3723',
    name: '滨州地区',
    path: '3723',
    parentCode: null,
    level: 'city',
    kind: '地区',
    validFrom: '1992-03-01',
    validTo: '2000-06-01',
    successorCode: CITY_CODE,
  },
  {
    code: '372301',
    name: '滨州市(县级)',
    path: '3723/372301',
    parentCode: '3723',
    level: 'district',
    kind: '县级市',
    validFrom: '1987-01-01',
    validTo: '2000-06-01',
    successorCode: '371602',
  },
  {
    code: '371626',
    name: '邹平县',
    path: `${CITY_CODE}/371626`,
    parentCode: CITY_CODE,
    level: 'district',
    kind: '县',
    validFrom: '2000-06-01',
    validTo: '2018-08-01',
    successorCode: '371681',
  },
];

/**
 * When the current city and county codes took effect: with the city in 2000, except 沾化区
 * (沾化县 until 2014) and 邹平市 (邹平县 until 2018-08-01).
 */
export function divisionValidFrom(code: string): string {
  if (code === '371603') return '2014-10-20';
  if (code === '371681') return '2018-08-01';
  return '2000-06-01';
}
