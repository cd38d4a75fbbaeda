// A year of demo demands, ending now: about nine a grid (11,000–15,000 for the whole city), spread
// over the catalogue's categories (more property repairs and rubbish than gas leaks; heating in
// winter), the grids' compounds and open ground, the four channels (mobile 45%, hotline 30%,
// patrol 20%, Open311 5%) and their outcomes. Each community, property company, department and
// street draws a quality once, which sets how its demands go, so that some places reach the 95%
// the city asks of the three rates and some do not. Deterministic: same seed, places and `now`,
// same rows (the reporters' ciphertexts aside, which carry a random nonce).

import type { FieldCipher } from '../../lib/field-crypto';
import { locatePointInGeometry, type PolygonalGeometry } from '../../lib/geo/index';
import { createRandom, type Random } from '../../lib/random';
import type { WorkingCalendar } from '../../lib/working-calendar';
import {
  chooseResponsible,
  type PlaceFacts,
  type ResponsibleChoice,
} from '../../modules/demands/demands.routing';
import type { DemandStatus } from '../../modules/demands/demands.table';
import { FINAL_STATUSES } from '../../modules/demands/demands.workflow';
import { demoId } from '../city/city.ids';
import { CHANNELS, categoryWeights, pickWeighted, qualityOf, receiptTime } from './demands.draws';
import { type Actor, type Life, type LifeEvent, type LifePlan, liveDemand } from './demands.life';
import type {
  CompoundPlace,
  DemandPlaces,
  DemoAccounts,
  DemoCategory,
  Place,
  ShapedPlace,
} from './demands.places';
import { drawReporter, sealReporter } from './demands.reporters';
import {
  type CounterInsert,
  type DemandEventInsert,
  type DemandInsert,
  type DemandIntake,
  lifeRows,
  numberDemands,
  type WhistleInsert,
} from './demands.rows';
import { describeDemand, placeWords } from './demands.texts';
import type { DemoUnits } from './demands.units';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface DemandsYearOptions {
  seed: string;
  now: Date;
  places: DemandPlaces;
  units: DemoUnits;
  categories: readonly DemoCategory[];
  calendar: WorkingCalendar;
  cipher: FieldCipher;
  accounts: DemoAccounts;
  /** settings.whistleReportHours */
  whistleReportHours: number;
  /** Demands a grid receives in a year, on average; 9 unless given. */
  perGrid?: number;
}

export interface DemandsYear {
  demands: DemandInsert[];
  events: DemandEventInsert[];
  whistles: WhistleInsert[];
  counters: CounterInsert[];
}

/** Categories that happen inside a compound whenever the grid has one. */
const COMPOUND_PARTIES = new Set(['property_company', 'owners_committee']);

function pointIn(random: Random, place: ShapedPlace): [number, number] {
  const [w, s, e, n] = place.bbox ?? [place.lng ?? 0, place.lat ?? 0, place.lng ?? 0, place.lat ?? 0];
  for (let tries = 0; tries < 8; tries++) {
    const p: [number, number] = [w + random.next() * (e - w), s + random.next() * (n - s)];
    if (!place.boundary || locatePointInGeometry(p, place.boundary) === 'inside') return p;
  }
  return [place.lng ?? w, place.lat ?? s];
}

function insideOf(point: [number, number], compounds: readonly CompoundPlace[]): CompoundPlace | null {
  for (const c of compounds) {
    const b = c.bbox;
    if (b && point[0] >= b[0] && point[0] <= b[2] && point[1] >= b[1] && point[1] <= b[3]) {
      if (!c.boundary || locatePointInGeometry(point, c.boundary as PolygonalGeometry) !== 'outside')
        return c;
    }
  }
  return null;
}

/** The catalogue's required attributes, answered. */
function answers(random: Random, category: DemoCategory): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of category.attributes) {
    if (!a.required) continue;
    if (a.values.length > 0)
      out[a.code] = (a.values.find((v) => v.key === 'no') ?? random.pick(a.values)).key;
    else out[a.code] = a.datatype === 'number' ? String(random.int(1, 30)) : '—';
  }
  return out;
}

interface Lookup {
  street: Map<string, Place>;
  community: Map<string, Place>;
  compoundsOf: Map<string, CompoundPlace[]>;
}

function lookups(places: DemandPlaces): Lookup {
  const compoundsOf = new Map<string, CompoundPlace[]>();
  for (const c of places.compounds)
    compoundsOf.set(c.parentCode, [...(compoundsOf.get(c.parentCode) ?? []), c]);
  return {
    street: new Map(places.streets.map((s) => [s.code, s])),
    community: new Map(places.communities.map((c) => [c.code, c])),
    compoundsOf,
  };
}

/** The year's demands of every grid in `places`. */
export function generateDemandsYear(opts: DemandsYearOptions): DemandsYear {
  const { seed, places, units, calendar, cipher, accounts } = opts;
  const now = opts.now.getTime();
  const thisYear = opts.now.getUTCFullYear();
  const perGrid = opts.perGrid ?? 9;
  const look = lookups(places);
  const summer = categoryWeights(opts.categories, false);
  const winter = categoryWeights(opts.categories, true);
  const entries: { intake: DemandIntake; life: Life }[] = [];
  const lives = new Map<string, Life>();
  const mergedIn: { into: string; event: LifeEvent }[] = [];
  const events: DemandEventInsert[] = [];
  const whistles: WhistleInsert[] = [];
  let juminLeft = 12;
  const filed = new Map<string, { id: string; at: number; code: string }[]>();
  const juminReporter = drawReporter(createRandom(`${seed}:demands:jumin`), thisYear);

  for (const grid of places.grids) {
    const community = look.community.get(grid.parentCode);
    const street = community ? look.street.get(community.parentCode) : undefined;
    if (!community || !street) continue;
    const district = street.parentCode;
    const random = createRandom(`${seed}:demands:grid:${grid.code}`);
    const compounds = look.compoundsOf.get(grid.code) ?? [];
    const count = Math.round(perGrid * random.float(0.45, 1.55));
    const receipts = Array.from({ length: count }, () => receiptTime(random, now)).sort((a, b) => a - b);
    const centre: Actor = { id: null, label: `${street.name}网格化服务管理中心` };
    const gridWorker: Actor =
      accounts.gridWorker && accounts.gridWorker.gridPath === grid.path
        ? { id: accounts.gridWorker.id, label: accounts.gridWorker.displayName }
        : { id: null, label: `${community.name}${grid.name}网格员` };

    for (const [i, receivedAt] of receipts.entries()) {
      const id = demoId(receivedAt, `demands:${grid.code}:${i}`);
      const month = new Date(receivedAt + 8 * HOUR_MS).getUTCMonth();
      const category = pickWeighted(random, month >= 10 || month <= 2 ? winter : summer);
      // Where: inside a compound for property matters, else anywhere in the grid.
      let compound: CompoundPlace | null = null;
      let point: [number, number];
      if (compounds.length > 0 && (COMPOUND_PARTIES.has(category.defaultParty) || random.next() < 0.55)) {
        compound = random.pick(compounds);
        point = pointIn(random, compound);
      } else {
        point = pointIn(random, grid);
        compound = insideOf(point, compounds);
      }
      const facts: PlaceFacts = {
        grid: { code: grid.code, name: grid.name },
        community: { code: community.code, name: community.name },
        street: { code: street.code, name: street.name },
      };
      if (compound) facts.compound = { code: compound.code, name: compound.name };
      const company = compound ? units.companyOf.get(compound.code) : undefined;
      if (company) facts.propertyCompany = company;
      const department = category.departmentName
        ? units.departmentsOf.get(district)?.get(category.departmentName)
        : undefined;
      if (department) facts.department = department;
      const cobuild = units.cobuildOf.get(community.code);
      if (cobuild?.length) facts.cobuildUnit = random.pick(cobuild);
      const responsible = chooseResponsible(category.defaultParty, facts) as ResponsibleChoice;

      // The community's own quality, but a property company's or (in part) a department's where they handle it.
      const own = qualityOf(seed, community.code, 0.45, 0.85);
      const quality =
        responsible.kind === 'property_company'
          ? 0.7 * qualityOf(seed, responsible.ref, 0.4, 0.8) + 0.3 * own
          : responsible.kind === 'department'
            ? 0.6 * own + 0.4 * qualityOf(seed, responsible.ref, 0.3, 0.85)
            : own;

      const channel = pickWeighted(random, CHANNELS);
      const origin = channel === 'patrol' && random.next() < 0.6 ? 'found' : 'resident';
      const jumin =
        accounts.resident && channel === 'mobile' && juminLeft > 0 && street.code === '371602001'
          ? accounts.resident
          : null;
      if (jumin) juminLeft -= 1;
      const reporter = origin === 'found' ? null : jumin ? juminReporter : drawReporter(random, thisYear);
      const anonymous = reporter !== null && channel !== 'patrol' && random.next() < 0.06;
      const callbackValid = reporter !== null && random.next() < 0.95;
      const receiver: Actor =
        channel === 'mobile'
          ? { id: jumin?.id ?? null, label: jumin?.displayName ?? '居民' }
          : channel === 'hotline'
            ? { id: null, label: '12345热线话务员' }
            : channel === 'patrol'
              ? gridWorker
              : { id: null, label: 'Open311 客户端' };
      const rater: Actor =
        channel === 'mobile' && jumin
          ? { id: jumin.id, label: jumin.displayName }
          : { id: null, label: '12345热线回访员' };

      // The same matter filed again in the community within 30 days may be merged into the first.
      const earlier = (filed.get(community.code) ?? []).find(
        (d) => d.code === category.code && d.at < receivedAt && receivedAt - d.at < 30 * DAY_MS,
      );
      const draw = random.next();
      const fate: LifePlan['fate'] =
        origin !== 'found' && draw < 0.03
          ? 'declined'
          : earlier && draw < 0.4
            ? { mergedInto: earlier.id }
            : 'handled';

      let detour: LifePlan['detour'] = null;
      const detourDraw = random.next();
      if (responsible.kind !== 'grid' && detourDraw < 0.04)
        detour = { party: { kind: 'grid', ref: grid.code, name: grid.name }, how: 'reassign' };
      else if (
        (responsible.kind === 'department' || responsible.kind === 'property_company') &&
        detourDraw < 0.08
      )
        detour = { party: { kind: 'community', ref: community.code, name: community.name }, how: 'return' };
      const whistle =
        responsible.kind === 'department' && random.next() < 0.2
          ? { unitId: responsible.ref, unitName: responsible.name, reportHours: opts.whistleReportHours }
          : null;
      // The demo accounts take in hand what is theirs: wangge their grid's, wuye their compound's.
      const staff = accounts.propertyStaff;
      const handler: Actor =
        responsible.kind === 'grid' && gridWorker.id
          ? gridWorker
          : responsible.kind === 'property_company' && staff && compound?.path === staff.compoundPath
            ? { id: staff.id, label: staff.displayName }
            : { id: null, label: responsible.name };

      const plan: LifePlan = {
        receivedAt,
        category,
        receiver,
        centre,
        rater,
        responsible,
        handler,
        detour,
        whistle,
        quality,
        fate,
        callbackValid,
      };
      let life = liveDemand(plan, random, calendar, now);
      const merge = life.events.find((e) => e.action === 'merge');
      if (merge && earlier) {
        // Only into a demand still open then (demands.actions.ts refuses an ended one); else handled.
        const target = lives.get(earlier.id)!;
        const status = statusAt(target, merge.at);
        if (ENDED.includes(status)) life = liveDemand({ ...plan, fate: 'handled' }, random, calendar, now);
        else
          mergedIn.push({
            into: earlier.id,
            event: { ...merge, action: 'merged_in', toStatus: status, data: { demandId: id } },
          });
      }
      if (life.events.every((e) => e.action !== 'merge'))
        filed.set(community.code, [
          ...(filed.get(community.code) ?? []),
          { id, at: receivedAt, code: category.code },
        ]);
      lives.set(id, life);
      const where = placeWords(compound?.name ?? null, community.name, grid.name);
      const intake: DemandIntake = {
        id,
        categoryCode: category.code,
        categoryVersion: category.version,
        channel,
        origin,
        description: describeDemand(random, category.code, where),
        address: `${street.name}${community.name}${compound?.name ?? grid.name}`,
        lng: Math.round(point[0] * 1e7) / 1e7,
        lat: Math.round(point[1] * 1e7) / 1e7,
        path: compound?.path ?? grid.path,
        gridCode: grid.code,
        compoundCode: compound?.code ?? null,
        attributes: answers(random, category),
        reporterUserId: jumin?.id ?? null,
        reporter: reporter ? sealReporter(cipher, reporter) : null,
        anonymous,
        callbackValid,
        createdBy: receiver.id ?? 'demo',
      };
      entries.push({ intake, life });
    }
  }
  // The merged-into demand's timeline says who joined it (both reporters follow one record).
  for (const { into, event } of mergedIn) {
    const target = lives.get(into)!;
    const after = target.events.findLastIndex((e) => e.at <= event.at);
    target.events.splice(after + 1, 0, event);
  }
  const { numbers, counters } = numberDemands(
    entries.map((e) => ({ id: e.intake.id, receivedAt: e.life.events[0]!.at })),
  );
  const demands: DemandInsert[] = [];
  for (const { intake, life } of entries) {
    const rows = lifeRows(intake, life, numbers);
    demands.push(rows.demand);
    events.push(...rows.events);
    if (rows.whistle) whistles.push(rows.whistle);
  }
  demands.sort((a, b) => (a.number < b.number ? -1 : 1));
  return { demands, events, whistles, counters };
}

const ENDED: readonly DemandStatus[] = [...FINAL_STATUSES, 'closed'];

/** A demand's state at `at`: that of its last step at or before it. */
function statusAt(life: Life, at: number): DemandStatus {
  return life.events.findLast((e) => e.at <= at)?.toStatus ?? 'received';
}
