import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { GRID_A1, householdCode, STREET_A } from './people.fixtures';
import { XLSX_TYPE } from './people.import.template';
import { ledgerIdNumber, ledgerPhone, seedTalent, workbookCells } from './people.ledger.fixtures';

let t: TestApp;
let streetA: Session;
let auditor: Session;
let mixed: Session;

// Five talents (residents with numbers) in street A, two in street B.
const SEEDED = [
  { household: householdCode('A', 1, 1), i: 1, skills: ['law'] },
  { household: householdCode('A', 1, 2), i: 2, skills: ['law', 'medicine'] },
  { household: householdCode('A', 1, 3), i: 3, skills: [] },
  { household: householdCode('A', 2, 1), i: 4, skills: ['it'] },
  { household: householdCode('A', 2, 2), i: 5, skills: ['law'] },
  { household: householdCode('B', 1, 1), i: 6, skills: ['law'] },
  { household: householdCode('B', 2, 1), i: 7, skills: [] },
];
const PLAIN = SEEDED.flatMap((s) => [ledgerIdNumber(s.i), ledgerPhone(s.i)]);

const download = (s: Session, url: string) => t.request(s, { method: 'GET', url });
const exportAudits = () =>
  t.db.kysely
    .selectFrom('auditLog')
    .select(['action', 'summary', 'scopePath', 'actorLabel'])
    .where('targetType', '=', 'export')
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  // Reads the whole street, may unmask only in one grid of it.
  await t.createUser({
    username: 'mixed1',
    assignments: [
      { role: 'auditor', scopePath: STREET_A },
      { role: 'grid_worker', scopePath: GRID_A1 },
    ],
  });
  [streetA, auditor, mixed] = (await Promise.all(
    ['streeta', 'auditor1', 'mixed1'].map((u) => t.login(u)),
  )) as [Session, Session, Session];
  for (const s of SEEDED) await seedTalent(t.db.kysely, t.app.cipher, s);
});
afterAll(() => t.close());

describe('exporting the resident list to Excel', () => {
  it('a role without people.unmask gets masked numbers only: no cell of the file holds a full number', async () => {
    const res = await download(auditor, '/api/v1/people/exports/residents.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="residents-all-\d{8}\.xlsx"; filename\*=UTF-8''%E5%B1%85%E6%B0%91/,
    );
    const cells = await workbookCells(res.rawPayload);
    const texts = cells.map((c) => c.text);
    for (const number of PLAIN) expect(texts.some((x) => x.includes(number))).toBe(false);
    expect(texts).toContain(`3716**********${ledgerIdNumber(1).slice(-4)}`);
    expect(texts).toContain(`137****${ledgerPhone(1).slice(-4)}`);
    expect(new Set(cells.filter((c) => c.row > 1).map((c) => c.row)).size).toBe(7);
    expect(
      cells
        .filter((c) => c.row === 1)
        .map((c) => c.text)
        .slice(0, 3),
    ).toEqual(['户编码', '姓名', '身份证号']);
    expect(Number(res.headers['x-export-rows'])).toBe(7);
  });

  it('asking for full numbers without people.unmask is forbidden', async () => {
    const res = await download(auditor, '/api/v1/people/exports/residents.xlsx?unmask=true');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.forbidden');
  });

  it('an official allowed to unmask their street gets full numbers, and the export is audited with rows and filters', async () => {
    const before = (await exportAudits()).length;
    const res = await download(
      streetA,
      '/api/v1/people/exports/residents.xlsx?areaCode=371602001&unmask=true',
    );
    expect(res.statusCode).toBe(200);
    const texts = (await workbookCells(res.rawPayload)).map((c) => c.text);
    expect(texts).toContain(ledgerIdNumber(1));
    expect(texts).toContain(ledgerPhone(5));
    expect(texts).not.toContain(ledgerIdNumber(6));
    const audits = await exportAudits();
    expect(audits).toHaveLength(before + 1);
    const entry = audits[audits.length - 1]!;
    expect(entry).toMatchObject({
      action: 'people.export_unmasked',
      scopePath: STREET_A,
      actorLabel: 'streeta',
    });
    expect(JSON.parse(entry.summary)).toEqual({
      export: 'residents',
      rows: 5,
      unmasked: true,
      filters: { areaCode: '371602001' },
    });
    expect(entry.summary).not.toContain(ledgerIdNumber(1));
  });

  it('unmasking must cover the whole exported area, not part of it', async () => {
    const street = await download(mixed, '/api/v1/people/exports/residents.xlsx?unmask=true');
    expect(street.statusCode).toBe(403);
    expect(street.json().code).toBe('people.unmask_forbidden');
    const grid = await download(
      mixed,
      '/api/v1/people/exports/residents.xlsx?unmask=true&areaCode=371602001001001',
    );
    expect(grid.statusCode).toBe(200);
    const texts = (await workbookCells(grid.rawPayload)).map((c) => c.text);
    expect(texts).toContain(ledgerIdNumber(3));
    expect(texts.some((x) => x.includes(ledgerIdNumber(4)))).toBe(false);
  });

  it('another street’s area is not found', async () => {
    const res = await download(streetA, '/api/v1/people/exports/residents.xlsx?areaCode=371602002');
    expect(res.statusCode).toBe(404);
  });
});

describe('exporting the talent ledger to Excel', () => {
  it('the filters of the list apply, and the rows in the file match the audited count', async () => {
    const res = await download(streetA, '/api/v1/people/exports/talents.xlsx?skill=law');
    expect(res.statusCode).toBe(200);
    const cells = await workbookCells(res.rawPayload);
    const rows = new Set(cells.filter((c) => c.row > 1).map((c) => c.row));
    expect(rows.size).toBe(3);
    expect(cells.filter((c) => c.text.includes('法律'))).toHaveLength(3);
    for (const number of PLAIN) expect(cells.some((c) => c.text.includes(number))).toBe(false);
    const entry = (await exportAudits()).at(-1)!;
    expect(entry.action).toBe('people.exported');
    expect(JSON.parse(entry.summary)).toMatchObject({
      export: 'talents',
      rows: 3,
      unmasked: false,
      filters: { skill: 'law' },
    });
  });
});
