import type { FieldCipher } from '../../lib/field-crypto';
import type { LedgerKind } from './people.import.columns';
import {
  type CheckedRow,
  checkNewResident,
  HEADERS,
  type PartyFields,
  problemAt,
  type RowProblem,
  type TalentFields,
} from './people.import.rules';
import type { ResidentFields } from './people.resident-rules';

// A checked row against what the database holds: its household, the resident its ID number
// names, earlier rows of the same file. Pure: the service looks each batch up first and passes
// what it found, so every rule here has a table test.

export interface KnownHousehold {
  code: string;
  level: string;
  path: string;
  status: 'active' | 'retired';
}

export interface KnownResident {
  id: string;
  path: string;
  name: string;
  status: 'active' | 'moved_out' | 'deceased';
}

export interface MatchContext {
  cipher: FieldCipher;
  today: string;
  households: ReadonlyMap<string, KnownHousehold>;
  /** Residents by the blind index of their ID number. */
  residents: ReadonlyMap<string, KnownResident>;
  /** Residents already in this ledger (party members, or talents). */
  enrolled: ReadonlySet<string>;
  /** Whether the caller may write records at this path (people.write scope, and the chosen area). */
  canWrite: (path: string) => boolean;
  /** ID-number blind indexes of earlier rows of the file, with their row; this row's is added. */
  seen: Map<string, number>;
}

export interface RowPlan {
  row: number;
  /** The resident the row registers, or null when it names one already registered. */
  newResident: (ResidentFields & { householdCode: string; path: string }) | null;
  /** The registered resident the row names. */
  residentId: string | null;
  path: string;
  party: PartyFields | null;
  talent: TalentFields | null;
}

const ENROLLED: Record<Exclude<LedgerKind, 'residents'>, [string, string]> = {
  'party-members': ['该居民已在党员台账中', 'this resident is already in the party-members ledger'],
  talents: ['该居民已在人才台账中', 'this resident is already in the talent ledger'],
};

/**
 * Decides what a row will write, or every reason it cannot. A household outside the caller's scope
 * is reported as unknown, exactly like one that does not exist.
 */
export function matchLedgerRow(
  kind: LedgerKind,
  checked: CheckedRow,
  ctx: MatchContext,
): { problems: RowProblem[]; plan: RowPlan | null } {
  const { row } = checked;
  const problems = [...checked.problems];

  if (checked.idHash) {
    const earlier = ctx.seen.get(checked.idHash);
    if (earlier !== undefined)
      problems.push(
        problemAt(
          row,
          'idNumber',
          'duplicate_in_file',
          `与第 ${earlier} 行的身份证号重复`,
          `repeats row ${earlier}`,
        ),
      );
    else ctx.seen.set(checked.idHash, row);
  }

  const registerResident = () => {
    const household = findHousehold(checked, ctx, problems);
    const resident = checkNewResident(checked, kind, ctx);
    if (!resident.ok) problems.push(...resident.problems);
    if (!household || !resident.ok) return null;
    return { ...resident.value, householdCode: household.code, path: household.path };
  };

  if (kind === 'residents') {
    if (checked.idHash && ctx.residents.has(checked.idHash))
      problems.push(
        problemAt(
          row,
          'idNumber',
          'already_registered',
          '该身份证号已有居民登记',
          'a resident with this ID number is registered',
        ),
      );
    const resident = registerResident();
    return problems.length > 0 || !resident
      ? { problems, plan: null }
      : {
          problems,
          plan: {
            row,
            newResident: resident,
            residentId: null,
            path: resident.path,
            party: null,
            talent: null,
          },
        };
  }

  // Party members and talents: the ID number names a registered resident, or the row registers one.
  if (!checked.idHash) return { problems, plan: null };
  const existing = ctx.residents.get(checked.idHash);
  let plan: RowPlan | null = null;
  if (existing) {
    if (!ctx.canWrite(existing.path))
      problems.push(
        problemAt(
          row,
          'idNumber',
          'resident_outside_scope',
          '该身份证号的居民不在您的管辖范围内',
          'the resident lives outside your scope',
        ),
      );
    else if (existing.status !== 'active')
      problems.push(
        problemAt(
          row,
          'idNumber',
          'resident_not_active',
          '该居民已迁出或已死亡',
          'the resident has moved out or died',
        ),
      );
    else if (checked.name && checked.name !== existing.name)
      problems.push(
        problemAt(
          row,
          'name',
          'name_mismatch',
          '姓名与该身份证号登记的居民不一致',
          'differs from the registered resident',
        ),
      );
    else if (ctx.enrolled.has(existing.id)) {
      const [zh, en] = ENROLLED[kind];
      problems.push(problemAt(row, 'idNumber', 'already_enrolled', zh, en));
    }
    plan = {
      row,
      newResident: null,
      residentId: existing.id,
      path: existing.path,
      party: null,
      talent: null,
    };
  } else if (!checked.householdCode) {
    problems.push(
      problemAt(
        row,
        'idNumber',
        'resident_unknown',
        '未找到该身份证号的居民；如需同时登记该居民，请填写户编码、姓名、与户主关系和人口类型',
        'no resident has this ID number; to register one too, fill in the household code, name, relation and type',
      ),
    );
  } else {
    const resident = registerResident();
    if (resident)
      plan = { row, newResident: resident, residentId: null, path: resident.path, party: null, talent: null };
  }
  if (problems.length > 0 || !plan) return { problems, plan: null };
  return { problems, plan: { ...plan, party: checked.party, talent: checked.talent } };
}

function findHousehold(
  checked: CheckedRow,
  ctx: MatchContext,
  problems: RowProblem[],
): KnownHousehold | null {
  if (!checked.householdCode) {
    if (!problems.some((p) => p.field === HEADERS.householdCode))
      problems.push(problemAt(checked.row, 'householdCode', 'required', '必填', 'required'));
    return null;
  }
  const place = ctx.households.get(checked.householdCode);
  if (place?.status !== 'active' || !ctx.canWrite(place.path)) {
    problems.push(
      problemAt(
        checked.row,
        'householdCode',
        'household_unknown',
        '户编码不存在或不在您的管辖范围内',
        'no such household in your scope',
      ),
    );
    return null;
  }
  if (place.level !== 'household') {
    problems.push(
      problemAt(
        checked.row,
        'householdCode',
        'not_a_household',
        '该编码不是住户（户）的编码',
        'the code is not a household',
      ),
    );
    return null;
  }
  return place;
}
