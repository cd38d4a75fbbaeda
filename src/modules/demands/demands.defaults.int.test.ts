import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { DEFAULT_CATALOGUE } from './demands.catalogue.defaults';
import { listCategoryViews } from './demands.catalogue.read';
import { DEFAULTS_MARKER, installDemandDefaults } from './demands.defaults';
import { DEFAULT_DEMAND_SETTINGS, loadDemandSettings, loadWorkingCalendar } from './demands.settings';

// The starting catalogue and the 2024–2026 calendar, installed once.

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.cleanup());

const count = async (table: 'demandCategories' | 'demandCategoryVersions' | 'workCalendarDays') =>
  Number(
    (
      await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('installDemandDefaults', () => {
  it('keeps a day an admin entered before it ran', async () => {
    await db.kysely
      .insertInto('workCalendarDays')
      .values({
        date: '2026-10-01',
        kind: 'holiday',
        name: '自定',
        updatedBy: 'u1',
        updatedAt: '2025-01-01T00:00:00Z',
      })
      .execute();
    expect(await installDemandDefaults(db.kysely)).toBe(true);
    const day = await db.kysely
      .selectFrom('workCalendarDays')
      .selectAll()
      .where('date', '=', '2026-10-01')
      .executeTakeFirst();
    expect(day?.name).toBe('自定');
  });

  it('installs every category with version 1, and the calendar with festival names', async () => {
    expect(await count('demandCategories')).toBe(DEFAULT_CATALOGUE.length);
    expect(await count('demandCategoryVersions')).toBe(DEFAULT_CATALOGUE.length);
    const views = await listCategoryViews(db.kysely);
    const elevator = views.find((v) => v.code === 'property.elevator')!;
    expect(elevator).toMatchObject({ parentCode: 'property', version: 1, defaultParty: 'property_company' });
    expect(elevator.attributes.map((a) => a.code)).toEqual(['floor', 'trapped']);
    expect(views.find((v) => v.code === 'noise.commercial')?.departmentName).toBe('生态环境局');
    const days = await db.kysely.selectFrom('workCalendarDays').selectAll().orderBy('date').execute();
    expect(days.find((d) => d.date === '2026-10-02')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      updatedBy: 'system',
    });
    expect(days.find((d) => d.date === '2026-09-20')).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(days.find((d) => d.date === '2025-10-08')).toMatchObject({
      kind: 'holiday',
      name: '国庆节、中秋节',
    });
    expect(days.filter((d) => d.date.startsWith('2026-') && d.kind === 'holiday')).toHaveLength(33);
  });

  it('does nothing the second time', async () => {
    const before = [
      await count('demandCategories'),
      await count('demandCategoryVersions'),
      await count('workCalendarDays'),
    ];
    await db.kysely.deleteFrom('workCalendarDays').where('date', '=', '2026-10-02').execute();
    expect(await installDemandDefaults(db.kysely)).toBe(false);
    expect([
      await count('demandCategories'),
      await count('demandCategoryVersions'),
      await count('workCalendarDays'),
    ]).toEqual([before[0], before[1], before[2]! - 1]);
  });

  it('leaves the settings at their defaults (the marker is not a setting)', async () => {
    const marker = await db.kysely
      .selectFrom('demandSettings')
      .select('key')
      .where('key', '=', DEFAULTS_MARKER)
      .executeTakeFirst();
    expect(marker).toBeDefined();
    expect(await loadDemandSettings(db.kysely)).toEqual(DEFAULT_DEMAND_SETTINGS);
  });

  it('makes the calendar count the make-up Sunday before National Day 2026 as a working day', async () => {
    const calendar = await loadWorkingCalendar(db.kysely);
    expect(calendar.isWorkday('2026-09-20')).toBe(true);
    expect(calendar.isWorkday('2026-10-05')).toBe(false);
  });
});
