import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, authorize, can, scopeCovers } from '../iam/index';
import { getPlaceFor } from './people.access';
import { LEDGER_COLUMNS, LEDGER_NAMES, type LedgerKind } from './people.import.columns';
import { matchLedgerRow, type RowPlan } from './people.import.match';
import { readLedger } from './people.import.read';
import {
  enrolledResidents,
  insertLedgerBatch,
  type LedgerInsert,
  residentsByIdHashes,
} from './people.import.repository';
import { type RowProblem, readLedgerRow } from './people.import.rules';
import { buildLedgerTemplate } from './people.import.template';
import { ledgerErrors } from './people.ledger.errors';
import { findPlaces } from './people.places';

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

// Rows checked and written per round trip: one lookup query per kind of reference, and one
// multi-row INSERT per table, for every 1,000 rows.
const BATCH_ROWS = 1000;

export interface LedgerImportResult {
  ok: boolean;
  dryRun: boolean;
  kind: LedgerKind;
  /** Data rows in the file (blank rows and the untouched example row are not counted). */
  total: number;
  valid: number;
  problems: Omit<RowProblem, 'in'>[];
  /** What the import writes (a dry run: would write). */
  created: { residents: number; partyMembers: number; talents: number };
  /** The audit entry of a written import. */
  auditSeq: number | null;
}

interface Scan {
  total: number;
  valid: number;
  problems: RowProblem[];
  created: LedgerImportResult['created'];
  commonPath: string | null;
}

/**
 * Imports a filled ledger workbook (residents, party members or talents), all rows or none. The
 * file is read as a stream in batches; each batch is checked against the database and, when
 * writing and nothing has failed so far, inserted at once inside the one transaction, which is
 * rolled back if any later row fails. So a clean 100,000-row file is read once, and memory holds
 * one batch plus the blind indexes of the ID numbers seen (to find duplicates within the file).
 * With `areaCode`, every row must lie below that place as well as in the caller's scope.
 */
export async function importLedger(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  kind: LedgerKind;
  file: Buffer | undefined;
  dryRun: boolean;
  areaCode?: string | undefined;
}): Promise<LedgerImportResult> {
  const { db, actor, kind, file } = opts;
  authorize(actor, 'people.write');
  const area = opts.areaCode
    ? await getPlaceFor(db, actor, opts.areaCode, { permission: 'people.write', field: 'areaCode' })
    : undefined;
  if (!file || file.length === 0) throw ledgerErrors.notXlsx();
  const canWrite = (path: string) =>
    can(actor, 'people.write', path) && (!area || scopeCovers(area.path, path));
  const scan = (q: Q, trx?: Transaction<Database>) =>
    scanLedger({ q, trx, cipher: trx ? opts.cipher : previewCipher(opts.cipher), kind, file, canWrite });
  const result = (s: Scan, auditSeq: number | null): LedgerImportResult => ({
    ok: s.problems.length === 0,
    dryRun: opts.dryRun,
    kind,
    total: s.total,
    valid: s.valid,
    problems: s.problems.map(({ in: _in, ...p }) => p),
    created: s.created,
    auditSeq,
  });
  if (opts.dryRun) return result(await scan(db), null);

  return db.transaction().execute(async (trx) => {
    const s = await scan(trx, trx);
    if (s.problems.length > 0)
      throw ledgerErrors.importInvalid(s.problems, { total: s.total, valid: s.valid });
    const auditSeq = await appendAudit(trx, {
      actor,
      action: 'people.ledger_imported',
      targetType: 'ledger_import',
      targetId: newId(),
      scopePath: area?.path ?? s.commonPath,
      summary: {
        kind,
        ledger: LEDGER_NAMES[kind].zh,
        rows: s.valid,
        created: s.created,
        areaCode: area?.code ?? null,
        file: { bytes: file.length, sha256: createHash('sha256').update(file).digest('hex') },
      },
    });
    return result(s, auditSeq);
  });
}

/**
 * A dry run stores nothing, so nothing needs encrypting: the checks run with real blind indexes (for
 * duplicates) and an encrypt that returns nothing, which makes the preview of a large file faster.
 */
function previewCipher(cipher: FieldCipher): FieldCipher {
  return {
    encrypt: () => '',
    decrypt: (stored) => cipher.decrypt(stored),
    blindIndex: (normalized) => cipher.blindIndex(normalized),
  };
}

async function scanLedger(opts: {
  q: Q;
  trx: Transaction<Database> | undefined;
  cipher: FieldCipher;
  kind: LedgerKind;
  file: Buffer;
  canWrite: (path: string) => boolean;
}): Promise<Scan> {
  const { q, trx, cipher, kind } = opts;
  const today = chinaToday();
  const seen = new Map<string, number>();
  const order = new Map(LEDGER_COLUMNS[kind].map((c, i) => [c.header, i]));
  const scan: Scan = {
    total: 0,
    valid: 0,
    problems: [],
    created: { residents: 0, partyMembers: 0, talents: 0 },
    commonPath: null,
  };
  for await (const event of readLedger({ file: opts.file, kind, batchSize: BATCH_ROWS })) {
    if ('header' in event) {
      scan.problems.push(...event.header);
      continue;
    }
    const checked = event.rows.map((r) => readLedgerRow(kind, r, { cipher, today }));
    const households = await findPlaces(
      q,
      checked.flatMap((c) => (c.householdCode ? [c.householdCode] : [])),
    );
    const residents = await residentsByIdHashes(
      q,
      checked.flatMap((c) => (c.idHash ? [c.idHash] : [])),
    );
    const enrolled = await enrolledResidents(
      q,
      kind,
      [...residents.values()].map((r) => r.id),
    );
    const ctx = { cipher, today, households, residents, enrolled, canWrite: opts.canWrite, seen };
    const plans: RowPlan[] = [];
    for (const c of checked) {
      scan.total += 1;
      const { problems, plan } = matchLedgerRow(kind, c, ctx);
      if (problems.length > 0) {
        // Within a row, in the order of the columns, as the official reads across the sheet.
        problems.sort((a, b) => (order.get(a.field) ?? 99) - (order.get(b.field) ?? 99));
        scan.problems.push(...problems);
      } else if (plan) {
        scan.valid += 1;
        plans.push(plan);
        scan.commonPath = commonPath(scan.commonPath, plan.path);
        if (plan.newResident) scan.created.residents += 1;
        if (plan.party) scan.created.partyMembers += 1;
        if (plan.talent) scan.created.talents += 1;
      }
    }
    // Once a row has failed nothing more is written: the transaction will be rolled back anyway.
    if (trx && scan.problems.length === 0) await insertLedgerBatch(trx, toInserts(plans));
  }
  if (scan.total === 0 && scan.problems.length === 0) throw ledgerErrors.empty();
  return scan;
}

function toInserts(plans: RowPlan[]): LedgerInsert {
  const now = new Date().toISOString();
  const out: LedgerInsert = { residents: [], partyMembers: [], talents: [], talentTags: [] };
  for (const plan of plans) {
    const residentId = plan.residentId ?? newId();
    if (plan.newResident) {
      const { householdCode, path, ...fields } = plan.newResident;
      out.residents.push({
        id: residentId,
        householdCode,
        path,
        ...fields,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
    }
    if (plan.party)
      out.partyMembers.push({
        id: newId(),
        residentId,
        path: plan.path,
        ...plan.party,
        orgId: null,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
    if (plan.talent) {
      const { categories, skills, ...talent } = plan.talent;
      const talentId = newId();
      out.talents.push({
        id: talentId,
        residentId,
        path: plan.path,
        ...talent,
        createdAt: now,
        updatedAt: now,
      });
      for (const tag of categories) out.talentTags.push({ talentId, kind: 'category', tag });
      for (const tag of skills) out.talentTags.push({ talentId, kind: 'skill', tag });
    }
  }
  return out;
}

/** The deepest place above both paths (whole codes, never half a code). */
export function commonPath(a: string | null, b: string): string {
  if (a === null) return b;
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join('/');
}

/** The blank workbook of a ledger, for anyone who may read the people registry. */
export async function getLedgerTemplate(opts: { actor: Actor; kind: LedgerKind }) {
  authorize(opts.actor, 'people.read');
  return {
    filename: `${LEDGER_NAMES[opts.kind].zh}导入模板.xlsx`,
    fallback: `${opts.kind}-import-template.xlsx`,
    body: await buildLedgerTemplate(opts.kind),
  };
}
