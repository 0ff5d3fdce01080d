/**
 * export.projects with the columns a screen shows: their order, month M's figures (完成投资, 完成率,
 * 预警) from the statistics engine, amounts in the unit asked in the office's decimals; a figure
 * column without a month is refused before anything is written.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { seedSampleProjects } from '../helpers/sample';

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
beforeEach(() => {
  lib = createTempLibrary();
  seedSampleProjects(lib.ctx.library!.db, 2024, 5, 3);
});
afterEach(() => lib.close());

describe('export.projects with the columns shown', () => {
  it('writes the columns in the order given, the month’s figures beside them, in the office’s style', async () => {
    await call('settings.setStyle', { wanDecimals: 0, thousands: false, percentDecimals: 2 });
    const target = `${lib.dir}/导出.xlsx`;
    await exportProjectsToFile(lib.ctx, { year: 2024, month: 3, unit: '万元', columns: ['warning', 'name', 'completedToDate', 'completionRate', 'annualPlan'] }, target);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(target) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('2024年重点项目清单（完成情况截至3月）');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '预警', '项目名称', '完成投资（万元）', '完成率', '年度计划投资（万元）']);
    const figures = projectsBehind(lib.ctx, { year: 2024, month: 3 });
    for (let r = 4; r < 4 + figures.length; r++) {
      const row = sheet.getRow(r);
      const f = figures.find((x) => x.name === row.getCell(3).value)!;
      expect(row.getCell(2).value).toBe({ red: '红', yellow: '黄', green: '绿' }[f.warning]);
      expect(row.getCell(4).value).toBe(f.completedToDate / 10_000);
      expect(row.getCell(4).numFmt).toBe('0');
      const rate = f.annualPlan > 0 ? Math.round((f.completedToDate / f.annualPlan) * 10_000) / 10_000 : '—';
      expect(row.getCell(5).value).toBeCloseTo(rate as number, 10);
      expect(row.getCell(5).numFmt).toBe('0.00%');
    }
  });

  it('refuses 完成率 or 预警 without a month, naming what is missing', async () => {
    expect(await refused('export.projects', { year: 2024, unit: '亿元', columns: ['name', 'completionRate'] })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('导出完成投资、完成率或预警时须指定月份') });
  });
});
