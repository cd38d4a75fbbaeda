import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, authorize } from '../iam/index';
import { getScopedCompound, today } from './owners.access';
import { ownersErrors } from './owners.errors';
import { COLUMNS, groupUnits, type ParsedRow, type RowProblem, readRow } from './owners.import.rules';
import { buildRegisterTemplate, readRegisterWorkbook } from './owners.import.workbook';
import { sealOwnerNumbers } from './owners.owners.service';
import * as repo from './owners.register.repository';
import * as reports from './owners.reports.repository';
import type { OwnerRow, OwnerUnitRow, UnitOwnershipsTable } from './owners.table';

// Imports a compound's units and owners from the register workbook: a dry run lists every bad row;
// a commit writes all rows or none, checked again inside its transaction.

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

interface Plan {
  problems: RowProblem[];
  total: number;
  owners: OwnerRow[];
  units: OwnerUnitRow[];
  ownerships: UnitOwnershipsTable[];
}

const ownerKeyOf = (r: ParsedRow, hashes: Map<number, string>): string | null => {
  if (!r.owner) return null;
  if (r.owner.kind === 'developer') return 'developer';
  if (r.owner.kind === 'organisation') return `org:${r.owner.name}`;
  const hash = hashes.get(r.row);
  return hash ? `id:${hash}` : null;
};

async function plan(q: Q, cipher: FieldCipher, compound: reports.PlaceRow, file: Buffer): Promise<Plan> {
  const { rows, header } = await readRegisterWorkbook(file);
  if (header.length > 0) return { problems: header, total: 0, owners: [], units: [], ownerships: [] };
  if (rows.length === 0) throw ownersErrors.importEmpty();
  const problems: RowProblem[] = [];
  const parsed = rows.map((r) => {
    const read = readRow(r.row, r.cells);
    problems.push(...read.problems);
    return read.parsed;
  });
  const now = new Date().toISOString();
  const existing = await repo.ownersOf(q, compound.code);
  const owners = new Map<string, { row: OwnerRow; isNew: boolean; name: string; firstRow: number }>();
  for (const o of existing) {
    const key =
      o.kind === 'developer'
        ? 'developer'
        : o.kind === 'organisation'
          ? `org:${o.name}`
          : o.idNumberHash && `id:${o.idNumberHash}`;
    if (key) owners.set(key, { row: o, isNew: false, name: o.name, firstRow: 0 });
  }
  // Owners: sealed once, matched by ID number (persons), name (organisations) or kind (the developer).
  const hashes = new Map<number, string>();
  for (const r of parsed) {
    if (!r.owner) continue;
    const { sealed, problems: numberProblems } = await sealOwnerNumbers(q, cipher, r.owner, {
      idNumber: COLUMNS.idNumber,
      phone: COLUMNS.phone,
    });
    for (const p of numberProblems)
      problems.push({ row: r.row, field: p.field, reason: p.reason, message: p.message });
    if (sealed.idNumberHash) hashes.set(r.row, sealed.idNumberHash);
    const key = ownerKeyOf(r, hashes);
    if (!key) continue;
    const known = owners.get(key);
    if (known && r.owner.kind === 'person' && known.name !== r.owner.name)
      problems.push({
        row: r.row,
        field: COLUMNS.ownerName,
        reason: 'owner_conflict',
        message: {
          zh: `同一身份证号的业主姓名不一致（${known.firstRow ? `第 ${known.firstRow} 行` : '名册中'}为“${known.name}”）`,
          en: 'the same ID number comes with another name',
        },
      });
    if (known) continue;
    const row: OwnerRow = {
      id: newId(),
      compoundCode: compound.code,
      path: compound.path,
      name: r.owner.name,
      kind: r.owner.kind,
      residentId: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      ...sealed,
      createdAt: now,
    };
    owners.set(key, { row, isNew: true, name: r.owner.name, firstRow: r.row });
  }
  const { groups, problems: unitProblems } = groupUnits(parsed, today(), (r) => {
    const key = ownerKeyOf(r, hashes);
    return key ? (owners.get(key)?.row.id ?? null) : null;
  });
  problems.push(...unitProblems);
  const labels = await repo.unitLabelsOf(q, compound.code);
  const households = await reports.findPlaces(
    q,
    groups.flatMap((g) => (g.unit.householdCode ? [g.unit.householdCode] : [])),
  );
  const units: OwnerUnitRow[] = [];
  const ownerships: UnitOwnershipsTable[] = [];
  for (const g of groups) {
    const bad = (field: string, reason: string, zh: string, en: string) =>
      problems.push({ row: g.firstRow, field, reason, message: { zh, en } });
    if (labels.has(g.unit.label))
      bad(COLUMNS.label, 'unit_exists', '本小区已登记该专有部分', 'the compound already has this unit');
    const household = g.unit.householdCode ? households.get(g.unit.householdCode) : undefined;
    if (
      g.unit.householdCode &&
      (household?.level !== 'household' || !household.path.startsWith(`${compound.path}/`))
    )
      bad(
        COLUMNS.householdCode,
        'household_not_in_compound',
        '户编码不是本小区内的住户',
        'not a household of this compound',
      );
    const id = newId();
    const unit = g.unit;
    units.push({
      id,
      compoundCode: compound.code,
      householdCode: unit.householdCode,
      path: household?.path ?? compound.path,
      label: unit.label,
      useKind: unit.useKind,
      registeredArea: unit.registeredArea,
      surveyedArea: unit.surveyedArea,
      contractArea: unit.contractArea,
      deliveredOn: unit.deliveredOn,
      developerUnsold: unit.developerUnsold ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    });
    for (const r of g.rows) {
      const key = ownerKeyOf(r, hashes);
      const owner = key ? owners.get(key) : undefined;
      if (owner) ownerships.push({ unitId: id, ownerId: owner.row.id, share: r.share });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    problems,
    total: rows.length,
    owners: [...owners.values()].filter((o) => o.isNew).map((o) => o.row),
    units,
    ownerships,
  };
}

/** A compound's units and owners from a filled register workbook; a dry run writes nothing. */
export async function importRegister(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  code: string;
  file: Buffer | undefined;
  dryRun: boolean;
}) {
  const { db, actor, file } = opts;
  authorize(actor, 'owners.write');
  const compound = await getScopedCompound(db, actor, opts.code, 'owners.write');
  if (!file || file.length === 0) throw ownersErrors.importNotXlsx();
  const result = (p: Plan, auditSeq: number | null) => ({
    ok: p.problems.length === 0,
    dryRun: opts.dryRun,
    total: p.total,
    valid: p.total - new Set(p.problems.map((x) => x.row)).size,
    problems: p.problems,
    created: { units: p.units.length, owners: p.owners.length, ownerships: p.ownerships.length },
    auditSeq,
  });
  if (opts.dryRun) return result(await plan(db, opts.cipher, compound, file), null);
  return db.transaction().execute(async (trx) => {
    const p = await plan(trx, opts.cipher, compound, file);
    if (p.problems.length > 0)
      throw ownersErrors.importInvalid(
        p.problems.map((x) => ({ ...x, in: 'body' as const })),
        { total: p.total, valid: result(p, null).valid },
      );
    await repo.insertOwners(trx, p.owners);
    await repo.insertUnits(trx, p.units);
    await repo.insertOwnerships(trx, p.ownerships);
    const auditSeq = await appendAudit(trx, {
      actor,
      action: 'owners.register.import',
      targetType: 'owner_register',
      targetId: compound.code,
      scopePath: compound.path,
      summary: {
        units: p.units.length,
        owners: p.owners.length,
        ownerships: p.ownerships.length,
        file: { bytes: file.length, sha256: createHash('sha256').update(file).digest('hex') },
      },
    });
    return result(p, auditSeq);
  });
}

export async function getRegisterTemplate(opts: { actor: Actor }) {
  authorize(opts.actor, 'owners.read');
  return {
    filename: '业主名册导入模板.xlsx',
    fallback: 'owners-register-template.xlsx',
    body: await buildRegisterTemplate(),
  };
}
