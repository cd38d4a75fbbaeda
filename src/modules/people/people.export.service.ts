import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { type Actor, authorize, can, listScopes, recordAudit, scopeCovers } from '../iam/index';
import { today } from './people.access';
import { ageOn, birthRangeForAges } from './people.age';
import { peopleErrors } from './people.errors';
import { countResidents } from './people.export.repository';
import { compactDay, type ExportColumn, writeExportWorkbook } from './people.export.workbook';
import { commonPath } from './people.import.service';
import { ledgerErrors } from './people.ledger.errors';
import {
  AVAILABILITY_LABELS,
  GENDER_LABELS,
  RELATION_LABELS,
  RESIDENCE_LABELS,
  STATUS_LABELS,
  TALENT_CATEGORY_LABELS,
  TALENT_SKILL_LABELS,
  WILLINGNESS_LABELS,
} from './people.ledger.labels';
import { addressesOf, findPlace } from './people.places';
import * as repo from './people.repository';
import type { ResidentRow } from './people.table';
import * as talentsRepo from './people.talents.repository';
import { type TalentQuery, talentFilter } from './people.talents.service';

type Db = Kysely<Database>;

// Exports of a filtered list to Excel, with the columns of the import template so that an export
// (unmasked) imports again. Numbers are masked unless the caller holds people.unmask over all of
// the exported area and asks for them; every export is audited before its first row is sent, so an
// interrupted download of full numbers is on record too (PIPL art. 51).

const PAGE = 1000;

export interface PreparedExport {
  filename: string;
  fallback: string;
  rows: number;
  write(out: Writable): Promise<number>;
}

/** The places the export covers: each of the caller's scopes, narrowed to the chosen place. */
function exportedRoots(scopes: string[], areaPath: string | undefined): string[] {
  if (!areaPath) return scopes;
  return scopes.flatMap((s) => (scopeCovers(s, areaPath) ? [areaPath] : scopeCovers(areaPath, s) ? [s] : []));
}

function checkUnmask(actor: Actor, roots: string[]): void {
  authorize(actor, 'people.unmask');
  if (!roots.every((root) => can(actor, 'people.unmask', root))) throw ledgerErrors.unmaskOutsideScope();
}

async function placeFilter(db: Db, scopes: string[], areaCode: string | undefined) {
  if (!areaCode) return { areaPath: undefined, areaName: '全部' };
  const place = await findPlace(db, areaCode);
  if (!place || !scopes.some((s) => scopeCovers(s, place.path) || scopeCovers(place.path, s)))
    throw peopleErrors.placeNotFound('areaCode');
  return { areaPath: place.path, areaName: place.name };
}

async function* pagesOf<T extends { id: string }>(fetch: (after: string | undefined) => Promise<T[]>) {
  let after: string | undefined;
  for (;;) {
    const page = await fetch(after);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
    if (page.length < PAGE) return;
  }
}

export interface ResidentExportQuery {
  areaCode?: string | undefined;
  name?: string | undefined;
  residenceType?: ResidentRow['residenceType'] | undefined;
  gender?: ResidentRow['gender'] | undefined;
  status?: ResidentRow['status'] | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  unmask: boolean;
}

/** The resident list, filtered as on screen, as an .xlsx stream. */
export async function prepareResidentExport(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  query: ResidentExportQuery;
}): Promise<PreparedExport> {
  const { db, cipher, actor, query } = opts;
  const scopes = listScopes(actor, 'people.read');
  const { areaPath, areaName } = await placeFilter(db, scopes, query.areaCode);
  if (query.unmask) checkUnmask(actor, exportedRoots(scopes, areaPath));
  const day = today();
  const filter: repo.ResidentFilter = {
    scopes,
    areaPath,
    name: query.name,
    residenceType: query.residenceType,
    gender: query.gender,
    status: query.status,
    ...birthRangeForAges({ min: query.ageMin, max: query.ageMax }, day),
    limit: PAGE,
  };
  const rows = await countResidents(db, filter);
  await auditExport(db, actor, { kind: 'residents', rows, query, roots: exportedRoots(scopes, areaPath) });
  const number = (enc: string | null, masked: string | null) =>
    query.unmask && enc ? cipher.decrypt(enc) : masked;
  type Row = ResidentRow & { address: string };
  const columns: ExportColumn<Row>[] = [
    { header: '户编码', width: 30, value: (r) => r.householdCode },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '身份证号', width: 22, value: (r) => number(r.idNumberEnc, r.idNumberMasked) },
    { header: '性别', width: 8, value: (r) => GENDER_LABELS[r.gender] },
    { header: '出生日期', width: 12, value: (r) => r.birthDate },
    { header: '民族', width: 8, value: (r) => r.ethnicity },
    { header: '联系电话', width: 14, value: (r) => number(r.phoneEnc, r.phoneMasked) },
    { header: '与户主关系', width: 12, value: (r) => RELATION_LABELS[r.relationToHead] },
    { header: '人口类型', width: 12, value: (r) => RESIDENCE_LABELS[r.residenceType] },
    { header: '备注', width: 24, value: (r) => r.note },
    { header: '年龄', width: 8, value: (r) => ageOn(r.birthDate, day) },
    { header: '状态', width: 8, value: (r) => STATUS_LABELS[r.status] },
    { header: '所在区域', width: 60, value: (r) => r.address },
  ];
  return {
    filename: `居民台账-${areaName}-${compactDay(day)}.xlsx`,
    fallback: `residents-${query.areaCode ?? 'all'}-${compactDay(day)}.xlsx`,
    rows,
    write: (out) =>
      writeExportWorkbook({
        out,
        sheet: '居民',
        columns,
        pages: withAddresses(
          db,
          pagesOf((after) => repo.listResidents(db, { ...filter, after })),
        ),
      }),
  };
}

async function* withAddresses<T extends { path: string }>(db: Db, pages: AsyncIterable<T[]>) {
  for await (const page of pages) {
    const addresses = await addressesOf(db, [...new Set(page.map((r) => r.path))]);
    yield page.map((r) => ({ ...r, address: addresses.get(r.path) ?? '' }));
  }
}

/** The talent ledger, filtered as on screen, as an .xlsx stream. */
export async function prepareTalentExport(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  query: TalentQuery & { unmask: boolean };
}): Promise<PreparedExport> {
  const { db, cipher, actor } = opts;
  const { unmask, ...query } = opts.query;
  const filter = { ...(await talentFilter(db, actor, query)), limit: PAGE };
  const roots = exportedRoots(filter.scopes, filter.areaPath);
  if (unmask) checkUnmask(actor, roots);
  const rows = await talentsRepo.countTalents(db, filter);
  await auditExport(db, actor, { kind: 'talents', rows, query: opts.query, roots });
  const areaName = query.areaCode ? ((await findPlace(db, query.areaCode))?.name ?? query.areaCode) : '全部';
  const number = (enc: string | null, masked: string | null) =>
    unmask && enc ? cipher.decrypt(enc) : masked;
  const day = today();
  type Row = Awaited<ReturnType<typeof talentsRepo.listTalentsForExport>>[number] & {
    address: string;
    categories: string[];
    skills: string[];
  };
  const labels = (codes: string[], names: Record<string, string>) =>
    codes.map((c) => names[c] ?? c).join('、');
  const columns: ExportColumn<Row>[] = [
    { header: '身份证号', width: 22, value: (r) => number(r.idNumberEnc, r.idNumberMasked) },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '人才类别', width: 22, value: (r) => labels(r.categories, TALENT_CATEGORY_LABELS) },
    { header: '技能', width: 22, value: (r) => labels(r.skills, TALENT_SKILL_LABELS) },
    { header: '参与意愿', width: 12, value: (r) => WILLINGNESS_LABELS[r.willingness] },
    { header: '可服务时间', width: 14, value: (r) => AVAILABILITY_LABELS[r.availability] },
    { header: '备注', width: 24, value: (r) => r.note },
    { header: '户编码', width: 30, value: (r) => r.householdCode },
    { header: '性别', width: 8, value: (r) => GENDER_LABELS[r.gender] },
    { header: '联系电话', width: 14, value: (r) => number(r.phoneEnc, r.phoneMasked) },
    { header: '年龄', width: 8, value: (r) => ageOn(r.birthDate, day) },
    { header: '所在区域', width: 60, value: (r) => r.address },
  ];
  async function* pages() {
    for await (const page of withAddresses(
      db,
      pagesOf((after) => talentsRepo.listTalentsForExport(db, { ...filter, after })),
    )) {
      const tags = await talentsRepo.tagsOf(
        db,
        page.map((r) => r.id),
      );
      yield page.map((r) => ({ ...r, categories: [], skills: [], ...tags.get(r.id) }));
    }
  }
  return {
    filename: `人才台账-${areaName}-${compactDay(day)}.xlsx`,
    fallback: `talents-${query.areaCode ?? 'all'}-${compactDay(day)}.xlsx`,
    rows,
    write: (out) => writeExportWorkbook({ out, sheet: '人才', columns, pages: pages() }),
  };
}

async function auditExport(
  db: Db,
  actor: Actor,
  e: { kind: 'residents' | 'talents'; rows: number; query: { unmask: boolean }; roots: string[] },
): Promise<void> {
  const { unmask, ...filters } = e.query;
  await recordAudit(db, {
    actor,
    action: unmask ? 'people.export_unmasked' : 'people.exported',
    targetType: 'export',
    targetId: e.kind === 'residents' ? 'residents.xlsx' : 'talents.xlsx',
    scopePath: e.roots.reduce<string | null>((common, root) => commonPath(common, root), null),
    summary: { export: e.kind, rows: e.rows, unmasked: unmask, filters },
  });
}
