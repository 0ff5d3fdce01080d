/**
 * How a printed grid shares the A4 page (renderer/src/ui/print-widths.ts): empty columns left out
 * and named, short values never broken, long texts wrapped alike, and the text size that puts the
 * rows on the fewest lines (down to 7 pt).
 */
import { describe, expect, it } from 'vitest';
import { columnName, fitAt, printable, printLayout } from '../../renderer/src/ui/print-widths';
import type { ShownTable } from '../../renderer/src/ui/shown-table';
import { textWidth } from '../../shared/chart-labels';

const col = (header: string, numeric = false, group: string | null = null) => ({ header, group, numeric, width: 120 });
const DISTRICTS = ['荣成市', '高区', '南海新区', '经区'];

/** A project list as the demo city's: names of 13–17 characters, districts, departments, tags, levels, years, two amounts, an empty column. */
function projectList(n: number): ShownTable {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: String(i),
    cells: [
      String(i + 1),
      `${DISTRICTS[i % 4]}新一代智能制造产业园${'扩建'.repeat(i % 3)}项目`,
      DISTRICTS[i % 4]!,
      i % 2 ? '工业和信息化局' : '科技局',
      `${DISTRICTS[i % 4]}实业有限公司`,
      '十强产业、先进制造业、智改数转、产业项目',
      i % 3 ? '市重点' : '省重点',
      i % 5 ? '工业' : '基础设施及公共服务',
      '续建',
      '2023',
      '2026',
      '在建',
      '赵卫东',
      (123456.78 + i).toLocaleString('en'),
      (23456.7 + i).toLocaleString('en'),
      '',
    ],
  }));
  return {
    columns: [col('序号'), col('项目名称'), col('所在区市'), col('牵头部门'), col('建设单位'), col('行业/领域标签'), col('项目级别'), col('项目类别'), col('建设性质'), col('开工年份'), col('竣工年份'), col('项目阶段'), col('包联领导'), col('总投资（万元）', true), col('年度计划投资（万元）', true), col('联系电话')],
    rows,
    totals: [],
  };
}

describe('printing a grid on A4', () => {
  it('leaves out a column empty in every row and names it, its group first', () => {
    const table: ShownTable = {
      columns: [col('项目名称'), col('计划办结', false, '用地预审'), col('办结', false, '用地预审')],
      rows: [
        { id: '1', cells: ['甲项目', '2024-10-31', ''] },
        { id: '2', cells: ['乙项目', '', ' '] },
      ],
      totals: [],
    };
    const { table: kept, omitted } = printable(table);
    expect(kept.columns.map(columnName)).toEqual(['项目名称', '用地预审计划办结']);
    expect(kept.rows.map((r) => r.cells)).toEqual([['甲项目', '2024-10-31'], ['乙项目', '']]);
    expect(omitted).toEqual(['用地预审办结']);
    // Nothing to print: the header stays whole.
    expect(printable({ ...table, rows: [] }).omitted).toEqual([]);
  });

  it('never breaks a short value and keeps the 896-row list on one line a row at 7 pt, not two at 8 pt', () => {
    const table = printable(projectList(896)).table;
    const layout = printLayout(table, true);
    expect(layout.fontPt).toBe(7);
    const px = (i: number) => (layout.widths[i]! / 100) * 1032 - 6;
    const font = (7 * 96) / 72;
    // 所在区市 and 牵头部门 hold their longest value.
    expect(px(2)).toBeGreaterThanOrEqual(textWidth('南海新区', font) - 0.01);
    expect(px(3)).toBeGreaterThanOrEqual(textWidth('工业和信息化局', font) - 0.01);
    expect(fitAt(table, 1032, 7).rowLines).toBeLessThan(1.2);
    expect(fitAt(table, 1032, 8).rowLines).toBeGreaterThan(1.3);
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
  });

  it('prints a table that fits at 8 pt at 8 pt', () => {
    const table = printable(projectList(30)).table;
    const narrow: ShownTable = { ...table, columns: table.columns.slice(0, 3), rows: table.rows.map((r) => ({ id: r.id, cells: r.cells.slice(0, 3) })) };
    expect(printLayout(narrow, false).fontPt).toBe(8);
    expect(fitAt(narrow, 703, 8).rowLines).toBe(1);
  });
});
