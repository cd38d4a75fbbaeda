import ExcelJS from 'exceljs';
import { meetsTarget } from './demands.ranking';
import type { RankingView } from './demands.rates.schemas';

// The monthly ranking as an Excel workbook: what was ranked and how (the settings in force and the
// period, on top, so that a printed sheet says how its figures were made), then one line per place.

export { XLSX_TYPE } from '../../server/downloads';

const LEVEL_ZH: Record<RankingView['level'], string> = {
  community: '社区',
  street: '街道',
  grid: '网格',
  property_company: '物业服务企业',
};

const DENOMINATOR_ZH: Record<RankingView['settings']['denominator'], string> = {
  callback: '有效回访并已评价的诉求',
  closed: '已结案（含已评价）且回访号码有效的诉求',
};

const HEADER = [
  '排名',
  '编码',
  '名称',
  '上级',
  '诉求数',
  '分母',
  '及时响应',
  '响应率',
  '已解决',
  '解决率',
  '满意',
  '基本满意',
  '不满意',
  '满意率',
  '综合得分',
  '上月排名',
  '名次变化',
  '三率均达95%',
];

const PERCENT_COLUMNS = [8, 10, 14, 15];

/** The workbook bytes of a ranking. */
export async function rankingWorkbook(r: RankingView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const ws = wb.addWorksheet('三率排名', { views: [{ state: 'frozen', ySplit: 5 }] });
  const w = r.settings.weights;
  const place = r.place ? `${r.place.name}（${r.place.code}）` : '本人管辖范围';
  ws.addRow([`接诉即办三率月度排名 · ${place} · ${LEVEL_ZH[r.level]} · ${r.month}`]).font = {
    bold: true,
    size: 14,
  };
  ws.addRow([`统计期间：${r.period.from} 至 ${r.period.to}（按诉求受理时间，北京时间）`]);
  ws.addRow([
    `计算口径：综合得分 = 响应率×${w.response} + 解决率×${w.resolution} + 满意率×${w.satisfaction}；` +
      `基本满意按 ${r.settings.basicFactor} 计入满意；分母为${DENOMINATOR_ZH[r.settings.denominator]}；` +
      `分母为 0 的不参与排名。依据《北京市接诉即办工作条例》第三十二条。`,
  ]);
  ws.addRow([]);
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  for (let i = 1; i <= 3; i++) ws.mergeCells(i, 1, i, HEADER.length);
  ws.columns.forEach((col, i) => {
    col.width = i === 2 ? 28 : i === 1 ? 20 : 12;
  });
  for (const row of r.rows) {
    const f = row.figures;
    const added = ws.addRow([
      row.rank ?? '不参与排名',
      row.key,
      row.name,
      row.parentName ?? '',
      f.demands,
      f.denominator,
      f.responded,
      f.responseRate,
      f.resolved,
      f.resolutionRate,
      f.satisfied,
      f.basic,
      f.unsatisfied,
      f.satisfactionRate,
      f.composite,
      row.previousRank ?? '',
      row.change === null
        ? ''
        : row.change > 0
          ? `↑${row.change}`
          : row.change < 0
            ? `↓${-row.change}`
            : '持平',
      f.denominator > 0 ? (meetsTarget(f, r.target) ? '是' : '否') : '',
    ]);
    added.getCell(2).numFmt = '@';
    for (const c of PERCENT_COLUMNS) added.getCell(c).numFmt = '0.00%';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
