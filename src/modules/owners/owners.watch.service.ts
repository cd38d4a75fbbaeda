import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { toPercentString } from '../../lib/rational';
import type { Actor } from '../iam/index';
import { scopesFor, today } from './owners.access';
import { PREPARATORY_GROUP_DAYS, REELECTION_NOTICE_DAYS, reelectionWatch } from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { addDays } from './owners.dates';
import * as formations from './owners.formations.repository';
import { loadRegisterFigures } from './owners.register.service';
import * as reports from './owners.reports.repository';
import type { missingCommitteeSchema, reelectionDueSchema, watchQuerySchema } from './owners.watch.schemas';

// The watch lists (CAPABILITIES §1.5): compounds that should have an owners' committee and have
// none, and committees due for re-election. Both are computed on the day from the records.

type Db = Kysely<Database>;
type Query = z.infer<typeof watchQuerySchema>;

async function openFormationOf(db: Db, codes: string[]) {
  const open = await formations.openFormationsOf(db, codes);
  return (code: string) => {
    const f = open.find((x) => x.compoundCode === code);
    return f ? { id: f.id, currentStep: f.currentStep } : null;
  };
}

/**
 * Compounds where the first-meeting condition (山东省物业管理条例 art. 20) holds today and which have
 * never had a committee — a formation under way is shown, not a reason to drop the compound, since
 * until it is filed the compound still has none. Overdue once art. 21's sixty days have run with no
 * formation started.
 */
export async function listMissingCommittees(opts: { db: Db; actor: Actor; query: Query }) {
  const { db, actor } = opts;
  const { scopes } = await scopesFor(db, actor, opts.query.area);
  const day = today();
  const compounds = await reports.compoundsWithoutCommittee(db, scopes);
  const figures = await loadRegisterFigures(
    db,
    compounds.map((c) => c.code),
    day,
  );
  const due = compounds.filter((c) => figures.get(c.code)?.trigger?.triggered);
  const [names, formationOf] = await Promise.all([
    reports.streetAndCommunity(
      db,
      due.map((c) => c.path),
    ),
    openFormationOf(
      db,
      due.map((c) => c.code),
    ),
  ]);
  const items: z.infer<typeof missingCommitteeSchema>[] = due.map((c) => {
    const f = figures.get(c.code)!;
    const by = f.triggeredSince ? addDays(f.triggeredSince, PREPARATORY_GROUP_DAYS) : null;
    const formation = formationOf(c.code);
    return {
      code: c.code,
      name: c.name,
      ...names(c.path),
      formation,
      conditions: f.trigger!.conditions,
      triggeredSince: f.triggeredSince,
      preparatoryGroupBy: by,
      overdue: !formation && by !== null && day > by,
      units: f.units,
      deliveredUnitsPercent: f.units ? toPercentString(f.trigger!.deliveredUnitsRatio) : null,
    };
  });
  items.sort(
    (a, b) => (a.triggeredSince ?? '').localeCompare(b.triggeredSince ?? '') || a.code.localeCompare(b.code),
  );
  return { items, today: day };
}

/** Committees whose term ends within ninety days or has ended, with no successor (art. 33). */
export async function listReelectionsDue(opts: { db: Db; actor: Actor; query: Query }) {
  const { db, actor } = opts;
  const { scopes } = await scopesFor(db, actor, opts.query.area);
  const day = today();
  const rows = await committees.committeesEndingBy(db, {
    scopes,
    until: addDays(day, REELECTION_NOTICE_DAYS),
  });
  const places = await reports.findPlaces(
    db,
    rows.map((r) => r.compoundCode),
  );
  const live = rows.filter((r) => places.get(r.compoundCode)?.status === 'active');
  const [names, formationOf] = await Promise.all([
    reports.streetAndCommunity(
      db,
      live.map((r) => r.path),
    ),
    openFormationOf(
      db,
      live.map((r) => r.compoundCode),
    ),
  ]);
  const items: z.infer<typeof reelectionDueSchema>[] = live.map((r) => {
    const w = reelectionWatch(r.termEnd, day);
    return {
      code: r.compoundCode,
      name: places.get(r.compoundCode)!.name,
      ...names(r.path),
      formation: formationOf(r.compoundCode),
      committeeId: r.id,
      termEnd: r.termEnd,
      daysLeft: w.daysLeft,
      watch: w.watch ?? 'due',
    };
  });
  return { items, today: day };
}

const STEP_ZH: Record<string, string> = {
  trigger: '启动',
  preparatory_group: '成立筹备组',
  nomination: '候选人提名',
  joint_review: '联审',
  vote: '业主大会表决',
  filing: '备案',
};
const CONDITION_ZH: Record<string, string> = {
  delivered_area_half: '交付面积达50%',
  delivered_owners_half: '交付户数达50%',
  two_years_and_quarter_owners: '首户交付满两年且交付达25%',
};

async function workbook(
  sheet: string,
  header: string[],
  rows: (string | number | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({
    header: h,
    width: Math.max(12, h.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const compact = (day: string) => day.replaceAll('-', '');

export async function exportMissingCommittees(opts: { db: Db; actor: Actor; query: Query }) {
  const { items, today: day } = await listMissingCommittees(opts);
  const body = await workbook(
    '应建未建',
    ['小区编码', '小区', '街道', '社区', '满足条件', '条件满足日', '筹备组应成立日', '是否逾期', '组建进度'],
    items.map((i) => [
      i.code,
      i.name,
      i.street,
      i.community,
      i.conditions.map((c) => CONDITION_ZH[c] ?? c).join('；'),
      i.triggeredSince,
      i.preparatoryGroupBy,
      i.overdue ? '逾期' : '',
      i.formation ? `进行中：${STEP_ZH[i.formation.currentStep] ?? i.formation.currentStep}` : '未启动',
    ]),
  );
  return {
    body,
    filename: `应建未建业委会小区_${compact(day)}.xlsx`,
    fallback: `missing-committees-${day}.xlsx`,
  };
}

export async function exportReelectionsDue(opts: { db: Db; actor: Actor; query: Query }) {
  const { items, today: day } = await listReelectionsDue(opts);
  const body = await workbook(
    '待换届',
    ['小区编码', '小区', '街道', '社区', '任期届满日', '剩余天数', '状态', '换届进度'],
    items.map((i) => [
      i.code,
      i.name,
      i.street,
      i.community,
      i.termEnd,
      i.daysLeft,
      i.watch === 'ended' ? '任期已届满' : '90日内届满',
      i.formation ? `进行中：${STEP_ZH[i.formation.currentStep] ?? i.formation.currentStep}` : '未启动',
    ]),
  );
  return { body, filename: `待换届业委会_${compact(day)}.xlsx`, fallback: `reelections-due-${day}.xlsx` };
}
