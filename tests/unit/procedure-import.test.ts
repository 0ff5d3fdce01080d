/**
 * 前期手续 from sheets as offices keep them, through the contract: one column per procedure with
 * dates or 已办/未办 under title rows; a band per procedure over 计划/办结/文号; projects by code,
 * then name; errors with their cell and nothing written; one undoable step; the export imports back.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
const file = async (rows: CellInput[][], merges?: string[]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('前期手续');
  for (const r of rows) ws.addRow(r);
  for (const m of merges ?? []) ws.mergeCells(m);
  return { fileName: '前期手续.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
};

beforeEach(async () => {
  lib = createTempLibrary({ now: () => new Date(2025, 8, 5, 10) });
  const book = await buildWorkbook([
    {
      name: '清单',
      rows: [
        ['项目编号', '项目名称', '项目阶段', '总投资', '年度计划投资'],
        ['QY-01', '乳山口大桥', '前期', 350_000, null],
        ['QY-02', '华能热电联产', '前期', 120_000, null],
        ['QY-03', '海洋科创园', '储备', 80_000, null],
      ],
    },
  ]);
  commitProjectImport(lib.ctx, readWorkbook(book, '清单.xlsx'), '清单.xlsx', { year: 2025 });
});
afterEach(() => lib.close());

describe('importing 前期手续', () => {
  it('reads one column per procedure under title rows: dates, 已办/未办, 计划…; matched by code then by name', async () => {
    const source = await file([
      ['2025年市重点前期项目手续办理情况表'],
      ['填报单位：市发展改革委'],
      ['序号', '项目代码', '项目名称', '立项（备案）', '用地预审', '环评批复', '施工许可证'],
      [1, 'QY-01', '乳山口 大桥', new Date(Date.UTC(2025, 1, 1)), '已办', '计划2025年10月31日', '未办'],
      [2, null, '华能热电联产', '2025.3.15', '—', '已办', null],
    ]);
    const preview = await call('import.procedures.preview', { source, year: 2025 });
    expect(preview.columns.filter((c) => c.kind).map((c) => [c.kind, c.field])).toEqual([
      ['立项/备案', 'obtained'],
      ['用地预审', 'obtained'],
      ['环评批复', 'obtained'],
      ['施工许可', 'obtained'],
    ]);
    expect(preview.counts).toMatchObject({ update: 2, error: 0, procedures: 5 });
    await call('import.procedures.commit', { token: preview.token, year: 2025, validOnly: false });
    const counts = await call('procedures.counts', { year: 2025, month: 9 });
    expect(counts).toMatchObject({ obtained: 4, approval: 2, constructionPermit: 0, undated: 2 });
    // By 3月底 only the two dated 立项 count; the 已办 ones were known on 9月5日.
    expect(await call('procedures.counts', { year: 2025, month: 3 })).toMatchObject({ obtained: 2, approval: 2, undated: 0 });
    const { rows, kinds } = await call('procedures.list', { year: 2025 });
    const env = kinds.find((k) => k.name === '环评批复')!.id;
    expect(rows.find((r) => r.name === '乳山口大桥')!.procedures[env]).toMatchObject({ plannedDate: '2025-10-31', recordedOn: null, status: 'due' });
    // One undoable step.
    await call('history.undo', {});
    expect((await call('procedures.counts', { year: 2025, month: 9 })).obtained).toBe(0);
  });

  it('reads a band per procedure over 计划时间 / 办结时间 / 批复文号', async () => {
    const source = await file(
      [
        ['项目名称', '用地批复', null, null, '施工许可', null],
        [null, '计划时间', '办结时间', '批复文号', '计划时间', '办结时间'],
        ['乳山口大桥', '2025-05-31', '2025-06-20', '鲁政土字〔2025〕88号', '2025-07-31', null],
      ],
      ['A1:A2', 'B1:D1', 'E1:F1'],
    );
    const preview = await call('import.procedures.preview', { source, year: 2025 });
    expect(preview.columns.filter((c) => c.kind).map((c) => [c.kind, c.field])).toEqual([
      ['用地批复', 'plannedDate'],
      ['用地批复', 'obtained'],
      ['用地批复', 'documentNumber'],
      ['施工许可', 'plannedDate'],
      ['施工许可', 'obtained'],
    ]);
    await call('import.procedures.commit', { token: preview.token, year: 2025, validOnly: false });
    const overdue = await call('procedures.overdue', { year: 2025, month: 8 });
    expect(overdue.map((o) => [o.name, o.kind, o.daysOverdue])).toEqual([['乳山口大桥', '施工许可', 31]]);
    const { rows, kinds } = await call('procedures.list', { year: 2025 });
    expect(rows[0]!.procedures[kinds.find((k) => k.name === '用地批复')!.id]).toMatchObject({ plannedDate: '2025-05-31', obtainedDate: '2025-06-20', documentNumber: '鲁政土字〔2025〕88号' });

    // The export imports back to the same procedures.
    const exported = await call('export.procedures', { year: 2025 });
    const again = await call('import.procedures.preview', { source: { fileName: exported.fileName, data: exported.data! }, year: 2025 });
    expect(again.counts).toMatchObject({ update: 0, error: 0, unchanged: 3 });
  });

  it('refuses a sheet with errors naming the cell, writing nothing; validOnly writes the good rows', async () => {
    const source = await file([
      ['项目名称', '立项（备案）', '能评'],
      ['乳山口大桥', '2025-02-30', '已办'],
      ['不存在的项目', '2025-02-01', null],
      ['海洋科创园', '已办', null],
    ]);
    const preview = await call('import.procedures.preview', { source, year: 2025 });
    expect(preview.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`)).toEqual([
      '前期手续!B2: 立项/备案“2025-02-30”无法识别：应为办结日期、“已办”或“未办”',
      '前期手续!A3: “不存在的项目”不在本年度项目清单中',
    ]);
    const err = await refused('import.procedures.commit', { token: preview.token, year: 2025, validOnly: false });
    expect(err.message).toMatch(/有2处错误，未导入任何内容/);
    expect((await call('procedures.counts', { year: 2025, month: 9 })).obtained).toBe(0);
    await call('import.procedures.commit', { token: preview.token, year: 2025, validOnly: true });
    expect((await call('procedures.counts', { year: 2025, month: 9 })).obtained).toBe(1);
  });
});
