import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { createFieldCipher, type FieldCipher } from '../../lib/field-crypto';
import { locatePointInGeometry, type PolygonalGeometry } from '../../lib/geo/index';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { computeRates } from '../../modules/demands/demands.rates';
import { DEFAULT_DEMAND_SETTINGS, loadWorkingCalendar } from '../../modules/demands/demands.settings';
import { dueFlags, firstContactDeadline, limitDeadline } from '../../modules/demands/demands.sla';
import type { DemandEventRow, DemandRow, LimitUnit } from '../../modules/demands/demands.table';
import { type DemandAction, transition } from '../../modules/demands/demands.workflow';
import { installDemandDefaults } from '../../modules/demands/index';
import { DEMO_LOGINS, seedUsers } from '../../modules/iam/index';
import { loadDemoCity, placeLogins } from '../city/index';
import { type DemoDemandsSummary, loadDemoDemands } from './index';

// Two streets of 滨城区 (市中, 市西): 23 communities, 148 grids, 199 compounds.
const city = { onlyStreets: ['371602001', '371602002'] };
const now = new Date('2026-11-27T10:00:00+08:00');

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

describe('the demo year of demands', () => {
  let db: TestDb;
  let cipher: FieldCipher;
  let summary: DemoDemandsSummary | null;
  let demands: DemandRow[];
  let eventsOf: Map<string, DemandEventRow[]>;
  let calendar: WorkingCalendar;
  let ms: number;

  beforeAll(async () => {
    db = await createTestDb();
    cipher = createFieldCipher({ key: randomBytes(32) });
    const kysely = db.kysely;
    await installDemandDefaults(kysely);
    await loadDemoCity({ db: kysely, options: city });
    await seedUsers(kysely, [...DEMO_LOGINS, ...(await placeLogins(kysely)).logins]);
    const started = performance.now();
    summary = await loadDemoDemands({ db: kysely, cipher, city, now });
    ms = performance.now() - started;
    demands = await kysely.selectFrom('demands').selectAll().orderBy('number').execute();
    const events = await kysely
      .selectFrom('demandEvents')
      .selectAll()
      .orderBy('demandId')
      .orderBy('seq')
      .execute();
    eventsOf = groupBy(events, (e) => e.demandId);
    calendar = await loadWorkingCalendar(kysely);
  }, 120_000);
  afterAll(async () => {
    await db?.cleanup();
  });

  it('makes about nine demands a grid over the year before now, numbered by day of receipt', () => {
    console.info(`demo demands of two streets loaded in ${Math.round(ms)} ms`);
    expect(summary).not.toBeNull();
    expect(demands.length).toBe(summary!.demands);
    expect(demands.length).toBeGreaterThan(148 * 6);
    expect(demands.length).toBeLessThan(148 * 12);
    const yearAgo = now.getTime() - 366 * 86_400_000;
    for (const d of demands) {
      expect(Date.parse(d.receivedAt)).toBeGreaterThan(yearAgo);
      expect(Date.parse(d.updatedAt)).toBeLessThanOrEqual(now.getTime());
      expect(d.number).toMatch(/^\d{8}\d{5}$/);
    }
    expect(new Set(demands.map((d) => d.number)).size).toBe(demands.length);
  });

  it('keeps the day counters at the last number of each day', async () => {
    const counters = await db.kysely.selectFrom('demandCounters').select(['day', 'last']).execute();
    const byDay = groupBy(demands, (d) => d.number.slice(0, 8));
    expect(counters).toHaveLength(byDay.size);
    for (const c of counters) expect(Number(c.last)).toBe(byDay.get(c.day)!.length);
  });

  it('records every step as a valid path through the workflow, in time order', () => {
    for (const d of demands) {
      const steps = eventsOf.get(d.id)!;
      expect(steps[0]).toMatchObject({
        seq: 1,
        action: 'receive',
        fromStatus: null,
        toStatus: 'received',
        at: d.receivedAt,
      });
      for (let i = 1; i < steps.length; i++) {
        const [before, step] = [steps[i - 1]!, steps[i]!];
        expect(step.seq).toBe(i + 1);
        expect(step.fromStatus).toBe(before.toStatus);
        expect(step.at >= before.at).toBe(true);
        // Another demand merged into this one: a step on its timeline that keeps the state.
        if (step.action === 'merged_in') {
          expect(step.toStatus).toBe(step.fromStatus);
          continue;
        }
        const result = transition(before.toStatus, step.action as DemandAction, step.note);
        if (!result.ok || result.to !== step.toStatus)
          expect.fail(
            `${d.number} step ${step.seq}: ${step.action} from ${before.toStatus} to ${step.toStatus}`,
          );
      }
      expect(steps.at(-1)!.toStatus).toBe(d.status);
      expect(d.updatedAt).toBe(steps.at(-1)!.at);
      expect(d.reworkCount).toBe(steps.filter((s) => s.action === 'verify_fail').length);
      expect(d.extensionCount).toBe(steps.filter((s) => s.action === 'extend').length);
    }
  });

  it('starts the clocks at the first dispatch, by the catalogue limits and the working calendar', async () => {
    const versions = await db.kysely.selectFrom('demandCategoryVersions').selectAll().execute();
    const limits = new Map(versions.map((v) => [`${v.categoryCode}@${v.version}`, v]));
    let checked = 0;
    for (const d of demands) {
      const steps = eventsOf.get(d.id)!;
      if (!d.dispatchedAt) {
        expect([d.dueAt, d.firstContactDueAt]).toEqual([null, null]);
        continue;
      }
      expect(d.dispatchedAt).toBe(steps.find((e) => e.action === 'dispatch')!.at);
      const v = limits.get(`${d.categoryCode}@${d.categoryVersion}`)!;
      const dispatched = new Date(d.dispatchedAt);
      expect(d.firstContactDueAt).toBe(
        firstContactDeadline(calendar, dispatched, v.firstContactHours).toISOString(),
      );
      const extension = steps.filter((e) => e.action === 'extend').at(-1);
      const due = extension
        ? (() => {
            const { limit, unit } = (
              JSON.parse(extension.data) as { extension: { limit: number; unit: LimitUnit } }
            ).extension;
            return limitDeadline(calendar, new Date(extension.at), limit, unit);
          })()
        : limitDeadline(calendar, dispatched, v.handleLimit, v.handleUnit);
      expect(d.dueAt).toBe(due.toISOString());
      checked += 1;
    }
    expect(checked).toBeGreaterThan(demands.length * 0.9);
  });

  it('spreads demands over channels, categories and every outcome', () => {
    const share = (pred: (d: DemandRow) => boolean) => demands.filter(pred).length / demands.length;
    expect(share((d) => d.channel === 'mobile')).toBeCloseTo(0.45, 1);
    expect(share((d) => d.channel === 'hotline')).toBeCloseTo(0.3, 1);
    expect(share((d) => d.channel === 'patrol')).toBeCloseTo(0.2, 1);
    expect(share((d) => d.channel === 'open311')).toBeGreaterThan(0.02);
    expect(new Set(demands.map((d) => d.categoryCode)).size).toBeGreaterThan(30);
    const statuses = new Set(demands.map((d) => d.status));
    for (const s of ['rated', 'closed', 'declined', 'merged', 'in_hand'] as const)
      expect(statuses).toContain(s);
    expect(demands.filter((d) => d.status === 'rated').length).toBeGreaterThan(demands.length * 0.6);
    expect(demands.some((d) => d.reworkCount > 0)).toBe(true);
    expect(demands.some((d) => d.extensionCount > 0)).toBe(true);
    const overdue = demands.filter((d) => dueFlags(d, now, calendar, 8).overdue);
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('merges only into an open demand of the same category, and tells its timeline', () => {
    const merged = demands.filter((x) => x.status === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    for (const d of merged) {
      const into = demands.find((x) => x.id === d.mergedIntoId)!;
      expect(into.categoryCode).toBe(d.categoryCode);
      const merge = eventsOf.get(d.id)!.find((e) => e.action === 'merge')!;
      expect(JSON.parse(merge.data)).toMatchObject({ intoId: into.id, intoNumber: into.number });
      const joined = eventsOf.get(into.id)!.find((e) => e.action === 'merged_in' && e.at === merge.at)!;
      expect(JSON.parse(joined.data)).toEqual({ demandId: d.id, number: d.number });
      expect(['closed', 'rated', 'declined', 'merged']).not.toContain(joined.toStatus);
    }
  });

  it('places each demand inside its grid, and inside its compound when it has one', async () => {
    const areas = await db.kysely
      .selectFrom('areas')
      .select(['code', 'path', 'boundary'])
      .where('level', 'in', ['grid', 'compound'])
      .execute();
    const shape = new Map(areas.map((a) => [a.code, a]));
    for (const d of demands) {
      const grid = shape.get(d.gridCode!)!;
      expect(
        locatePointInGeometry([d.lng!, d.lat!], JSON.parse(grid.boundary!) as PolygonalGeometry),
      ).not.toBe('outside');
      const place = shape.get(d.compoundCode ?? d.gridCode!)!;
      expect(d.path).toBe(place.path);
      if (d.compoundCode)
        expect(
          locatePointInGeometry([d.lng!, d.lat!], JSON.parse(place.boundary!) as PolygonalGeometry),
        ).not.toBe('outside');
    }
  });

  it('seals the reporters: masked, encrypted, searchable by phone', () => {
    const withReporter = demands.filter((d) => d.origin === 'resident');
    expect(withReporter.length).toBeGreaterThan(demands.length * 0.8);
    for (const d of withReporter.slice(0, 50)) {
      const phone = cipher.decrypt(d.reporterPhoneEnc!);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(d.reporterPhoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      expect(d.reporterPhoneHash).toBe(cipher.blindIndex(`phone:${phone}`));
      expect(cipher.decrypt(d.reporterNameEnc!).length).toBeGreaterThanOrEqual(2);
      expect(d.reporterNameMasked).toContain('*');
    }
    for (const d of demands.filter((x) => x.origin === 'found')) {
      expect([d.reporterPhoneEnc, d.callbackValid]).toEqual([null, 0]);
    }
  });

  it('gives the demo resident demands of their own, and the demo grid worker and property staff tasks', async () => {
    const users = await db.kysely.selectFrom('users').select(['id', 'username']).execute();
    const id = (name: string) => users.find((u) => u.username === name)!.id;
    expect(demands.filter((d) => d.reporterUserId === id('jumin')).length).toBeGreaterThan(0);
    expect(demands.some((d) => d.handlerUserId === id('wangge'))).toBe(true);
    expect(demands.some((d) => d.handlerUserId === id('wuye'))).toBe(true);
  });

  it('gives the demo resident messages from their demands’ steps, the newest few unread', async () => {
    const jumin = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'jumin')
      .executeTakeFirstOrThrow();
    const messages = await db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('userId', '=', jumin.id)
      .orderBy('id')
      .execute();
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.filter((m) => m.readAt === null).map((m) => m.id)).toEqual(
      messages.slice(-3).map((m) => m.id),
    );
    const kinds = new Set(messages.map((m) => m.kind));
    for (const k of ['demand.registered', 'demand.dispatched', 'demand.replied']) expect(kinds).toContain(k);
    const own = new Set(demands.filter((d) => d.reporterUserId === jumin.id).map((d) => d.id));
    const joined = new Set(demands.filter((d) => own.has(d.id) && d.mergedIntoId).map((d) => d.mergedIntoId));
    for (const m of messages) {
      expect(own.has(m.subjectId) || joined.has(m.subjectId)).toBe(true);
      expect(JSON.parse(m.params)).toMatchObject({
        number: expect.any(String),
        categoryZh: expect.any(String),
      });
    }
  });

  it('routes to property companies serving compounds, departments and co-building units', async () => {
    const units = await db.kysely.selectFrom('handlingUnits').selectAll().execute();
    const places = await db.kysely.selectFrom('handlingUnitPlaces').selectAll().execute();
    const kinds = groupBy(units, (u) => u.kind);
    expect(kinds.get('property_company')!.length).toBeGreaterThan(176 / 8);
    expect(kinds.get('department')!.map((u) => u.name)).toContain('城市管理局');
    expect(kinds.get('cobuild_unit')!.length).toBeGreaterThanOrEqual(4);
    const companyIds = new Set(kinds.get('property_company')!.map((u) => u.id));
    const served = groupBy(
      places.filter((p) => companyIds.has(p.unitId)),
      (p) => p.unitId,
    );
    for (const compounds of served.values()) expect(compounds.length).toBeLessThanOrEqual(8);
    const unitIds = new Set(units.map((u) => u.id));
    for (const d of demands.filter(
      (x) => x.responsibleKind === 'property_company' || x.responsibleKind === 'department',
    ))
      expect(unitIds.has(d.responsibleRef!)).toBe(true);
    const kindsUsed = new Set(demands.map((d) => d.responsibleKind));
    for (const k of ['grid', 'community', 'property_company', 'department', 'cobuild_unit'] as const)
      expect(kindsUsed).toContain(k);
  });

  it('gives some communities and property companies all three rates at 95% or more, and some less', () => {
    const settings = DEFAULT_DEMAND_SETTINGS.rates;
    const meets = (rows: DemandRow[]) => {
      const f = computeRates(rows, settings);
      return [f.responseRate, f.resolutionRate, f.satisfactionRate].every((r) => r !== null && r >= 0.95);
    };
    const communities = [...groupBy(demands, (d) => d.path.split('/').slice(0, 4).join('/')).values()];
    const above = communities.filter(meets).length;
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(communities.length);
    const companies = [
      ...groupBy(demands, (d) =>
        d.responsibleKind === 'property_company' ? d.responsibleRef : null,
      ).values(),
    ];
    expect(companies.filter(meets).length).toBeGreaterThan(0);
    expect(companies.filter((c) => !meets(c)).length).toBeGreaterThan(0);
  });

  it('does nothing the second time', async () => {
    expect(await loadDemoDemands({ db: db.kysely, cipher, city, now })).toBeNull();
    const n = await db.kysely
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(demands.length);
  });
});
