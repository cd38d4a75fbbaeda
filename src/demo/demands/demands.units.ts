// The demo city's handling units (承办单位) besides grids and communities: a property company for
// every three to eight compounds (小区; scattered courtyards 散居楼院 have none), the departments
// of each district (named as the catalogue names them, which is how routing finds them), and a few
// co-building units (共建单位) per street, paired with some of its communities.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import { createRandom, type Random } from '../../lib/random';
import { demoIdSequence } from '../city/city.ids';
import type { CompoundPlace, DemandPlaces, Place } from './demands.places';

export type HandlingUnitInsert = Insertable<Database['handlingUnits']>;
export type HandlingUnitPlaceInsert = Insertable<Database['handlingUnitPlaces']>;

export interface UnitRef {
  id: string;
  name: string;
}

export interface DemoUnits {
  units: HandlingUnitInsert[];
  places: HandlingUnitPlaceInsert[];
  /** The property company serving each compound that has one. */
  companyOf: Map<string, UnitRef>;
  /** The departments of each district by name. */
  departmentsOf: Map<string, Map<string, UnitRef>>;
  /** The co-building units paired with each community. */
  cobuildOf: Map<string, UnitRef[]>;
}

/** Departments every district has, besides those the catalogue routes to. */
export const DISTRICT_DEPARTMENTS = [
  '城市管理局',
  '住房和城乡建设局',
  '生态环境局',
  '市场监督管理局',
  '水务局',
  '公安分局',
  '供电公司',
];

const BRAND_FIRST = '安鑫恒万金润和嘉宏康瑞华德盛永泰锦福聚佳'.split('');
const BRAND_SECOND = '居源泰家诚泽美禾达丰宇润世安和绣苑鑫园邦'.split('');
const COMPANY_FORMS = ['物业服务有限公司', '物业管理有限公司'];

const COBUILD_TEMPLATES = [
  '滨州市{s}中学',
  '{s}街道社区卫生服务中心',
  '中国银行滨州{s}支行',
  '国网滨州供电公司{s}供电所',
  '中国移动滨州分公司{s}营业部',
  '滨州市第{n}实验小学',
  '滨州医学院附属医院{s}分院',
  '滨州市{s}幼儿园',
];

const shortName = (street: string) => street.replace(/(街道|镇|乡)$/, '');

function phone(random: Random): string {
  return `0543-${random.int(2_000_000, 8_999_999)}`;
}

function companyName(random: Random, used: Set<string>): string {
  for (let tries = 0; tries < 50; tries++) {
    const name = `滨州${random.pick(BRAND_FIRST)}${random.pick(BRAND_SECOND)}${random.pick(COMPANY_FORMS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `滨州${random.pick(BRAND_FIRST)}${random.pick(BRAND_SECOND)}${used.size}号物业服务有限公司`;
  used.add(name);
  return name;
}

/** The units of the streets in `places`; the same seed and places give the same rows. */
export function planDemoUnits(opts: {
  seed: string;
  places: DemandPlaces;
  /** Department names the catalogue routes to (demand_category_versions.department_name). */
  departmentNames: readonly string[];
  stamp: string;
}): DemoUnits {
  const random = createRandom(`${opts.seed}:demands:units`);
  const nextId = demoIdSequence('handlingUnits');
  const { places, stamp } = opts;
  const out: DemoUnits = {
    units: [],
    places: [],
    companyOf: new Map(),
    departmentsOf: new Map(),
    cobuildOf: new Map(),
  };
  const unit = (kind: HandlingUnitInsert['kind'], name: string, path: string): UnitRef => {
    const id = nextId(`${kind}:${path}:${name}`);
    out.units.push({
      id,
      kind,
      name,
      path,
      contactPhone: phone(random),
      active: 1,
      createdAt: stamp,
      updatedAt: stamp,
    });
    return { id, name };
  };

  // Departments of the districts with streets in scope.
  const districtCodes = new Set(places.streets.map((s) => s.parentCode));
  const names = [...new Set([...DISTRICT_DEPARTMENTS, ...opts.departmentNames])];
  for (const district of places.districts) {
    if (!districtCodes.has(district.code)) continue;
    out.departmentsOf.set(
      district.code,
      new Map(names.map((name) => [name, unit('department', name, district.path)])),
    );
  }

  // Property companies: runs of 3–8 compounds of a street, in path order.
  const used = new Set<string>();
  const byStreet = new Map<string, CompoundPlace[]>();
  for (const c of places.compounds) {
    if (c.kind === '散居楼院') continue;
    const street = c.path.split('/')[2] ?? '';
    byStreet.set(street, [...(byStreet.get(street) ?? []), c]);
  }
  for (const street of places.streets) {
    const compounds = byStreet.get(street.code) ?? [];
    for (let at = 0; at < compounds.length; ) {
      const run = compounds.slice(at, at + random.int(3, 8));
      at += run.length;
      const company = unit('property_company', companyName(random, used), street.path);
      for (const c of run) {
        out.companyOf.set(c.code, company);
        out.places.push({ unitId: company.id, areaCode: c.code, path: c.path });
      }
    }
  }

  // Co-building units: two to four per street, each paired with one to three of its communities.
  const communitiesOf = new Map<string, Place[]>();
  for (const c of places.communities)
    communitiesOf.set(c.parentCode, [...(communitiesOf.get(c.parentCode) ?? []), c]);
  for (const street of places.streets) {
    const communities = communitiesOf.get(street.code) ?? [];
    const templates = random.shuffle(COBUILD_TEMPLATES).slice(0, random.int(2, 4));
    for (const template of templates) {
      const name = template.replace('{s}', shortName(street.name)).replace('{n}', String(random.int(1, 9)));
      const ref = unit('cobuild_unit', name, street.path);
      for (const c of random.shuffle(communities).slice(0, random.int(1, 3))) {
        out.places.push({ unitId: ref.id, areaCode: c.code, path: c.path });
        out.cobuildOf.set(c.code, [...(out.cobuildOf.get(c.code) ?? []), ref]);
      }
    }
  }
  return out;
}
