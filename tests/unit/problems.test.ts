/** 问题清单: problems from a dispatch sheet counted exactly; closing one updates the counts and the drafts; undo. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDraft } from '../../electron/services/drafts/index';
import { commitProgressImport } from '../../electron/services/import/progress';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, refused: failure, list } = contractCaller(() => lib.ctx);
const runUndo = () => call('history.undo', {});
const book = async (name: string, rows: CellInput[][]) => readWorkbook(await buildWorkbook([{ name, rows }]), `${name}.xlsx`);
const textOf = (draft: { blocks: { kind: string }[] }) => draft.blocks.map((b) => ('runs' in b ? (b.runs as { text: string }[]).map((r) => r.text).join('') : '')).join('\n');

beforeEach(async () => {
  // Each sheet is imported in its own month; "today" is then 2024-09-20, and a problem raised
  // in July and still open is overdue (more than 30 days).
  let now = new Date(2024, 6, 25, 10);
  lib = createTempLibrary({ now: () => now });
  const list = await book('清单', [
    ['项目编号', '项目名称', '所在区市', '建设性质', '年度计划投资'],
    ['A1', '石岛湾核电站扩建一期', '荣成市', '新建', 1000],
    ['A2', '光威复材碳纤维项目', '环翠区', '续建', 500],
    ['A3', '海峰路西延', '环翠区', '新建', 300],
  ]);
  commitProjectImport(lib.ctx, list, 'list.xlsx', { year: 2024, allowMissing: ['totalInvestment'] });
  const july = await book('7月调度', [
    ['项目名称', '1-7月完成投资', '存在问题'],
    ['石岛湾核电站扩建一期', 500, '用地指标未落实'],
    ['光威复材碳纤维项目', 200, '配套资金不到位'],
    ['海峰路西延', 100, '无'],
  ]);
  commitProgressImport(lib.ctx, [{ workbook: july, fileName: '7月调度.xlsx' }], { year: 2024, month: 7 });
  now = new Date(2024, 7, 25, 10);
  const august = await book('8月调度', [
    ['项目名称', '1-8月完成投资', '存在问题'],
    ['石岛湾核电站扩建一期', 600, '用地指标未落实'],
    ['光威复材碳纤维项目', 260, '环评批复未取得'],
    ['海峰路西延', 150, ''],
  ]);
  commitProgressImport(lib.ctx, [{ workbook: august, fileName: '8月调度.xlsx' }], { year: 2024, month: 8 });
  now = new Date(2024, 8, 20, 10);
});
afterEach(() => lib.close());

describe('问题清单', () => {
  it('counts the problems imported from dispatch sheets exactly, once per text', async () => {
    const rows = await call('problems.list', { year: 2024 });
    expect(rows.map((r) => [r.projectName, r.description, r.status])).toEqual([
      ['石岛湾核电站扩建一期', '用地指标未落实', 'open'],
      ['光威复材碳纤维项目', '配套资金不到位', 'open'],
      ['光威复材碳纤维项目', '环评批复未取得', 'open'],
    ]);
    const summary = await call('problems.summary', { year: 2024 });
    expect(summary).toMatchObject({ total: 3, open: 3, solved: 0, projects: 2 });
    expect(summary.byDistrict.find((d) => d.key === '环翠区')).toMatchObject({ total: 2, projects: 1 });
    // Raised on 2024-07-25 and still open on 2024-09-20: 57 days, overdue; the August one is not.
    expect(rows.map((r) => [r.raisedDate, r.daysOpen, r.overdue])).toEqual([
      ['2024-07-25', 57, true],
      ['2024-07-25', 57, true],
      ['2024-08-25', 26, false],
    ]);
    expect(summary.overdue).toBe(2);
  });

  it('closing one updates the counts and the drafts, and undo takes it back', async () => {
    const [first] = await call('problems.list', { year: 2024 });
    const solved = await call('problems.update', { id: first!.id, year: 2024, field: 'status', value: '已解决' });
    expect(solved).toMatchObject({ status: 'solved', solvedDate: '2024-09-20', overdue: false });
    await call('problems.update', { id: first!.id, year: 2024, field: 'resolution', value: '已调剂用地指标' });
    expect(await call('problems.summary', { year: 2024 })).toMatchObject({ total: 3, open: 2, solved: 1 });
    // The reply counts problems as of the end of its month: solved in September, so still open in August…
    // Nothing solved yet: that clause is left out, never "已解决0个".
    expect(textOf(buildDraft(lib.ctx, { kind: 'proposal-reply', year: 2024, month: 8 }))).toContain('截至8月底，2个项目需解决问题3个。');
    // …and solved by the end of September.
    expect(textOf(buildDraft(lib.ctx, { kind: 'proposal-reply', year: 2024, month: 9 }))).toContain('截至9月底，2个项目需解决问题3个，已解决1个。');
    await runUndo();
    await runUndo();
    expect(await call('problems.summary', { year: 2024 })).toMatchObject({ open: 3, solved: 0 });
  });

  it('records a problem by hand, refuses bad values with a message, and deletes (undoably)', async () => {
    const a3 = (await list(2024)).find((r) => r.name === '海峰路西延')!.projectId;
    const added = await call('problems.add', { projectId: a3, year: 2024, type: '拆迁', description: '沿线两户未签约', ownerDepartment: '环翠区政府', raisedDate: '2024年9月1日' });
    expect(added).toMatchObject({ type: 'demolition', ownerDepartment: '环翠区政府', raisedDate: '2024-09-01', status: 'open', daysOpen: 19, overdue: false });
    expect(await failure('problems.add', { projectId: a3, year: 2024, type: '天气', description: 'x' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('问题类型“天气”无效') });
    expect(await failure('problems.update', { id: added.id, year: 2024, field: 'solvedDate', value: '2024年8月1日' })).toMatchObject({ message: expect.stringContaining('解决日期不能早于提出日期') });
    expect(await failure('problems.update', { id: added.id, year: 2024, field: 'description', value: '  ' })).toMatchObject({ message: '问题描述不能为空' });
    expect(await call('problems.remove', { id: added.id })).toEqual({ removed: 1 });
    expect((await call('problems.list', { year: 2024 })).some((r) => r.id === added.id)).toBe(false);
    await runUndo();
    expect((await call('problems.list', { year: 2024 })).find((r) => r.id === added.id)).toMatchObject({ description: '沿线两户未签约' });
  });
});
