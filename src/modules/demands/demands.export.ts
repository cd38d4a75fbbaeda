import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDateOf } from '../../lib/working-calendar';
import { type Actor, listScopes, recordAudit } from '../iam/index';
import { countDemandRows, type ListDemandRow, listDemandRows } from './demands.list.repository';
import { buildDemandFilter, toListItems } from './demands.list.service';
import { maskedReporterName, maskedReporterPhone } from './demands.privacy';
import type { DemandListItem, DemandListQuery } from './demands.schemas';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';
import type { DemandChannel, DemandStatus, Rating, ResponsibleKind } from './demands.table';

// The inbox as Excel (GET /api/v1/demands.xlsx), with the inbox's filters and Chinese headers. The
// reporter is masked as in the list (PIPL art. 6: 最小必要); the export is audited before its first
// row is written. Rows stream out page by page through exceljs' streaming writer, as the people
// exports do, so a year of a district's demands never sits in memory at once.

export { XLSX_TYPE } from '../../server/downloads';

const PAGE = 1000;

const STATUS_ZH: Record<DemandStatus, string> = {
  received: '已受理',
  registered: '已立案',
  declined: '不予立案',
  dispatched: '已派遣',
  in_hand: '处置中',
  replied: '已反馈',
  verified: '核查通过',
  closed: '已结案',
  rated: '已回访',
  merged: '已合并',
};
const CHANNEL_ZH: Record<DemandChannel, string> = {
  mobile: '居民上报',
  patrol: '网格巡查',
  hotline: '热线',
  open311: '外部系统',
};
const RESPONSIBLE_ZH: Record<ResponsibleKind, string> = {
  grid: '网格',
  property_company: '物业企业',
  owners_committee: '业主委员会',
  community: '社区',
  street: '街道',
  cobuild_unit: '共建单位',
  department: '职能部门',
};
const RATING_ZH: Record<Rating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

type ExportRow = DemandListItem & { source: ListDemandRow };

interface Column {
  header: string;
  width: number;
  value: (r: ExportRow) => string | number | null;
}

/** ISO instant → 'YYYY-MM-DD HH:mm' China time. */
function chinaTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

const COLUMNS: Column[] = [
  { header: '诉求编号', width: 16, value: (r) => r.number },
  { header: '状态', width: 10, value: (r) => STATUS_ZH[r.status] },
  { header: '类别', width: 16, value: (r) => r.categoryName.zh },
  { header: '渠道', width: 10, value: (r) => CHANNEL_ZH[r.channel] },
  { header: '诉求内容', width: 50, value: (r) => r.source.description },
  { header: '地址', width: 30, value: (r) => r.address },
  { header: '所在小区或网格', width: 16, value: (r) => r.placeName },
  {
    header: '诉求人',
    width: 10,
    value: (r) => (r.source.anonymous === 1 ? '匿名' : maskedReporterName(r.source)),
  },
  { header: '联系电话', width: 14, value: (r) => maskedReporterPhone(r.source) },
  {
    header: '责任方类型',
    width: 12,
    value: (r) => (r.responsibleKind ? RESPONSIBLE_ZH[r.responsibleKind] : null),
  },
  { header: '责任方', width: 20, value: (r) => r.responsibleName },
  { header: '受理时间', width: 17, value: (r) => chinaTime(r.receivedAt) },
  { header: '派遣时间', width: 17, value: (r) => chinaTime(r.dispatchedAt) },
  { header: '首次联系时限', width: 17, value: (r) => chinaTime(r.firstContactDueAt) },
  { header: '首次联系时间', width: 17, value: (r) => chinaTime(r.firstContactedAt) },
  { header: '办理时限', width: 17, value: (r) => chinaTime(r.dueAt) },
  { header: '结案时间', width: 17, value: (r) => chinaTime(r.closedAt) },
  {
    header: '是否解决',
    width: 10,
    value: (r) => (r.source.resolved === null ? null : r.source.resolved === 1 ? '已解决' : '未解决'),
  },
  { header: '满意度', width: 10, value: (r) => (r.rating ? RATING_ZH[r.rating] : null) },
  { header: '返工次数', width: 10, value: (r) => r.reworkCount },
  {
    header: '时限提示',
    width: 12,
    value: (r) =>
      r.flags.overdue ? '已超期' : r.flags.dueSoon ? '即将到期' : r.flags.contactOverdue ? '联系超时' : null,
  },
];

export interface PreparedDemandExport {
  filename: string;
  fallback: string;
  rows: number;
  write(out: Writable): Promise<number>;
}

/** The filtered inbox as an .xlsx stream (officials only: demands.read). */
export async function prepareDemandExport(opts: {
  db: Kysely<Database>;
  actor: Actor;
  query: DemandListQuery;
  now?: Date;
}): Promise<PreparedDemandExport> {
  const { db, actor, query } = opts;
  const now = opts.now ?? new Date();
  listScopes(actor, 'demands.read');
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const filter = await buildDemandFilter({ db, actor, query, now, calendar, settings });
  const rows = await countDemandRows(db, filter);
  const { cursor: _c, limit: _l, ...filters } = query;
  await recordAudit(db, {
    actor,
    action: 'demands.export',
    targetType: 'export',
    scopePath: filter.scopes?.length === 1 ? filter.scopes[0] : null,
    summary: { kind: 'demands', rows, filters },
  });
  async function* pages(): AsyncIterable<ExportRow[]> {
    let after: { receivedAt: string; id: string } | undefined;
    for (;;) {
      const page = await listDemandRows(db, filter, { after, limit: PAGE });
      if (page.length === 0) return;
      const items = await toListItems(db, page, now, calendar, settings);
      yield items.map((item, i) => ({ ...item, source: page[i]! }));
      const last = page[page.length - 1]!;
      after = { receivedAt: last.receivedAt, id: last.id };
      if (page.length < PAGE) return;
    }
  }
  const day = chinaDateOf(now).replaceAll('-', '');
  return {
    filename: `诉求清单-${day}.xlsx`,
    fallback: `demands-${day}.xlsx`,
    rows,
    write: (out) => writeWorkbook(out, pages()),
  };
}

async function writeWorkbook(out: Writable, pages: AsyncIterable<ExportRow[]>): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Grassroots 基层治理平台';
  const ws = wb.addWorksheet('诉求', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text columns: numbers such as 2026011500042 must not turn into 2.03E+12.
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  for await (const page of pages) {
    for (const row of page) {
      ws.addRow(COLUMNS.map((c) => c.value(row))).commit();
      n += 1;
    }
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await wb.commit();
  return n;
}

export { attachmentHeader } from '../../server/downloads';
