/**
 * 台账: a workbook of five ledgers (168 + 28 + 55 + 11 + 25 items, seed 003) as an office keeps it
 * imports into five ledgers with every item, and exports back equal; edits and summaries; kpw.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedgersToFile, importLedgerWorkbook, items, summaries, updateLedgerItem } from '../../electron/services/ledgers';
import { readWorkbook } from '../../electron/services/import/project-list';
import type { LedgerItem } from '../../shared/ledgers';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, seedLedgerWorkbook } from '../helpers/workbooks';

let lib: TempLibrary;
beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

const comparable = (list: LedgerItem[]) => list.map(({ id: _id, planId: _plan, ...rest }) => rest);

describe('台账', () => {
  it('imports five ledgers with every item, and exports back equal', async () => {
    const bytes = await seedLedgerWorkbook();
    const r = await importLedgerWorkbook(lib.ctx, { plan: '“1+5”行动计划', workbook: readWorkbook(bytes, '台账.xlsx'), fileName: '台账.xlsx' });
    expect(r.issues).toEqual([]);
    expect(r.imported).toBe(true);
    expect(r.counts).toEqual({ tasks: 168, keyTasks: 28, indicators: 55, pilots: 11, innovations: 25 });
    const all = items(lib.ctx, { planId: r.planId! });
    expect(all).toHaveLength(287);
    const task7 = all.find((i) => i.ledger === 'tasks' && i.seq === 7)!;
    expect(task7).toMatchObject({ code: '7', content: '工作任务第7项：推动城市更新相关工作=+重点', leader: '隋同朋', department: '市工业和信息化局', office: '规划科', staff: '张7', q1: '一季度完成7%', status: 'onTrack' });
    const indicator5 = all.find((i) => i.ledger === 'indicators' && i.seq === 5)!;
    expect(indicator5).toMatchObject({ unit: '%', baseline: '55', target: '≥85', actual: null, onTrack: null, status: 'onTrack' });
    expect(all.find((i) => i.ledger === 'indicators' && i.seq === 3)).toMatchObject({ actual: '63', onTrack: false });
    expect(all.find((i) => i.ledger === 'tasks' && i.seq === 11)!.status).toBeNull();

    // Export, import the export into another plan: the same items.
    const file = path.join(lib.dir, '导出.xlsx');
    expect(await exportLedgersToFile(lib.ctx, { planId: r.planId! }, file)).toBe(287);
    const again = await importLedgerWorkbook(lib.ctx, { plan: '导回', workbook: readWorkbook(fs.readFileSync(file), '导出.xlsx'), fileName: '导出.xlsx' });
    expect(again.issues).toEqual([]);
    expect(comparable(items(lib.ctx, { planId: again.planId! }))).toEqual(comparable(all));
    // And the export of the re-import is the same workbook, cell for cell.
    const file2 = path.join(lib.dir, '导出2.xlsx');
    await exportLedgersToFile(lib.ctx, { planId: again.planId! }, file2);
    const cells = (f: string) => readWorkbook(fs.readFileSync(f), 'x.xlsx').sheets.map((s) => ({ name: s.name, rows: s.rows.slice(1).map((row) => row.cells.map((c) => (c ? JSON.stringify(c) : ''))) }));
    expect(cells(file2)).toEqual(cells(file));
  });

  it('counts by status and department, follows an edit, and refuses a bad value', async () => {
    const r = await importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(await seedLedgerWorkbook(), '台账.xlsx'), fileName: '台账.xlsx' });
    const before = summaries(lib.ctx, { planId: r.planId! });
    const tasks = before.find((s) => s.ledger === 'tasks')!;
    expect(tasks.counts.items).toBe(168);
    expect(tasks.counts.done + tasks.counts.onTrack + tasks.counts.lagging + tasks.counts.none).toBe(168);
    expect(tasks.byDepartment.reduce((n, d) => n + d.items, 0)).toBe(168);
    expect(before.find((s) => s.ledger === 'indicators')!.indicators).toEqual({ onTrack: 29, offTrack: 15, unknown: 11 });
    const lagging = items(lib.ctx, { planId: r.planId!, ledger: 'tasks' }).find((i) => i.status === 'lagging')!;
    expect(updateLedgerItem(lib.ctx, { id: lagging.id, field: 'status', value: '已完成' }).status).toBe('done');
    const after = summaries(lib.ctx, { planId: r.planId! }).find((s) => s.ledger === 'tasks')!;
    expect([after.counts.done, after.counts.lagging]).toEqual([tasks.counts.done + 1, tasks.counts.lagging - 1]);
    expect(() => updateLedgerItem(lib.ctx, { id: lagging.id, field: 'status', value: '差不多' })).toThrow(/推进状态“差不多”无效/);
    expect(() => updateLedgerItem(lib.ctx, { id: lagging.id, field: 'content', value: ' ' })).toThrow(/内容不能为空/);
  });

  it('refuses a workbook with a bad cell, naming it, and writes nothing', async () => {
    const bytes = await buildWorkbook([
      { name: '重点任务', rows: [['序号', '重点任务', '牵头部门', '推进状态'], [1, '任务一', '市发展改革委', '序时推进'], [2, '任务二', '市科技局', '差不多']] },
      { name: '说明', rows: [['填报说明']] },
    ]);
    const r = await importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(bytes, 'x.xlsx'), fileName: 'x.xlsx' });
    expect(r.imported).toBe(false);
    expect(r.issues.map((i) => `${i.severity} ${i.sheet}!${i.cell}: ${i.message}`)).toEqual([
      'error 重点任务!D3: 推进状态“差不多”无法识别，应为已完成、序时推进或滞后',
      'warning 说明!: 不是台账工作表（名称中应有工作任务、重点任务、重点指标、试点示范、创新性工作之一），已跳过',
    ]);
    expect(lib.ctx.library!.db.prepare('SELECT count(*) FROM ledger_items').pluck().get()).toBe(0);
  });

  it('kpw import ledger and kpw ledgers --json', async () => {
    const file = path.join(lib.dir, '台账.xlsx');
    fs.writeFileSync(file, await seedLedgerWorkbook());
    const kpw = (...args: string[]) => spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs'), ...args], { encoding: 'utf8' });
    const db = path.join(lib.dir, 'cli.kpw');
    expect(kpw('init', '--db', db).status).toBe(0);
    const imported = kpw('import', 'ledger', file, '--db', db, '--plan', '三年行动计划');
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('已导入“三年行动计划”：工作任务168项，重点任务28项，重点指标55项，试点示范11项，创新性工作25项\n');
    const listed = kpw('ledgers', '--db', db, '--json');
    expect(listed.status).toBe(0);
    const out = JSON.parse(listed.stdout) as { plan: string; ledger: string; items: number; byStatus: Record<string, number> }[];
    expect(out.map((l) => [l.plan, l.ledger, l.items])).toEqual([
      ['三年行动计划', '工作任务', 168],
      ['三年行动计划', '重点任务', 28],
      ['三年行动计划', '重点指标', 55],
      ['三年行动计划', '试点示范', 11],
      ['三年行动计划', '创新性工作', 25],
    ]);
    for (const l of out) expect(Object.values(l.byStatus).reduce((a, b) => a + b, 0)).toBe(l.items);
    expect(Object.keys(out[0]!.byStatus)).toEqual(['已完成', '序时推进', '滞后', '未填报']);
    expect(kpw('import', 'ledger', file, '--db', db).status).toBe(2);
  });

  it('writes the quarterly progress report with each ledger’s counts and the lagging items, and it renders', async () => {
    await importLedgerWorkbook(lib.ctx, { plan: '三年行动计划', workbook: readWorkbook(await seedLedgerWorkbook(), '台账.xlsx'), fileName: '台账.xlsx' });
    const { buildDraft, draftDocx } = await import('../../electron/services/drafts/index');
    const draft = buildDraft(lib.ctx, { kind: 'ledger-report', year: 2024, month: 1, params: { plan: '三年行动计划', quarter: '二', office: '市指挥部办公室' } });
    const text = draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
    const tasks = summaries(lib.ctx, { planId: 1 }).find((x) => x.ledger === 'tasks')!.counts;
    expect(text).toContain('三年行动计划2024年第二季度推进情况');
    expect(text).toContain(`工作任务共168项，已完成${tasks.done}项，序时推进${tasks.onTrack}项，滞后${tasks.lagging}项，未填报${tasks.none}项。`);
    expect(text).toContain('1.工作任务第2项：推动科技创新相关工作=（市工业和信息化局，分管市领导刘俊）。本季度计划：二季度推进；推进情况：已完成阶段性任务2。');
    const { renderWithLibreOffice } = await import('../helpers/docx');
    const pdf = renderWithLibreOffice((await draftDocx(lib.ctx, { kind: 'ledger-report', year: 2024, month: 1, params: { plan: '三年行动计划', quarter: '二' } })).bytes);
    expect(pdf.text).toContain('重点指标推进情况');
    expect(pdf.pagesText[0]).toContain('—1—');
  }, 60_000);
});
