// What a committee publishes on the compound's page: its members after the election, quarterly
// accounts of the common funds (due within 30 days of the quarter's end), its decisions and a
// yearly work report. Most committees keep to it; some publish late, some have stopped.

import type { Random } from '../../lib/random';
import type { Seat } from './owners.committee';
import { addDays, dayNumber, type GridIds, maxDate, minDate } from './owners.ids';
import { DECISIONS, quarterLabel } from './owners.texts';
import type { CompoundSpot, OwnersRows } from './owners.types';

const POST_LABELS = { chair: '主任', vice_chair: '副主任', member: '委员' } as const;
/** Reports older than this many days are not generated: the page shows the last two years. */
const HISTORY_DAYS = 730;

export interface DisclosureInput {
  random: Random;
  compound: CompoundSpot;
  committee: { id: string; electedOn: string; termEnd: string };
  seats: readonly Seat[];
  today: string;
  ids: GridIds;
  out: OwnersRows;
  stamp: string;
}

/** Quarter ends from the one after `from` up to the last before `to`. */
function quarterEnds(from: string, to: string): { label: string; end: string }[] {
  const out: { label: string; end: string }[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const end = addDays(
      quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`,
      -1,
    );
    if (end >= to) return out;
    if (end >= from) out.push({ label: quarterLabel(year, quarter), end });
    quarter = (quarter % 4) + 1;
    if (quarter === 1) year += 1;
  }
}

export function drawDisclosures(input: DisclosureInput): void {
  const { random, compound, committee, today, ids, out, stamp } = input;
  let n = 0;
  const publish = (
    kind: OwnersRows['committeeDisclosures'][number]['kind'],
    title: string,
    body: string,
    period: string | null,
    on: string,
  ) => {
    if (on > today) return;
    out.committeeDisclosures.push({
      id: ids.committeeDisclosures(`${compound.code}:${n++}`),
      compoundCode: compound.code,
      path: compound.path,
      committeeId: committee.id,
      kind,
      title,
      body,
      period,
      voteId: null,
      publishedOn: on,
      createdBy: null,
      createdAt: stamp,
    });
  };
  const members = input.seats.map((s) => `${POST_LABELS[s.post]}：${s.owner.name}`).join('；');
  publish(
    'notice',
    '业主委员会成员公示',
    `经业主大会选举产生本届业主委员会：${members}。`,
    null,
    addDays(committee.electedOn, random.int(1, 5)),
  );

  // Until the term ends (a lapsed committee stops reporting), over the last two years.
  const from = maxDate(committee.electedOn, addDays(today, -HISTORY_DAYS));
  const until = minDate(addDays(committee.termEnd, 1), today);
  const quarters = quarterEnds(from, until);
  const habit = random.next();
  // Late publishers take one to six weeks too long; lapsed ones stopped one to three quarters ago.
  const stopped = habit >= 0.88 ? random.int(1, 3) : 0;
  quarters.forEach(({ label, end }, i) => {
    if (i >= quarters.length - stopped) return;
    const late = habit >= 0.76 && habit < 0.88 && random.next() < 0.6;
    const income = random.int(20, 400) * 1000;
    const spent = Math.round(income * random.float(0.4, 1.1));
    publish(
      'financial_report',
      `${label.replace('-Q', '年第')}季度共有资金收支情况`,
      `本季度公共收益收入${income}元，支出${spent}元，明细见附件。`,
      label,
      addDays(end, late ? random.int(31, 75) : random.int(5, 28)),
    );
  });

  const years = (dayNumber(until) - dayNumber(from)) / 365.25;
  const decisions = Math.round(years * random.float(0.5, 1.5));
  for (let i = 0; i < decisions; i++) {
    const [title, body] = random.pick(DECISIONS);
    publish(
      'decision',
      title,
      body,
      null,
      addDays(from, random.int(0, Math.max(0, dayNumber(until) - dayNumber(from) - 1))),
    );
  }
  for (let year = Number(from.slice(0, 4)) + 1; `${year}-01-31` <= until; year++) {
    if (addDays(committee.electedOn, 300) > `${year}-01-01`) continue;
    publish(
      'work_report',
      `${year - 1}年度业主委员会工作报告`,
      '报告上一年度履职、公共收益和维修资金使用情况。',
      String(year - 1),
      `${year}-01-${random.int(10, 28)}`,
    );
  }
}
