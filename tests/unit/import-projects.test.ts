import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../electron/db/lists';
import { commitProjectImport, previewProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { describeIssue } from '../../shared/import';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, list } = contractCaller(() => lib.ctx);

beforeEach(() => {
  lib = createTempLibrary();
  for (const d of ['荣成市', '文登区', '高区']) addDistrict(lib.ctx.library!.db, d);
});
afterEach(() => lib.close());

/** A list as a district office sends it: title, unit line, header with units, section rows, totals. */
function messyList(): CellInput[][] {
  return [
    ['2025年××市重点建设项目计划表', null, null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, '单位：万元', null],
    [],
    ['序号', '项目编号', '项目名称', '建设单位', '建设性质', '项目级别', '所在区市', '建设起止年限', '总投资（亿元）', '2025年计划投资', '计划开工时间'],
    ['一、工业项目（2个）'],
    [1, 'XM-001', ' 石岛湾核电站扩建一期 ', '华能山东石岛湾核电有限公司', '新建', '省级', '荣成市', '2025—2029', 160.5, '120,000', '2025年3月'],
    ['2', 'XM-002', '光威复材碳纤维项目', '威海光威复合材料股份有限公司', '续建', '市重点', '高区', '2024年-2026年', '１２.３４', 55000.5, new Date(Date.UTC(2025, 3, 1))],
    ['小计', null, null, null, null, null, null, null, 172.84, 175000.5, null],
    ['二、城建项目（1个）'],
    [3, null, '海峰路西延', '环翠区住建局', '新建', '县级', '文登区', '2025-2025', '—', '3,000', '2025.6'],
    ['合计', null, null, null, null, null, null, null, 999, 178000.5, null],
  ];
}

async function importBuffer(rows: CellInput[][], merges: string[] = []) {
  return readWorkbook(await buildWorkbook([{ name: '清单', rows, merges }]), '2025年清单.xlsx');
}
const MESSY_MERGES = ['A1:J1', 'A5:K5', 'A9:K9'];

describe('project list import', () => {
  it('finds the header under title and unit rows, reads sections, units and messy values, and previews', async () => {
    const wb = await importBuffer(messyList(), MESSY_MERGES);
    const preview = previewProjectImport(lib.ctx, wb, '2025年清单.xlsx', { year: 2025 });
    expect(preview.headerRow).toBe(4);
    expect(preview.columns.find((c) => c.header.startsWith('总投资'))).toMatchObject({ target: 'totalInvestment', unit: '亿元', letter: 'I' });
    expect(preview.columns.find((c) => c.header === '2025年计划投资')).toMatchObject({ target: 'annualPlan', unit: '万元' });
    expect(preview.counts).toEqual({ new: 3, update: 0, unchanged: 0, error: 0 });
    // The 合计 row is wrong about 总投资 (999亿元 written in a 亿元 column): a warning naming the cell.
    expect(preview.issues.map(describeIssue)).toEqual([expect.stringMatching(/^清单!I11: “合计”行的总投资为9,990,000万元，与各项目之和1,728,400万元不符$/)]);
    const result = commitProjectImport(lib.ctx, wb, '2025年清单.xlsx', { year: 2025 });
    expect(result).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: 0, warnings: 1 });
    const rows = await list(2025);
    expect(rows.map((r) => [r.code, r.name, r.category, r.leadDepartment, r.level, r.nature, r.district, r.startYear, r.endYear, r.totalInvestment, r.annualPlan, r.plannedStartMonth])).toEqual([
      ['XM-001', '石岛湾核电站扩建一期', '工业', '工业和信息化局', 'province', 'new', '荣成市', 2025, 2029, 16_050_000_000, 1_200_000_000, 3],
      ['XM-002', '光威复材碳纤维项目', '工业', '工业和信息化局', 'city', 'continued', '高区', 2024, 2026, 1_234_000_000, 550_005_000, 4],
      [null, '海峰路西延', '城建', '住房城乡建设局', 'county', 'new', '文登区', 2025, 2025, null, 30_000_000, 6],
    ]);
  });

  it('matches existing projects by code, then by name ignoring width and spaces, and previews updates', async () => {
    await call('projects.add', { year: 2025, name: '光威复材碳纤维项目' });
    const wb = await importBuffer(messyList(), MESSY_MERGES);
    commitProjectImport(lib.ctx, wb, 'a.xlsx', { year: 2025 });
    expect((await list(2025)).length).toBe(3);
    const changed = messyList();
    changed[5]![2] = '石岛湾核电站扩建一期（更名）'; // matched by code XM-001
    changed[5]![9] = 130000;
    changed[9]![2] = '海峰路 西延'; // matched by name despite the space
    const preview = previewProjectImport(lib.ctx, await importBuffer(changed, MESSY_MERGES), 'b.xlsx', { year: 2025 });
    expect(preview.counts).toEqual({ new: 0, update: 1, unchanged: 2, error: 0 });
    expect(preview.rows.find((r) => r.status === 'update')!.changes.map((c) => `${c.label}:${c.oldText}→${c.newText}`)).toEqual([
      '项目名称:石岛湾核电站扩建一期→石岛湾核电站扩建一期（更名）',
      '年度计划投资:120,000→130,000',
    ]);
  });

  it('refuses a file with errors as a whole, naming sheet, cell and reason, and writes nothing', async () => {
    const bad = messyList();
    bad[5]![8] = '-5';
    bad[6]![7] = '明年开工';
    bad[9]![5] = '国家级';
    bad[9]![10] = { error: '#N/A' } as CellInput;
    const wb = await importBuffer(bad, MESSY_MERGES);
    const preview = previewProjectImport(lib.ctx, wb, 'bad.xlsx', { year: 2025 });
    expect(preview.counts).toMatchObject({ error: 3, new: 0 });
    expect(preview.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([
      '清单!I6: 总投资：金额不能为负数',
      '清单!H7: 建设起止年限“明年开工”无法识别，应如“2024-2026”',
      '清单!F10: 项目级别应为省重点、市重点、县重点之一，不能是“国家级”',
      '清单!K10: 单元格是错误值 #N/A',
    ]);
    expect(() => commitProjectImport(lib.ctx, wb, 'bad.xlsx', { year: 2025 })).toThrow(/有4处错误，未导入任何内容/);
    expect(await list(2025)).toEqual([]);
  });

  it('imports only the valid rows when asked, as one undoable change', async () => {
    const bad = messyList();
    bad[6]![8] = 'abc';
    const wb = await importBuffer(bad, MESSY_MERGES);
    expect(commitProjectImport(lib.ctx, wb, 'x.xlsx', { year: 2025, validOnly: true })).toMatchObject({ added: 2, skipped: 1 });
    expect((await list(2025)).map((r) => r.name)).toEqual(['石岛湾核电站扩建一期', '海峰路西延']);
    expect((await call('history.undo', {})).label).toBe('导入“x.xlsx”：新增2个，更新0个');
    expect(await list(2025)).toEqual([]);
    await call('history.redo', {});
    expect((await list(2025)).map((r) => r.name)).toEqual(['石岛湾核电站扩建一期', '海峰路西延']);
  });

  it('flags the same project twice in one file, and a list without a category column', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '总投资'],
      ['海堤修复', 100],
      ['海堤修复 ', 200],
    ];
    const preview = previewProjectImport(lib.ctx, await importBuffer(rows), 'd.xlsx', { year: 2025 });
    expect(preview.issues.map(describeIssue)).toEqual(['清单!第3行: 与第2行是同一个项目（名称“海堤修复”）']);
  });

  it('adds districts the library does not know, with a warning in the preview', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '县区'],
      ['乳山口大桥', '乳山市'],
    ];
    const wb = await importBuffer(rows);
    expect(previewProjectImport(lib.ctx, wb, 'e.xlsx', { year: 2025 }).issues.map(describeIssue)).toEqual(['清单: 将新增区市“乳山市”（区市列表中尚无）']);
    commitProjectImport(lib.ctx, wb, 'e.xlsx', { year: 2025, allowMissing: ['totalInvestment', 'annualPlan'] });
    expect((await list(2025))[0]!.district).toBe('乳山市');
  });

  it('undo of an import removes the districts, leaders and tags it added once nothing uses them; redo brings them back', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '县区', '包联领导', '标签'],
      ['乳山口大桥', '乳山市', '张新领导', '新标签甲'],
      ['荣成海堤', '荣成市', '', ''],
    ];
    const wb = await importBuffer(rows);
    const names = async () => {
      const l = await call('lists.get', {});
      return { districts: l.districts.map((d) => d.name), leaders: l.contactLeaders.map((c) => c.name), tags: l.tags.map((t) => t.name) };
    };
    const before = await names();
    commitProjectImport(lib.ctx, wb, 'e.xlsx', { year: 2025, allowMissing: ['totalInvestment', 'annualPlan'] });
    expect(await names()).toEqual({ districts: [...before.districts, '乳山市'], leaders: [...before.leaders, '张新领导'], tags: [...before.tags, '新标签甲'] });
    await call('history.undo', {});
    expect(await list(2025)).toEqual([]);
    expect(await names()).toEqual(before);
    await call('history.redo', {});
    expect((await list(2025)).map((r) => [r.name, r.district, r.contactLeader, r.tags])).toEqual([
      ['乳山口大桥', '乳山市', '张新领导', ['新标签甲']],
      ['荣成海堤', '荣成市', null, []],
    ]);
    // Renamed in 设置 since, the district is the office's own now: undo leaves it.
    const rushan = (await call('lists.get', {})).districts.find((d) => d.name === '乳山市')!;
    await call('lists.rename', { kind: 'districts', id: rushan.id, name: '乳山' });
    await call('history.undo', {});
    expect((await names()).districts).toEqual([...before.districts, '乳山']);
  });

  it('refuses to redo an import when a district added in 设置 meanwhile took its district\'s place, saying which', async () => {
    const wb = await importBuffer([
      ['项目名称', '县区'],
      ['乳山口大桥', '乳山市'],
    ]);
    commitProjectImport(lib.ctx, wb, 'e.xlsx', { year: 2025, allowMissing: ['totalInvestment', 'annualPlan'] });
    await call('history.undo', {});
    // SQLite gives the freed id to the next district: the redone project would otherwise land in it.
    await call('lists.add', { kind: 'districts', name: '临港区' });
    await expect(call('history.redo', {})).rejects.toThrow('无法重做：撤销后区市列表已有“临港区”，与要恢复的区市“乳山市”冲突');
    expect(await list(2025)).toEqual([]);
  });

  it('refuses a workbook without a recognisable header, and names the file', async () => {
    const wb = await importBuffer([['随便'], ['什么', '都行']]);
    expect(() => previewProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025 })).toThrow(/“f\.xlsx”中找不到项目清单/);
    // Files are read by their content, whatever their name: binary bytes that are no known format are refused.
    expect(() => readWorkbook(Buffer.from('not a zip\0\x01\x02'), 'g.xlsx')).toThrow(/“g\.xlsx”无法导入：不是文本文件/);
  });
});

describe('import through the contract', () => {
  it('remembers the column mapping a user chose for files laid out the same way', async () => {
    const { buildWorkbook: build } = await import('../helpers/workbooks');
    const bytes = (await build([{ name: '清单', rows: [['项目名称', '投资额度'], ['甲', 100]] }])).toString('base64');
    const first = await call('import.projects.preview', { source: { fileName: 'a.xlsx', data: bytes }, year: 2025 });
    expect(first.columns.map((c) => c.target)).toEqual(['name', null]);
    const mapped = await call('import.projects.preview', { source: { token: first.token }, year: 2025, mapping: { '1': 'totalInvestment' } });
    expect(mapped.columns.map((c) => c.target)).toEqual(['name', 'totalInvestment']);
    await call('import.projects.commit', { token: mapped.token, year: 2025, mapping: { '1': 'totalInvestment' }, validOnly: false, allowMissing: ['annualPlan'] });
    expect((await list(2025))[0]!.totalInvestment).toBe(1_000_000);
    // Next month the same layout arrives: the mapping is already there.
    const again = await call('import.projects.preview', { source: { fileName: 'b.xlsx', data: bytes }, year: 2026 });
    expect(again.columns.map((c) => c.target)).toEqual(['name', 'totalInvestment']);
  });

  it('refuses an expired token and a mapping to an unknown field', async () => {
    await expect(call('import.projects.commit', { token: '00000000-0000-4000-8000-000000000000', year: 2025, validOnly: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      call('import.projects.preview', { source: { token: '00000000-0000-4000-8000-000000000000' }, year: 2025, mapping: { '1': 'password' as never } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('drops a preview when another library is opened: its token cannot write to the other one', async () => {
    const { buildWorkbook: build } = await import('../helpers/workbooks');
    const { createLibrary } = await import('../../electron/services/library');
    const bytes = (await build([{ name: '清单', rows: [['项目名称', '总投资', '年度计划投资'], ['甲', 100, 50]] }])).toString('base64');
    const preview = await call('import.projects.preview', { source: { fileName: 'a.xlsx', data: bytes }, year: 2025 });
    createLibrary(lib.ctx, `${lib.dir}/另一个.kpw`);
    await expect(call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/请重新选择文件/) });
    expect(await list(2025)).toEqual([]);
  });
});
