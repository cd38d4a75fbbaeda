import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { div, type Rational, rational, toDecimalString, toPercentString } from '../../lib/rational';
import { type Actor, appendAudit } from '../iam/index';
import { actorUserId, checkRecordScope, getScopedCompound, today } from './owners.access';
import { PREPARATORY_GROUP_DAYS } from './owners.committee-rules';
import { addDays } from './owners.dates';
import { ownersErrors } from './owners.errors';
import * as repo from './owners.register.repository';
import type { registerListQuerySchema, unitBodySchema, unitPatchSchema } from './owners.register.schemas';
import { type RegisterFigures, type RegisterUnit, registerFigures } from './owners.register-figures';
import { unitProblems } from './owners.register-rules';
import * as reports from './owners.reports.repository';
import type { OwnerUnitRow } from './owners.table';
import { toUnitView } from './owners.views';

// The exclusive parts (专有部分) of a compound's register and its figures. Owners themselves are
// in owners.owners.service.ts, the Excel import in owners.import.service.ts.

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

/** The register figures of several compounds on `day`, computed from the units and their owners. */
export async function loadRegisterFigures(db: Q, compoundCodes: string[], day: string) {
  const out = new Map<string, RegisterFigures>();
  // A few hundred compounds at a time: one query for units, one for ownerships.
  for (let i = 0; i < compoundCodes.length; i += 200) {
    const codes = compoundCodes.slice(i, i + 200);
    const [units, ownerships] = await Promise.all([
      repo.unitsForFigures(db, codes),
      repo.ownershipsInCompounds(db, codes),
    ]);
    const byCompound = new Map<string, RegisterUnit[]>();
    for (const u of units)
      byCompound.set(u.compoundCode, [
        ...(byCompound.get(u.compoundCode) ?? []),
        { ...u, developerUnsold: u.developerUnsold === 1, ownerIds: ownerships.get(u.id) ?? [] },
      ]);
    for (const code of codes) out.set(code, registerFigures(byCompound.get(code) ?? [], day));
  }
  return out;
}

const percentOf = (part: Rational, whole: Rational) =>
  whole.num === 0n ? null : toPercentString(div(part, whole));

/** Total area, headcount (SPC art. 9), delivery and the first-meeting trigger (Shandong art. 20) today. */
export async function getRegisterSummary(opts: { db: Db; actor: Actor; code: string }) {
  const compound = await getScopedCompound(opts.db, opts.actor, opts.code);
  const day = today();
  const figures = (await loadRegisterFigures(opts.db, [compound.code], day)).get(compound.code)!;
  const trigger = figures.trigger;
  return {
    compound: { code: compound.code, name: compound.name, path: compound.path },
    units: figures.units,
    owners: await repo.countOwners(opts.db, compound.code),
    totalArea: toDecimalString(figures.totalArea, 4),
    headcount: figures.headcount,
    deliveredUnits: figures.deliveredUnits,
    deliveredArea: toDecimalString(figures.deliveredArea, 4),
    deliveredAreaPercent: percentOf(figures.deliveredArea, figures.totalArea),
    deliveredUnitsPercent: figures.units
      ? toPercentString(rational(figures.deliveredUnits, figures.units))
      : null,
    firstDeliveryOn: figures.firstDeliveryOn,
    firstMeeting: trigger && {
      triggered: trigger.triggered,
      conditions: trigger.conditions,
      twoYearsCompleteFrom: trigger.twoYearsCompleteFrom,
      triggeredSince: figures.triggeredSince,
      preparatoryGroupDueBy: figures.triggeredSince
        ? addDays(figures.triggeredSince, PREPARATORY_GROUP_DAYS)
        : null,
    },
    today: day,
  };
}

async function unitViews(db: Q, rows: OwnerUnitRow[]) {
  const ownerships = await repo.ownershipsOfUnits(
    db,
    rows.map((r) => r.id),
  );
  const owners = new Map(
    (
      await repo.findOwners(
        db,
        [...ownerships.values()].flat().map((o) => o.ownerId),
      )
    ).map((o) => [o.id, o]),
  );
  return rows.map((r) =>
    toUnitView(
      r,
      (ownerships.get(r.id) ?? []).map((o) => ({
        ownerId: o.ownerId,
        name: owners.get(o.ownerId)?.name ?? '',
        kind: owners.get(o.ownerId)?.kind ?? 'person',
        share: o.share,
      })),
    ),
  );
}

export async function listUnits(opts: {
  db: Db;
  actor: Actor;
  code: string;
  query: z.infer<typeof registerListQuerySchema>;
}) {
  const compound = await getScopedCompound(opts.db, opts.actor, opts.code);
  const { query } = opts;
  const rows = await repo.unitsOf(opts.db, compound.code, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await unitViews(opts.db, page),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

type UnitInput = z.infer<typeof unitBodySchema>;

/** Checks a unit against the rules, its household (below the compound) and owners (of the compound). */
async function checkUnit(q: Q, compound: reports.PlaceRow, unit: UnitInput, exceptId?: string) {
  const ownerIds = unit.owners.map((o) => o.ownerId);
  const problems = unitProblems({ ...unit, ownerIds }, today());
  const owners = await repo.findOwners(q, ownerIds);
  if (owners.length !== new Set(ownerIds).size || owners.some((o) => o.compoundCode !== compound.code))
    problems.push({
      field: 'owners',
      in: 'body',
      reason: 'owner_not_in_compound',
      message: { zh: '业主须是本小区名册中的业主', en: "owners must be on this compound's register" },
    });
  let path = compound.path;
  if (unit.householdCode) {
    const household = await reports.findPlace(q, unit.householdCode);
    if (household?.level !== 'household' || !household.path.startsWith(`${compound.path}/`))
      problems.push({
        field: 'householdCode',
        in: 'body',
        reason: 'household_not_in_compound',
        message: { zh: '住户须在本小区内', en: 'the household must lie in this compound' },
      });
    else path = household.path;
  }
  if (problems.length > 0) throw ownersErrors.invalidUnit(problems);
  const same = await repo.findUnitByLabel(q, compound.code, unit.label);
  if (same && same.id !== exceptId) throw ownersErrors.unitLabelTaken(unit.label);
  return path;
}

const areaColumns = (u: Partial<UnitInput>) => ({
  registeredArea: u.registeredArea ?? null,
  surveyedArea: u.surveyedArea ?? null,
  contractArea: u.contractArea ?? null,
});

export async function createUnit(opts: { db: Db; actor: Actor; code: string; input: UnitInput }) {
  const { db, actor, input } = opts;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const compound = await getScopedCompound(trx, actor, opts.code, 'owners.write');
    const path = await checkUnit(trx, compound, input);
    const now = new Date().toISOString();
    await repo.insertUnits(trx, [
      {
        id,
        compoundCode: compound.code,
        householdCode: input.householdCode ?? null,
        path,
        label: input.label,
        useKind: input.useKind,
        ...areaColumns(input),
        deliveredOn: input.deliveredOn ?? null,
        developerUnsold: input.developerUnsold ? 1 : 0,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await repo.replaceOwnerships(
      trx,
      id,
      input.owners.map((o) => ({ unitId: id, ownerId: o.ownerId, share: o.share ?? null })),
    );
    await appendAudit(trx, {
      actor,
      action: 'owners.unit.create',
      targetType: 'owner_unit',
      targetId: id,
      scopePath: compound.path,
      summary: { label: input.label, owners: input.owners.length, by: actorUserId(actor) },
    });
  });
  return (await unitViews(db, [(await repo.findUnit(db, id))!]))[0]!;
}

export async function updateUnit(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof unitPatchSchema>;
}) {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const row = checkRecordScope(
      actor,
      'owners.write',
      await repo.findUnit(trx, id),
      ownersErrors.unitNotFound,
    );
    const compound = await getScopedCompound(trx, actor, row.compoundCode, 'owners.write');
    const current = (await repo.ownershipsOfUnits(trx, [id])).get(id) ?? [];
    const merged: UnitInput = {
      label: input.label ?? row.label,
      householdCode: input.householdCode === undefined ? row.householdCode : input.householdCode,
      useKind: input.useKind ?? row.useKind,
      registeredArea: input.registeredArea === undefined ? row.registeredArea : input.registeredArea,
      surveyedArea: input.surveyedArea === undefined ? row.surveyedArea : input.surveyedArea,
      contractArea: input.contractArea === undefined ? row.contractArea : input.contractArea,
      deliveredOn: input.deliveredOn === undefined ? row.deliveredOn : input.deliveredOn,
      developerUnsold: input.developerUnsold ?? row.developerUnsold === 1,
      owners: input.owners ?? current.map((o) => ({ ownerId: o.ownerId, share: o.share })),
    };
    const path = await checkUnit(trx, compound, merged, id);
    await repo.updateUnit(trx, id, {
      label: merged.label,
      householdCode: merged.householdCode ?? null,
      path,
      useKind: merged.useKind,
      ...areaColumns(merged),
      deliveredOn: merged.deliveredOn ?? null,
      developerUnsold: merged.developerUnsold ? 1 : 0,
      updatedAt: new Date().toISOString(),
    });
    if (input.owners)
      await repo.replaceOwnerships(
        trx,
        id,
        input.owners.map((o) => ({ unitId: id, ownerId: o.ownerId, share: o.share ?? null })),
      );
    await appendAudit(trx, {
      actor,
      action: 'owners.unit.update',
      targetType: 'owner_unit',
      targetId: id,
      scopePath: compound.path,
      summary: { changed: Object.keys(input) },
    });
  });
  return (await unitViews(db, [(await repo.findUnit(db, id))!]))[0]!;
}

export async function deleteUnit(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  await db.transaction().execute(async (trx) => {
    const row = checkRecordScope(
      actor,
      'owners.write',
      await repo.findUnit(trx, id),
      ownersErrors.unitNotFound,
    );
    await repo.deleteUnit(trx, id);
    await appendAudit(trx, {
      actor,
      action: 'owners.unit.delete',
      targetType: 'owner_unit',
      targetId: id,
      scopePath: row.path,
      summary: { label: row.label, compoundCode: row.compoundCode },
    });
  });
}
