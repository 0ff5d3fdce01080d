/**
 * The ledger and dispatch imports remember the column mapping a user chose, as project lists do,
 * in the same store (remembered-mappings.ts): by the sheet's header signature, so next quarter's
 * (next month's) sheet laid out the same way is read with it; a sheet with another header is not.
 * Through the contract.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReport } from '../../electron/db/progress';
import type { LedgerImportPreview } from '../../shared/ledgers';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call } = contractCaller(() => lib.ctx);
beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

async function preview(rows: CellInput[][], plan: string, sheets?: Record<string, { mapping: Record<string, 'progress' | null> }>): Promise<LedgerImportPreview> {
  const data = (await buildWorkbook([{ name: '重点任务', rows }])).toString('base64');
  return call('ledgers.import.preview', { source: { fileName: '台账.xlsx', data }, plan, ...(sheets ? { sheets } : {}) });
}

const header: CellInput[] = ['序号', '重点任务', '牵头部门', '本季度情况'];
const targets = (p: LedgerImportPreview) => p.sheets[0]!.columns.map((c) => [c.letter, c.target]);

describe('台账 column mapping', () => {
  it('is remembered by the header signature and applied to the next sheet laid out the same way', async () => {
    const first = await preview([header, [1, '建设海洋牧场', '市海洋局', '完成选址']], '第一季度');
    expect(targets(first)).toEqual([['A', 'code'], ['B', 'content'], ['C', 'department'], ['D', null]]);
    const sheets = { 重点任务: { mapping: { '3': 'progress' as const } } };
    const mapped = await call('ledgers.import.preview', { source: { token: first.token }, plan: '第一季度', sheets });
    expect(targets(mapped)[3]).toEqual(['D', 'progress']);
    const { planId } = await call('ledgers.import.commit', { token: mapped.token, plan: '第一季度', sheets });
    expect((await call('ledgers.items', { planId })).map((i) => [i.content, i.progress])).toEqual([['建设海洋牧场', '完成选址']]);

    // Next quarter, the same header: the mapping is applied without being given again.
    const next = await preview([header, [1, '建设海洋牧场', '市海洋局', '完成立项']], '第二季度');
    expect(targets(next)[3]).toEqual(['D', 'progress']);
    const second = await call('ledgers.import.commit', { token: next.token, plan: '第二季度' });
    expect((await call('ledgers.items', { planId: second.planId })).map((i) => [i.content, i.progress])).toEqual([['建设海洋牧场', '完成立项']]);

    // Another header is another layout: nothing remembered applies.
    const other = await preview([['序号', '重点任务', '牵头部门', '本季度进展说明', '备注'], [1, '建设海洋牧场', '市海洋局', '完成立项', null]], '第三季度');
    expect(targets(other)[4]).toEqual(['E', null]);
    // A mapping given now wins over the remembered one.
    const overridden = await preview([header, [1, '建设海洋牧场', '市海洋局', '完成立项']], '第二季度', { 重点任务: { mapping: { '3': null } } });
    expect(targets(overridden)[3]).toEqual(['D', null]);
  });
});

describe('月调度 column mapping', () => {
  it('is remembered the same way: next month’s sheet with the same header is read with it', async () => {
    const list = (await buildWorkbook([{ name: '清单', rows: [['项目名称', '总投资', '年度计划投资'], ['海洋牧场', 3000, 1200]] }])).toString('base64');
    const p = await call('import.projects.preview', { source: { fileName: '清单.xlsx', data: list }, year: 2025 });
    await call('import.projects.commit', { token: p.token, year: 2025, validOnly: false });
    const [project] = (await call('projects.list', { year: 2025 })).rows;
    const sheet = async (month: number, done: number) => {
      const data = (await buildWorkbook([{ name: '调度', rows: [['项目名称', '自开工累计完成投资'], ['海洋牧场', done]] }])).toString('base64');
      return call('import.progress.preview', { files: [{ fileName: `${month}月.xlsx`, data }], year: 2025, month });
    };
    const july = await sheet(7, 700);
    expect(july.previews[0]!.completedFrom).toBeNull();
    const mapping = { 自开工累计完成投资: 'completedToDate' as const };
    const mapped = await call('import.progress.preview', { token: july.token, year: 2025, month: 7, mapping });
    expect(mapped.previews[0]!.completedFrom?.letters).toEqual(['B']);
    await call('import.progress.commit', { token: mapped.token, year: 2025, month: 7, mapping });
    const august = await sheet(8, 800);
    expect(august.previews[0]!.completedFrom?.letters).toEqual(['B']);
    await call('import.progress.commit', { token: august.token, year: 2025, month: 8, mapping });
    expect(readReport(lib.ctx.library!.db, project![0] as number, 2025, 8)?.completed_to_date).toBe(8_000_000);
  });
});
