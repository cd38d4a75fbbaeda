import { beforeAll, describe, expect, it } from 'vitest';
import { fromDecimalString } from '../../lib/rational';
import { countOwnersHeadcount, exclusiveArea } from '../../modules/owners/owners.headcount';
import { registerFigures } from '../../modules/owners/owners.register-figures';
import { FORMATION_STEPS } from '../../modules/owners/owners.table';
import { deliveryTimeline } from './owners.delivery';
import { demoGridInputs } from './owners.fixtures';
import { type GridOwners, generateGridOwners } from './owners.generate';
import { addYears } from './owners.ids';
import { emptyRows, type GridOwnersInput, OWNERS_TABLES, type OwnersRows } from './owners.types';

// 惠民县 孙武街道: 43 compounds in 32 grids, among them compounds still being handed over.
const STREET = '371621003';
const today = '2026-11-27';

let inputs: GridOwnersInput[];
let grids: GridOwners[];
let rows: OwnersRows;

beforeAll(() => {
  inputs = demoGridInputs({ onlyStreets: [STREET], today });
  grids = inputs.map(generateGridOwners);
  rows = emptyRows();
  for (const grid of grids)
    for (const table of OWNERS_TABLES) (rows[table] as unknown[]).push(...grid.rows[table]);
});

const group = <T, K>(items: readonly T[], key: (item: T) => K) => {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

describe('the owners demo generator', () => {
  it('gives the same rows for the same places, residents, seed and day, and others for another seed', () => {
    for (const input of inputs.slice(0, 4))
      expect(generateGridOwners(input)).toEqual(generateGridOwners(input));
    const other = generateGridOwners({ ...inputs[0]!, seed: 'elsewhere' });
    expect(other.rows.ownerUnits.map((u) => u.registeredArea)).not.toEqual(
      grids[0]!.rows.ownerUnits.map((u) => u.registeredArea),
    );
  });

  it('gives every household of the tree one residential unit, with an area of 50-160 m² in at most 2 decimals', () => {
    const households = inputs.flatMap((i) =>
      i.compounds.flatMap((c) => c.buildings.flatMap((b) => b.households)),
    );
    const units = rows.ownerUnits.filter((u) => u.householdCode !== null);
    expect(units.map((u) => u.householdCode).sort()).toEqual(households.map((h) => h.code).sort());
    for (const unit of units) {
      expect(unit.useKind).toBe('residence');
      const area = unit.registeredArea ?? unit.surveyedArea ?? unit.contractArea;
      expect(area).toMatch(/^\d{2,3}\.\d{2}$/);
      expect(Number(area)).toBeGreaterThanOrEqual(50);
      expect(Number(area)).toBeLessThanOrEqual(160);
    }
    expect(rows.ownerUnits.some((u) => u.useKind === 'parking')).toBe(true);
    expect(rows.ownerUnits.some((u) => u.useKind === 'shop')).toBe(true);
  });

  it('seats valid committees: 5, 7 or 9 owners living there, one chair, vice-chairs, a term of at most five years', () => {
    const members = group(rows.committeeMembers, (m) => m.committeeId);
    const owners = new Map(rows.owners.map((o) => [o.id, o]));
    const residents = new Map(inputs.flatMap((i) => i.residents).map((r) => [r.id, r]));
    expect(rows.ownerCommittees.length).toBeGreaterThan(20);
    for (const committee of rows.ownerCommittees) {
      const seated = members.get(committee.id!) ?? [];
      expect([5, 7, 9]).toContain(seated.length);
      expect(seated.filter((m) => m.post === 'chair')).toHaveLength(1);
      expect(seated.filter((m) => m.post === 'vice_chair').length).toBe(seated.length === 9 ? 2 : 1);
      expect(committee.termStart).toBe(committee.electedOn);
      expect(committee.termEnd! < addYears(committee.termStart!, 5)).toBe(true);
      expect(committee.status === 'in_term').toBe(committee.termEnd! >= today);
      if (committee.filedOn) expect(committee.filedOn >= committee.electedOn!).toBe(true);
      expect(committee.filingAuthority === null).toBe(committee.filedOn === null);
      for (const m of seated) {
        const owner = owners.get(m.ownerId!)!;
        expect(owner.compoundCode).toBe(committee.compoundCode);
        const resident = residents.get(owner.residentId!)!;
        expect(resident.householdCode.startsWith(committee.compoundCode!)).toBe(true);
        expect(m.partyMemberId).toBe(resident.partyMemberId);
      }
    }
  });

  it('records formations step by step in order, with preparatory groups of seven or more, owners at least half', () => {
    const steps = group(rows.formationSteps, (s) => s.formationId);
    const people = group(rows.formationPeople, (p) => p.formationId);
    expect(rows.committeeFormations.length).toBeGreaterThan(3);
    for (const formation of rows.committeeFormations) {
      const done = steps.get(formation.id!) ?? [];
      expect(done.map((s) => s.step)).toEqual(FORMATION_STEPS.slice(0, done.length));
      const days = done.map((s) => s.completedOn!);
      expect(days).toEqual([...days].sort());
      if (days.length > 0) expect(formation.startedOn).toBe(days[0]);
      for (const s of done) expect(s.approvedBy).toMatch(/^user-/);
      expect(formation.currentStep).toBe(
        formation.status === 'completed' ? 'filing' : FORMATION_STEPS[done.length],
      );
      const preparatory = (people.get(formation.id!) ?? []).filter((p) => p.role === 'preparatory_member');
      if (done.length >= 2) {
        expect(preparatory.length).toBeGreaterThanOrEqual(7);
        expect(preparatory.length % 2).toBe(1);
        expect(preparatory.filter((p) => p.isOwner === 1).length * 2).toBeGreaterThanOrEqual(
          preparatory.length,
        );
      }
    }
    const linked = rows.ownerCommittees.filter((c) => c.formationId);
    const formations = new Set(rows.committeeFormations.map((f) => f.id));
    for (const c of linked) expect(formations.has(c.formationId!)).toBe(true);
  });

  it('counts owners as SPC art. 9 does: co-owners once, an owner of several units once, the developer once', () => {
    const owned = group(rows.unitOwnerships, (o) => o.unitId);
    let developerUnits = 0;
    let coOwned = 0;
    let multiUnit = 0;
    for (const grid of grids) {
      const units = group(grid.rows.ownerUnits, (u) => u.compoundCode);
      for (const outcome of grid.outcomes) {
        const counted = countOwnersHeadcount(
          (units.get(outcome.compoundCode) ?? []).map((u) => ({
            unitId: u.id!,
            ownerIds: (owned.get(u.id!) ?? []).map((o) => o.ownerId),
            developerUnsold: u.developerUnsold === 1,
            area: exclusiveArea({
              registered: u.registeredArea ? fromDecimalString(u.registeredArea) : null,
              surveyed: u.surveyedArea ? fromDecimalString(u.surveyedArea) : null,
              contract: u.contractArea ? fromDecimalString(u.contractArea) : null,
            }),
          })),
        );
        expect(counted.totalHeadcount).toBe(outcome.headcount);
        const developer = counted.owners.filter((o) => o.developer);
        expect(developer.length).toBeLessThanOrEqual(1);
        developerUnits = Math.max(developerUnits, developer[0]?.unitIds.length ?? 0);
        coOwned += counted.owners.filter((o) => o.ownerIds.length > 1).length;
        multiUnit += counted.owners.filter((o) => !o.developer && o.unitIds.length > 1).length;
      }
    }
    expect(developerUnits).toBeGreaterThan(1);
    expect(coOwned).toBeGreaterThan(100);
    expect(multiUnit).toBeGreaterThan(100);
  });

  it('meets Shandong art. 20 in some compounds still being handed over and not in others', () => {
    const outcomes = new Map(grids.flatMap((g) => g.outcomes).map((o) => [o.compoundCode, o]));
    const partly = new Set(
      rows.ownerUnits
        .filter((u) => u.useKind === 'residence' && u.deliveredOn === null)
        .map((u) => u.compoundCode),
    );
    const triggered = [...partly].map((code) => outcomes.get(code!)!.triggered);
    expect(triggered).toContain(true);
    expect(triggered).toContain(false);
    for (const code of partly)
      if (!outcomes.get(code!)!.triggered) expect(outcomes.get(code!)!.committee).toBe('none');
  });

  it('founds each committee of the campaign by the filing of a formation whose vote elected its members', () => {
    const steps = group(rows.formationSteps, (s) => s.formationId);
    const people = new Map(rows.formationPeople.map((p) => [p.id, p]));
    const members = group(rows.committeeMembers, (m) => m.committeeId);
    const committees = new Map(rows.ownerCommittees.map((c) => [c.id, c]));
    let founded = 0;
    for (const formation of rows.committeeFormations) {
      const details = (step: string) =>
        JSON.parse(steps.get(formation.id!)?.find((s) => s.step === step)?.details ?? 'null');
      const vote = details('vote');
      if (vote) {
        expect(vote.elected.length % 2).toBe(1);
        expect(vote.elected.length).toBeGreaterThanOrEqual(5);
        for (const id of vote.elected)
          expect(people.get(id)).toMatchObject({ role: 'candidate', reviewStatus: 'approved' });
      }
      const filing = details('filing');
      if (!filing) continue;
      const committee = committees.get(filing.committeeId)!;
      expect(committee.formationId).toBe(formation.id);
      const elected = vote.elected.map((id: string) => people.get(id)!.ownerId).sort();
      expect((members.get(committee.id!) ?? []).map((m) => m.ownerId).sort()).toEqual(elected);
      founded += 1;
    }
    expect(founded).toBeGreaterThan(3);
  });

  it("agrees with the owners module's register figures on headcount and when the first meeting became due", () => {
    const owned = group(rows.unitOwnerships, (o) => o.unitId);
    const outcomes = grids.flatMap((g) => g.outcomes);
    const units = group(rows.ownerUnits, (u) => u.compoundCode);
    // The partly delivered compounds, and a few others: the module's figures re-count the register per day.
    const partly = new Set(rows.ownerUnits.filter((u) => u.deliveredOn === null).map((u) => u.compoundCode));
    const sample = outcomes.filter((o, i) => partly.has(o.compoundCode) || i % 10 === 0);
    expect(sample.length).toBeGreaterThan(5);
    for (const outcome of sample) {
      const list = units.get(outcome.compoundCode)!;
      const figures = registerFigures(
        list.map((u) => ({
          id: u.id!,
          registeredArea: u.registeredArea ?? null,
          surveyedArea: u.surveyedArea ?? null,
          contractArea: u.contractArea ?? null,
          deliveredOn: u.deliveredOn ?? null,
          developerUnsold: u.developerUnsold === 1,
          ownerIds: (owned.get(u.id!) ?? []).map((o) => o.ownerId),
        })),
        today,
      );
      const timeline = deliveryTimeline(
        {
          units: list.map((u) => ({
            area: (u.registeredArea ?? u.surveyedArea ?? u.contractArea)!,
            deliveredOn: u.deliveredOn ?? null,
          })),
        },
        today,
      );
      expect(figures.headcount).toBe(outcome.headcount);
      expect(figures.trigger?.triggered).toBe(outcome.triggered);
      expect(figures.triggeredSince).toBe(timeline.triggeredSince);
    }
  });

  it('publishes quarterly accounts for committees, some of them overdue', () => {
    const reports = group(
      rows.committeeDisclosures.filter((d) => d.kind === 'financial_report'),
      (d) => d.committeeId,
    );
    // Q3 2026 was due by 30 October: committees elected before it began owe its report.
    const current = rows.ownerCommittees.filter((c) => c.status === 'in_term' && c.electedOn! < '2026-06-01');
    const overdue = current.filter((c) => !(reports.get(c.id!) ?? []).some((r) => r.period === '2026-Q3'));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(current.length / 2);
  });
});
