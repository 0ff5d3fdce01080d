/**
 * Project lists in the shapes offices really send (REAL-DOCUMENTS.md), imported through the
 * contract, and every project's stored figures compared with what was written. This file: merged
 * cells, headers of two and three rows under merged bands, headers that do not line up with their
 * data, 报送单位 and 单位 lines anywhere, units per column. The rows (sections with their counts,
 * group rows, 合计 above and below, stray spaces, natures beyond 新建/续建, 打包项目) and a list
 * without an annual-plan column are in import-shapes-rows.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-reader';
import { importShapesLibrary, 万, 亿 } from '../helpers/import-shapes';
import { buildWorkbook, minimalXlsx, type CellInput } from '../helpers/workbooks';

const { list, preview, commit, target } = importShapesLibrary();

describe('merged cells in .xlsx', () => {
  it('reads <mergeCells> as ranges (rows 1-based, columns 0-based), cuts one past the column limit, refuses absurd counts', async () => {
    const wb = readXlsx(await buildWorkbook([{ name: 'S', rows: [['投资情况', null, '备注'], ['总投资', '年度计划投资', null]], merges: ['A1:B1', 'C1:C2'] }]));
    expect(wb.sheets[0]!.merges).toEqual([
      { firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 1 },
      { firstRow: 1, lastRow: 2, firstColumn: 2, lastColumn: 2 },
    ]);
    const sheet = (mergeXml: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>${mergeXml}</worksheet>`;
    // A title merged across the whole row (A1:XFD1) is cut at the last column a sheet may have.
    expect(readXlsx(minimalXlsx(sheet('<mergeCells count="2"><mergeCell ref="A1:XFD1"/><mergeCell ref="B2"/></mergeCells>'))).sheets[0]!.merges).toEqual([
      { firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 199 },
    ]);
    const many = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`).join('');
    expect(() => readXlsx(minimalXlsx(sheet(`<mergeCells>${many}</mergeCells>`)))).toThrow(/合并单元格过多（超过100000个）/);
  });
});

describe('headers spanning rows', () => {
  it('two-row header under a merged 投资情况 band: 总投资 and the year’s plan found, every project imported with its figures', async () => {
    const rows: CellInput[][] = [
      ['2025年环翠区重点建设项目计划表'],
      ['报送单位：环翠区发展和改革局', null, null, null, null, null, null, '单位：万元'],
      ['序号', '项目名称', '建设单位', '建设性质', '投资情况', null, null, '备注'],
      [null, null, null, null, '总投资', '2025年计划投资', '截至2024年底累计完成', null],
      [1, '海港智能产业园', '威海海港集团', '新建', 52000, 8000, 0, null],
      [2, '经区医疗器械产业园二期', '威高集团', '续建', '120,000.5', '30000', 45000, '续建'],
      [3, '环翠楼片区城市更新', '环翠区住建局', '续建', 8600.25, 2100, 3500, null],
    ];
    const merges = ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'];
    const p = await preview(rows, merges);
    expect([p.headerRow, p.headerLastRow, p.reportingUnit, p.yearInFile, p.missingRequired]).toEqual([3, 4, '环翠区发展和改革局', 2025, []]);
    expect(p.columns.map((c) => [c.letter, c.target, c.unit])).toEqual([
      ['A', 'seq', null],
      ['B', 'name', null],
      ['C', 'ownerUnit', null],
      ['D', 'nature', null],
      ['E', 'totalInvestment', '万元'],
      ['F', 'annualPlan', '万元'],
      ['G', null, null],
      ['H', null, null],
    ]);
    expect(target(p, 'F')!.header).toBe('投资情况／2025年计划投资');
    expect(p.issues).toEqual([]);
    expect(p.sums.map((s) => [s.label, s.sum, s.rows, s.sheetTotal])).toEqual([
      ['总投资', 万(52000) + 万(120000.5) + 万(8600.25), 3, null],
      ['年度计划投资', 万(8000 + 30000 + 2100), 3, null],
    ]);
    expect(p.sample[0]!.values.map((v) => `${v.label}=${v.text}`)).toEqual(['项目名称=海港智能产业园', '建设单位=威海海港集团', '建设性质=新建', '总投资=52,000万元', '年度计划投资=8,000万元']);
    expect(await commit(p)).toMatchObject({ added: 3, skipped: 0, warnings: 0 });
    expect((await list(2025)).map((r) => [r.name, r.ownerUnit, r.nature, r.totalInvestment, r.annualPlan])).toEqual([
      ['海港智能产业园', '威海海港集团', 'new', 万(52000), 万(8000)],
      ['经区医疗器械产业园二期', '威高集团', 'continued', 万(120000.5), 万(30000)],
      ['环翠楼片区城市更新', '环翠区住建局', 'continued', 万(8600.25), 万(2100)],
    ]);
  });

  it('three-row header: a band’s unit wins over the sheet’s, a 合计 leaf stands for its band, cells merged down are one column', async () => {
    const rows: CellInput[][] = [
      ['2025年文登区重点项目表', null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, '单位：万元'],
      ['序号', '项目名称', '所在区市', '投资情况（亿元）', null, null, null, '建设内容及规模'],
      [null, null, null, '总投资', '2025年计划投资', null, null, null],
      [null, null, null, null, '合计', '中央资金', '地方资金', null],
      [1, '文登抽水蓄能电站', '文登区', 85.6, 12.3456, 5, 7.3456, '装机180万千瓦'],
      [2, '昆嵛山生态修复', '文登区', '3.2', '0.8', null, '0.8', '修复面积12平方公里'],
    ];
    const merges = ['A1:H1', 'A3:A5', 'B3:B5', 'C3:C5', 'D3:G3', 'H3:H5', 'D4:D5', 'E4:G4'];
    const p = await preview(rows, merges);
    expect([p.headerRow, p.headerLastRow]).toEqual([3, 5]);
    expect(p.columns.map((c) => [c.letter, c.target, c.unit])).toEqual([
      ['A', 'seq', null],
      ['B', 'name', null],
      ['C', 'district', null],
      ['D', 'totalInvestment', '亿元'],
      ['E', 'annualPlan', '亿元'],
      ['F', null, null],
      ['G', null, null],
      ['H', 'scope', null],
    ]);
    expect(p.issues).toEqual([]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.district, r.totalInvestment, r.annualPlan, r.scope])).toEqual([
      ['文登抽水蓄能电站', '文登区', 亿(85.6), 1_234_560_000, '装机180万千瓦'],
      ['昆嵛山生态修复', '文登区', 亿(3.2), 亿(0.8), '修复面积12平方公里'],
    ]);
  });

  it('a row of units under the header gives each column its unit; “全年” under a year’s plan band is that plan', async () => {
    const rows: CellInput[][] = [
      ['序号', '项目名称', '总投资', '2025年投资计划', null, null],
      [null, null, null, '全年', '一季度', '二季度'],
      [null, null, '亿元', '万元', '万元', '万元'],
      [1, '荣成核电配套', 2.5, 8000, 2000, 2000],
    ];
    const p = await preview(rows, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1']);
    expect([p.headerRow, p.headerLastRow]).toEqual([1, 3]);
    expect(p.columns.filter((c) => c.target).map((c) => [c.letter, c.target, c.unit])).toEqual([
      ['A', 'seq', null],
      ['B', 'name', null],
      ['C', 'totalInvestment', '亿元'],
      ['D', 'annualPlan', '万元'],
      // The quarters under the band are the plan's split (issue 14), in the units row's 万元.
      ['E', 'planSplit', '万元'],
      ['F', 'planSplit', '万元'],
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([['荣成核电配套', 亿(2.5), 万(8000)]]);
  });

  it('a header merged over two columns is read where the values are; a header over an empty column reads its unnamed neighbour', async () => {
    const rows: CellInput[][] = [
      ['序号', '项目名称', null, '总投资（万元）', null, '年度计划投资', null],
      [1, null, '荣成海洋牧场', 3000, null, null, 1200],
      [2, null, '石岛湾渔港改造', 4500.5, null, null, '800'],
    ];
    const p = await preview(rows, ['B1:C1', 'D1:E1']);
    expect(p.columns.map((c) => [c.letter, c.target])).toEqual([
      ['A', 'seq'],
      ['C', 'name'],
      ['D', 'totalInvestment'],
      ['G', 'annualPlan'],
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['荣成海洋牧场', 万(3000), 万(1200)],
      ['石岛湾渔港改造', 万(4500.5), 万(800)],
    ]);
  });

  it('报送单位 and 单位 lines on the left or right, in the title row, or beside the header: never a column; the column’s own unit wins', async () => {
    const project: CellInput[] = ['乳山口大桥', 12.5, 3000];
    const shapes: { rows: CellInput[][]; sheetUnit: '万元' | '亿元'; unit: string }[] = [
      { rows: [['单位：亿元', null, '报送单位：乳山市发展和改革局'], ['项目名称', '总投资', '年度计划投资（万元）'], project], sheetUnit: '亿元', unit: 'left' },
      { rows: [['报送单位：乳山市发展和改革局', null, '单位：亿元'], ['项目名称', '总投资', '年度计划投资（万元）'], project], sheetUnit: '亿元', unit: 'right' },
      { rows: [['2025年乳山市重点项目（单位：亿元）'], ['项目名称', '总投资', '年度计划投资（万元）'], project], sheetUnit: '亿元', unit: 'title' },
      { rows: [['项目名称', '总投资', '年度计划投资（万元）', '单位：亿元'], project], sheetUnit: '亿元', unit: 'beside the header' },
      { rows: [['报送单位：乳山市发展和改革局    单位：万元'], ['项目名称', '总投资（亿元）', '年度计划投资'], project], sheetUnit: '万元', unit: 'one cell' },
    ];
    for (const shape of shapes) {
      const p = await preview(shape.rows, shape.unit === 'title' ? ['A1:C1'] : []);
      expect(p.columns.map((c) => [c.header, c.target, c.unit]), shape.unit).toEqual([
        ['项目名称', 'name', null],
        [shape.sheetUnit === '亿元' ? '总投资' : '总投资（亿元）', 'totalInvestment', '亿元'],
        [shape.sheetUnit === '亿元' ? '年度计划投资（万元）' : '年度计划投资', 'annualPlan', '万元'],
      ]);
      expect(p.rows.map((r) => r.name), shape.unit).toEqual(['乳山口大桥']);
      if (shape.unit !== 'title' && shape.unit !== 'beside the header') expect(p.reportingUnit, shape.unit).toBe('乳山市发展和改革局');
      expect(p.sums.map((s) => s.sum), shape.unit).toEqual([亿(12.5), 万(3000)]);
    }
  });

  it('converts each column exactly to 万元 from its own unit (亿元 beside a 万元 sheet), without floating point', async () => {
    const rows: CellInput[][] = [
      ['单位：万元'],
      ['项目名称', '总投资（亿元）', '年度计划投资', '所在区市'],
      ['甲', '12.3456', '0.0001', '荣成市'],
      ['乙', 0.1, 0.2, '荣成市'],
      ['丙', '１,２３４.５', '3,000.25', '荣成市'],
      ['丁', 0.00005, 1e-4, '荣成市'],
    ];
    const p = await preview(rows);
    expect(p.issues).toEqual([]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['甲', 1_234_560_000, 1],
      ['乙', 10_000_000, 2_000],
      ['丙', 123_450_000_000, 30_002_500],
      ['丁', 5_000, 1],
    ]);
  });
});
