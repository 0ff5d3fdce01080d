import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
const { call, list } = contractCaller(() => lib.ctx);

beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

describe('editable lists', () => {
  it('adds, renames and removes districts; renaming shows on every project', async () => {
    let lists = await call('lists.add', { kind: 'districts', name: ' 荣成市 ' });
    const id = lists.districts[0]!.id;
    expect(lists.districts.map((d) => d.name)).toEqual(['荣成市']);
    const { projectId } = await call('projects.add', { year: 2024, name: '石岛湾核电站扩建一期' });
    await call('projects.update', { projectId, year: 2024, field: 'district', value: '荣成市', unit: '万元' });
    lists = await call('lists.rename', { kind: 'districts', id, name: '荣成' });
    expect(lists.districts.map((d) => d.name)).toEqual(['荣成']);
    expect((await list(2024))[0]!.district).toBe('荣成');
    await expect(call('lists.remove', { kind: 'districts', id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/仍被1个项目使用/) });
    await call('projects.update', { projectId, year: 2024, field: 'district', value: '', unit: '万元' });
    lists = await call('lists.remove', { kind: 'districts', id });
    expect(lists.districts).toEqual([]);
  });

  it('refuses duplicates and empty names', async () => {
    await call('lists.add', { kind: 'tags', name: '核能' });
    await expect(call('lists.add', { kind: 'tags', name: '核能' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('lists.add', { kind: 'districts', name: '   ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call('lists.add', { kind: 'tags', name: '核能、风电' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('changes a category lead department, which new category choices then use', async () => {
    const lists = await call('lists.get', {});
    const industry = lists.categories.find((c) => c.name === '工业')!;
    await call('lists.setLeadDepartment', { id: industry.id, leadDepartment: '工信局' });
    const { projectId } = await call('projects.add', { year: 2024, name: 'x' });
    const row = await call('projects.update', { projectId, year: 2024, field: 'category', value: '工业', unit: '万元' });
    expect(row.leadDepartment).toBe('工信局');
  });
});
