import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/handlers';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { addDistrict } from '../../electron/db/lists';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
const { call, refused, list } = contractCaller(() => lib.ctx);

beforeEach(() => {
  lib = createTempLibrary();
  addDistrict(lib.ctx.library!.db, '荣成市');
  addDistrict(lib.ctx.library!.db, '高区');
});
afterEach(() => lib.close());

describe('project library', () => {
  it('adds a project and edits its fields, storing money exactly', async () => {
    const row = await call('projects.add', { year: 2024, name: '高区西海岸海堤修复' });
    expect(row.nameInitials).toBe('gqxhahdxf');
    const id = row.projectId;
    await call('projects.update', { projectId: id, year: 2024, field: 'totalInvestment', value: '1,234.5', unit: '万元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'annualPlan', value: '0.15', unit: '亿元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'level', value: '省级', unit: '万元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'category', value: '城建', unit: '万元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'district', value: '高区', unit: '万元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'tags', value: '民生、涉海', unit: '万元' });
    await call('projects.update', { projectId: id, year: 2024, field: 'startDate', value: '2024年3月21日', unit: '万元' });
    const saved = (await list(2024))[0]!;
    expect(saved).toMatchObject({
      totalInvestment: 12_345_000,
      annualPlan: 15_000_000,
      level: 'province',
      category: '城建',
      leadDepartment: '住房城乡建设局',
      district: '高区',
      tags: ['涉海', '民生'],
      startDate: '2024-03-21',
    });
  });

  it('refuses a new project whose name import would take for an existing one, naming that row', async () => {
    await call('projects.add', { year: 2024, name: '甲项目' });
    const b = await call('projects.add', { year: 2024, name: '高区西海岸海堤修复' });
    await call('projects.update', { projectId: b.projectId, year: 2024, field: 'district', value: '高区', unit: '万元' });
    // Width and spaces do not make another name: the importer would match this row to line 2.
    const refusal = await refused('projects.add', { year: 2024, name: ' 高区西海岸　海堤修复 ' });
    expect(refusal).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^2024年清单第2行已有“高区西海岸海堤修复”（高区），不能重复新增/), where: { projectId: b.projectId, field: 'name' } });
    // On another year's list only: refused too, pointing at 复制到下一年.
    expect((await refused('projects.add', { year: 2025, name: '甲项目' })).message).toMatch(/项目库中已有“甲项目”（2024年清单）.*复制到2025年/);
    expect(await list(2024)).toHaveLength(2);
    expect(await list(2025)).toHaveLength(0);
  });

  it('refuses an invalid value with a Chinese message and saves nothing', async () => {
    const { projectId } = await call('projects.add', { year: 2024, name: '测试项目' });
    const cases: [string, string, RegExp][] = [
      ['totalInvestment', 'abc', /不是有效的金额/],
      ['level', '国家级', /省重点、市重点、县重点/],
      ['district', '火星区', /不在区市列表中/],
      ['plannedStartMonth', '13', /月份/],
      ['startDate', '2024年2月30日', /不是有效的日期/],
      ['name', '   ', /不能为空/],
    ];
    for (const [field, value, message] of cases) {
      const error = await refused('projects.update', { projectId, year: 2024, field, value, unit: '万元' });
      expect(error.code, field).toBe('VALIDATION');
      expect(error.message, field).toMatch(message);
    }
    const row = (await list(2024))[0]!;
    expect(row).toMatchObject({ name: '测试项目', totalInvestment: null, level: null, district: null, startDate: null });
    expect((await call('history.state', {})).undoLabel).toMatch(/新增项目/);
  });

  it('refuses start after end, and a duplicate code', async () => {
    const a = await call('projects.add', { year: 2024, name: 'A' });
    const b = await call('projects.add', { year: 2024, name: 'B' });
    await call('projects.update', { projectId: a.projectId, year: 2024, field: 'endYear', value: '2025', unit: '万元' });
    expect((await refused('projects.update', { projectId: a.projectId, year: 2024, field: 'startYear', value: '2026', unit: '万元' })).message).toMatch(
      /不能晚于/,
    );
    await call('projects.update', { projectId: a.projectId, year: 2024, field: 'code', value: 'XM-001', unit: '万元' });
    expect((await refused('projects.update', { projectId: b.projectId, year: 2024, field: 'code', value: 'XM-001', unit: '万元' })).code).toBe('CONFLICT');
  });

  it('rejects a malformed call before any side effect', async () => {
    const error = await refused('projects.update', { projectId: -1, year: 2024, field: 'name', value: 'x', unit: '万元' });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/projectId/);
    const unknown = await dispatch(lib.ctx, 'projects.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(unknown)).not.toMatch(/at .*\.ts/);
  });

  it('undoes and redoes edits, also after the library is closed and reopened', async () => {
    const { projectId } = await call('projects.add', { year: 2024, name: '原名' });
    await call('projects.update', { projectId, year: 2024, field: 'name', value: '新名', unit: '万元' });
    await call('projects.update', { projectId, year: 2024, field: 'annualPlan', value: '100', unit: '万元' });

    closeLibrary(lib.ctx);
    await openLibrary(lib.ctx, lib.file);

    expect((await call('history.undo', {})).label).toMatch(/年度计划投资/);
    expect((await list(2024))[0]!.annualPlan).toBeNull();
    await call('history.undo', {});
    expect((await list(2024))[0]).toMatchObject({ name: '原名', nameInitials: 'ym' });
    await call('history.redo', {});
    expect((await list(2024))[0]!.name).toBe('新名');

    // A new edit after an undo discards what could have been redone.
    await call('history.undo', {});
    await call('projects.update', { projectId, year: 2024, field: 'phone', value: '5208106', unit: '万元' });
    expect((await call('history.state', {})).redoLabel).toBeNull();
    const detail = await call('projects.get', { projectId, year: 2024 });
    expect(detail.history.map((h) => `${h.state}:${h.field ?? h.op}:${h.oldText}→${h.newText}`)).toEqual([
      'done:phone:→5208106',
      'discarded:annualPlan:→100万元',
      'discarded:name:原名→新名',
      'done:insert:→加入2024年清单',
    ]);
  });

  it('deletes projects with undo that restores every field', async () => {
    const { projectId } = await call('projects.add', { year: 2024, name: '被删项目' });
    await call('projects.update', { projectId, year: 2024, field: 'tags', value: '民生', unit: '万元' });
    await call('projects.update', { projectId, year: 2024, field: 'annualPlan', value: '88', unit: '万元' });
    const before = (await list(2024))[0];
    expect(await call('projects.remove', { year: 2024, projectIds: [projectId] })).toEqual({ removed: 1 });
    expect(await list(2024)).toEqual([]);
    await call('history.undo', {});
    expect((await list(2024))[0]).toEqual(before);
    await call('history.redo', {});
    expect(await list(2024)).toEqual([]);
  });

  it('copies continuing projects to next year as 续建, skipping finished and present ones', async () => {
    const a = await call('projects.add', { year: 2024, name: '续建项目' });
    const b = await call('projects.add', { year: 2024, name: '已完工项目' });
    await call('projects.update', { projectId: a.projectId, year: 2024, field: 'endYear', value: '2026', unit: '万元' });
    await call('projects.update', { projectId: a.projectId, year: 2024, field: 'category', value: '工业', unit: '万元' });
    await call('projects.update', { projectId: a.projectId, year: 2024, field: 'annualPlan', value: '500', unit: '万元' });
    await call('projects.update', { projectId: b.projectId, year: 2024, field: 'endYear', value: '2024', unit: '万元' });
    const result = await call('projects.copyToNextYear', { year: 2024, projectIds: [a.projectId, b.projectId] });
    expect(result).toEqual({ copied: 1, skippedFinished: 1, skippedPresent: 0 });
    const next = await list(2025);
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ name: '续建项目', nature: 'continued', category: '工业', annualPlan: null });
    expect((await call('projects.copyToNextYear', { year: 2024, projectIds: [a.projectId] })).skippedPresent).toBe(1);
    await call('history.undo', {});
    expect(await list(2025)).toEqual([]);
    expect(await list(2024)).toHaveLength(2);
  });

  it('pastes a block as one undoable change, or nothing when any cell is refused', async () => {
    const ids: number[] = [];
    for (const name of ['甲', '乙', '丙']) ids.push((await call('projects.add', { year: 2024, name })).projectId);
    const fields = ['totalInvestment', 'annualPlan', 'district'];
    const bad = await call('projects.paste', {
      year: 2024,
      projectIds: ids,
      fields,
      cells: [
        ['1,000', '200', '荣成市'],
        ['2000', '不知道', '高区'],
      ],
      unit: '万元',
    });
    expect(bad.written).toBe(0);
    expect(bad.errors).toEqual([{ row: 2, column: 2, field: 'annualPlan', message: expect.stringMatching(/不是有效的金额/) }]);
    expect((await list(2024)).map((r) => r.totalInvestment)).toEqual([null, null, null]);

    const good = await call('projects.paste', {
      year: 2024,
      projectIds: ids,
      fields,
      cells: [
        ['1,000', '200', '荣成市'],
        ['２０００', '300.5', '高区'],
      ],
      unit: '万元',
    });
    expect(good).toEqual({ written: 6, errors: [] });
    expect((await list(2024)).map((r) => [r.totalInvestment, r.annualPlan, r.district])).toEqual([
      [10_000_000, 2_000_000, '荣成市'],
      [20_000_000, 3_005_000, '高区'],
      [null, null, null],
    ]);
    expect((await call('history.undo', {})).label).toBe('粘贴6个单元格');
    expect((await list(2024)).map((r) => r.totalInvestment)).toEqual([null, null, null]);
  });

  it('refuses writes to a read-only library', async () => {
    lib.ctx.library!.readOnly = true;
    lib.ctx.library!.readOnlyReason = '只读测试';
    expect(await refused('projects.add', { year: 2024, name: 'x' })).toEqual({ code: 'READ_ONLY', message: '只读测试' });
  });
});
