import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReport } from '../../electron/db/progress';
import { commitProgressImport, previewProgressImport } from '../../electron/services/import/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { describeIssue } from '../../shared/import';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call } = contractCaller(() => lib.ctx);
const db = () => lib.ctx.library!.db;
const book = async (rows: CellInput[][]) => readWorkbook(await buildWorkbook([{ name: '8月调度', rows }]), '8月调度.xlsx');
const ids: Record<string, number> = {};

beforeEach(async () => {
  lib = createTempLibrary();
  const list = await book([
    ['项目编号', '项目名称', '建设性质', '年度计划投资'],
    ['A1', '石岛湾核电站扩建一期', '新建', 1000],
    ['A2', '光威复材碳纤维项目', '续建', 500],
    ['A3', '海峰路西延', '新建', 300],
  ]);
  commitProjectImport(lib.ctx, list, 'list.xlsx', { year: 2024, allowMissing: ['totalInvestment'] });
  const table = await call('projects.list', { year: 2024 });
  for (const r of table.rows) ids[r[2] as string] = r[0] as number;
});
afterEach(() => lib.close());

describe('dispatch sheet import', () => {
  it('records cumulative completed investment, start status, 纳统, 形象进度 and problems, once per text', async () => {
    const rows: CellInput[][] = [
      ['2024年8月重点项目调度表'],
      ['单位：万元'],
      ['序号', '项目编号', '项目名称', '1-8月完成投资', '是否开工', '实际开工时间', '是否纳统', '形象进度', '存在问题'],
      [1, 'A1', '石岛湾核电站扩建一期', 894.6, '已开工', '2024年3月21日', '是', '主体施工', '用地指标未落实'],
      [2, null, '光威复材碳纤维项目 ', '300.5', '已复工', null, '否', '设备安装', '无'],
    ];
    const preview = previewProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8月调度.xlsx' }], { year: 2024, month: 8 })[0]!;
    expect(preview.counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 0 });
    expect(preview.issues.map(describeIssue)).toEqual(['8月调度: 2024年清单中有1个项目不在本表中（本月未报送）']);
    commitProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8月调度.xlsx' }], { year: 2024, month: 8 });
    expect(readReport(db(), ids['A1']!, 2024, 8)).toMatchObject({ completed_to_date: 8_946_000, started: 1, resumed: 0, start_date: '2024-03-21', in_statistics: 1, visual_progress: '主体施工' });
    expect(readReport(db(), ids['A2']!, 2024, 8)).toMatchObject({ completed_to_date: 3_005_000, started: 0, resumed: 1, in_statistics: 0 });
    const problems = () => db().prepare('SELECT project_id, description, status FROM problems').all();
    expect(problems()).toEqual([{ project_id: ids['A1'], description: '用地指标未落实', status: 'open' }]);

    // The same sheet again: nothing new, and the problem is not recorded twice.
    const again = previewProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8月调度.xlsx' }], { year: 2024, month: 8 })[0]!;
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });
    commitProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8月调度.xlsx' }], { year: 2024, month: 8 });
    expect(problems()).toHaveLength(1);
  });

  it('refuses unknown projects and unreadable values, naming each cell, and writes nothing', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '1-8月完成投资', '开工情况'],
      ['不存在的项目', 10, '是'],
      ['海峰路西延', '很多', '也许'],
    ];
    const preview = previewProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: 'x.xlsx' }], { year: 2024, month: 8 })[0]!;
    expect(preview.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([
      '8月调度!A2: 2024年清单中没有名为“不存在的项目”的项目',
      '8月调度!B3: 完成投资：“很多”不是有效的金额',
      '8月调度!C3: 开工情况“也许”无法识别，应为是/否、已开工/未开工或已复工',
    ]);
    const wb = await book(rows);
    expect(() => commitProgressImport(lib.ctx, [{ workbook: wb, fileName: 'x.xlsx' }], { year: 2024, month: 8 })).toThrow(/有3处错误/);
    expect(db().prepare('SELECT count(*) AS n FROM progress_reports').get()).toEqual({ n: 0 });
  });

  it('refuses a header naming another month until confirmed, warns when a cumulative figure falls, and undoes as one step', async () => {
    commitProgressImport(lib.ctx, [{ workbook: await book([['项目名称', '1-7月完成投资'], ['海峰路西延', 200]]), fileName: '7.xlsx' }], { year: 2024, month: 7 });
    const rows: CellInput[][] = [
      ['项目名称', '1-7月完成投资', '存在问题'],
      ['海峰路西延', 150, '资金不到位'],
    ];
    const refused = previewProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8.xlsx' }], { year: 2024, month: 8 })[0]!;
    expect(refused.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([
      '8月调度!B1: 表头是“1-7月完成投资”（截至7月），而导入的是8月的调度，不会当作1-8月累计完成投资读入。请核对导入的月份；如该列确是1-8月的累计，请确认月份后再导入',
    ]);
    const wb = await book(rows);
    expect(() => commitProgressImport(lib.ctx, [{ workbook: wb, fileName: '8.xlsx' }], { year: 2024, month: 8 })).toThrow(/有1处错误/);
    const preview = previewProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8.xlsx' }], { year: 2024, month: 8, confirmMonth: true })[0]!;
    expect(preview.issues.filter((i) => i.severity === 'warning').map(describeIssue)).toEqual([
      '8月调度!B1: 表头是“1-7月完成投资”（截至7月），而导入的是8月的调度：已按您的确认作为1-8月累计完成投资读入',
      '8月调度!B2: 累计完成投资少于7月的200万元',
      '8月调度: 2024年清单中有2个项目不在本表中（本月未报送）',
    ]);
    commitProgressImport(lib.ctx, [{ workbook: await book(rows), fileName: '8.xlsx' }], { year: 2024, month: 8, confirmMonth: true });
    expect(readReport(db(), ids['A3']!, 2024, 8)?.completed_to_date).toBe(1_500_000);
    expect((await call('history.undo', {})).label).toBe('导入2024年8月调度“8.xlsx”');
    expect(readReport(db(), ids['A3']!, 2024, 8)).toBeUndefined();
    expect(db().prepare('SELECT count(*) AS n FROM problems').get()).toEqual({ n: 0 });
    await call('history.redo', {});
    expect(readReport(db(), ids['A3']!, 2024, 8)?.completed_to_date).toBe(1_500_000);
    expect(db().prepare('SELECT description FROM problems').pluck().all()).toEqual(['资金不到位']);
  });
});

describe('district fill-in templates', () => {
  it('writes a locked template per district that, filled in and returned, imports several at once', async () => {
    const { writeDistrictTemplate } = await import('../../electron/services/export/district-template');
    const ExcelJS = (await import('exceljs')).default;
    const fs = await import('node:fs');
    const path = await import('node:path');
    // Put the three projects in two districts.
    const { addDistrict } = await import('../../electron/db/lists');
    addDistrict(db(), '荣成市');
    addDistrict(db(), '高区');
    for (const [code, district] of [['A1', '荣成市'], ['A2', '高区'], ['A3', '荣成市']] as const) {
      await call('projects.update', { projectId: ids[code]!, year: 2024, field: 'district', value: district, unit: '万元' });
    }
    commitProgressImport(lib.ctx, [{ workbook: await book([['项目名称', '1-7月完成投资'], ['石岛湾核电站扩建一期', 700]]), fileName: '7.xlsx' }], { year: 2024, month: 7 });

    const files: string[] = [];
    for (const district of ['荣成市', '高区']) {
      const file = path.join(lib.dir, `${district}.xlsx`);
      await writeDistrictTemplate(lib.ctx, { year: 2024, month: 8, district }, file);
      files.push(file);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0]!);
    const ws = wb.getWorksheet('填报')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报', '填报说明']);
    expect(ws.getRow(3).values).toContain('1-8月完成投资（万元）');
    expect(ws.getCell('C4').value).toBe('石岛湾核电站扩建一期');
    expect(ws.getCell('G4').value).toBe(700); // last month, shown
    expect(ws.getCell('C4').protection?.locked).not.toBe(false); // identity locked
    expect(ws.getCell('H4').protection?.locked).toBe(false); // input unlocked
    expect(ws.getCell('I4').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // The district fills it in.
    ws.getCell('H4').value = 894.6;
    ws.getCell('I4').value = '是';
    ws.getCell('M4').value = '用地指标未落实';
    ws.getCell('H5').value = 12;
    await wb.xlsx.writeFile(files[0]!);
    const other = new ExcelJS.Workbook();
    await other.xlsx.readFile(files[1]!);
    other.getWorksheet('填报')!.getCell('H4').value = 300.5;
    await other.xlsx.writeFile(files[1]!);

    const sources = files.map((f) => ({ fileName: path.basename(f), workbook: readWorkbook(fs.readFileSync(f), path.basename(f)) }));
    const previews = previewProgressImport(lib.ctx, sources, { year: 2024, month: 8 });
    expect(previews.flatMap((p) => p.issues.filter((i) => i.severity === 'error'))).toEqual([]);
    const result = commitProgressImport(lib.ctx, sources, { year: 2024, month: 8 });
    expect(result).toMatchObject({ added: 3 });
    expect(readReport(db(), ids['A1']!, 2024, 8)).toMatchObject({ completed_to_date: 8_946_000, started: 1 });
    expect(readReport(db(), ids['A3']!, 2024, 8)?.completed_to_date).toBe(120_000);
    expect(readReport(db(), ids['A2']!, 2024, 8)?.completed_to_date).toBe(3_005_000);
    expect((await call('history.state', {})).undoLabel).toBe('导入2024年8月调度2个文件');

    // The same template twice in one import is refused.
    expect(() => commitProgressImport(lib.ctx, [sources[0]!, sources[0]!], { year: 2024, month: 8 })).toThrow(/已在“荣成市\.xlsx”第4行中填报/);
  });
});
