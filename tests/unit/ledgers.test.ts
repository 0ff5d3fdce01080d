/**
 * 台账: a workbook of five ledgers (168 + 28 + 55 + 11 + 25 items, seed 003) as an office keeps it
 * imports into five ledgers with every item, and exports back equal; edits and summaries; kpw.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedgersToFile, items, summaries, updateLedgerItem } from '../../electron/services/ledgers';
import { commitLedgerImport, importLedgerWorkbook, previewLedgerImport } from '../../electron/services/ledger-import';
import { readWorkbook } from '../../electron/services/import/project-list';
import { planSpan, type LedgerItem } from '../../shared/ledgers';
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

  it('imports an unrecognisable status as a warning naming the cell, the item without a status; refuses a bad cell and writes nothing', async () => {
    const sheets = (onTrack: string) => [
      { name: '重点任务', rows: [['序号', '重点任务', '牵头部门', '推进状态'], [1, '任务一', '市发展改革委', '序时推进'], [2, '任务二', '市科技局', '差不多']] },
      { name: '重点指标', rows: [['序号', '指标名称', '是否达到序时'], [1, '研发投入强度', onTrack]] },
      { name: '说明', rows: [['填报说明']] },
    ];
    const bad = await importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(await buildWorkbook(sheets('也许')), 'x.xlsx'), fileName: 'x.xlsx' });
    expect(bad.imported).toBe(false);
    expect(bad.issues.map((i) => `${i.severity} ${i.sheet}!${i.cell}: ${i.message}`)).toEqual([
      'warning 重点任务!D3: 推进状态“差不多”无法识别（应为已完成、序时推进或滞后），推进状态留空，原文记入推进情况',
      'error 重点指标!C2: “也许”应为是或否',
      'warning 说明!: 不是台账工作表（名称中应有工作任务、重点任务、重点指标、试点示范、创新性工作之一），已跳过',
    ]);
    expect(lib.ctx.library!.db.prepare('SELECT count(*) FROM ledger_items').pluck().get()).toBe(0);

    const good = await importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(await buildWorkbook(sheets('是')), 'x.xlsx'), fileName: 'x.xlsx' });
    expect(good.imported).toBe(true);
    expect(items(lib.ctx, { planId: good.planId!, ledger: 'keyTasks' }).map((i) => [i.content, i.status])).toEqual([
      ['任务一', 'onTrack'],
      ['任务二', null],
    ]);
  });

  it('reads the status from a 进展情况 column of status words, in the words offices use', async () => {
    const bytes = await buildWorkbook([
      {
        name: '工作任务',
        rows: [
          ['某某三年行动计划工作任务台账'],
          ['序号', '工作任务', '责任单位', '进展情况'],
          ...['已完成', '完成', '序时推进', '正常推进', '按序时推进', '滞后', '未完成', '进度滞后', '已完成。', '基本完成'].map((s, i) => [i + 1, `任务${i + 1}`, '市发展改革委', s]),
        ],
      },
      // Both columns: the sentences are the progress, the short words the status.
      { name: '重点任务', rows: [['重点任务', '完成情况', '进展情况'], ['任务甲', '已完成选址，正在办理用地手续', '正常推进'], ['任务乙', '主体完工', '滞后']] },
      // Only sentences: progress, no status.
      { name: '创新性工作', rows: [['创新事项', '进展情况'], ['事项一', '已形成初步方案'], ['事项二', '正在调研']] },
    ]);
    const r = await importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(bytes, '台账.xlsx'), fileName: '台账.xlsx' });
    expect(r.imported).toBe(true);
    expect(items(lib.ctx, { planId: r.planId!, ledger: 'tasks' }).map((i) => i.status)).toEqual(['done', 'done', 'onTrack', 'onTrack', 'onTrack', 'lagging', 'lagging', 'lagging', 'done', null]);
    // What is not a status is kept as the progress text, with a warning naming the cell.
    expect(items(lib.ctx, { planId: r.planId!, ledger: 'tasks' })[9]!.progress).toBe('基本完成');
    expect(r.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`)).toEqual(['工作任务!D12: 推进状态“基本完成”无法识别（应为已完成、序时推进或滞后），推进状态留空，原文记入推进情况']);
    expect(items(lib.ctx, { planId: r.planId!, ledger: 'keyTasks' }).map((i) => [i.status, i.progress])).toEqual([
      ['onTrack', '已完成选址，正在办理用地手续'],
      ['lagging', '主体完工'],
    ]);
    expect(items(lib.ctx, { planId: r.planId!, ledger: 'innovations' }).map((i) => [i.status, i.progress])).toEqual([
      [null, '已形成初步方案'],
      [null, '正在调研'],
    ]);
  });

  it('previews what each row does to the plan, takes a changed mapping and ledger, and commits it', async () => {
    const first = await buildWorkbook([{ name: '工作任务', rows: [['序号', '工作任务', '分管负责同志', '进展情况'], [1, '任务一', '刘俊', '序时推进'], [2, '任务二', '隋同朋', '滞后'], [3, '任务三', '谷衍宁', '已完成']] }]);
    const preview = previewLedgerImport(lib.ctx, { plan: '计划', workbook: readWorkbook(first, 'a.xlsx'), fileName: 'a.xlsx' });
    expect(preview.planExists).toBe(false);
    const sheet = preview.sheets[0]!;
    expect(sheet).toMatchObject({ sheet: '工作任务', ledger: 'tasks', headerRow: 1, counts: { new: 3, update: 0, unchanged: 0, error: 0, removed: 0 } });
    // "分管负责同志" is not a name the importer knows; 进展情况 holds status words.
    expect(sheet.columns.map((c) => [c.letter, c.header, c.target])).toEqual([
      ['A', '序号', 'code'],
      ['B', '工作任务', 'content'],
      ['C', '分管负责同志', null],
      ['D', '进展情况', 'status'],
    ]);
    const choices = { 工作任务: { mapping: { '0': 'code', '1': 'content', '2': 'leader', '3': 'status' } } } as const;
    const mapped = previewLedgerImport(lib.ctx, { plan: '计划', workbook: readWorkbook(first, 'a.xlsx'), fileName: 'a.xlsx', sheets: choices });
    expect(mapped.sheets[0]!.columns[2]!.target).toBe('leader');
    const done = await commitLedgerImport(lib.ctx, { plan: '计划', workbook: readWorkbook(first, 'a.xlsx'), fileName: 'a.xlsx', sheets: choices });
    expect(done.counts).toEqual({ tasks: 3 });
    expect(items(lib.ctx, { planId: done.planId, ledger: 'tasks' }).map((i) => [i.content, i.leader, i.status])).toEqual([
      ['任务一', '刘俊', 'onTrack'],
      ['任务二', '隋同朋', 'lagging'],
      ['任务三', '谷衍宁', 'done'],
    ]);

    // The next quarter's file, on a sheet named otherwise: chosen as 工作任务, compared with the plan.
    const second = await buildWorkbook([{ name: 'Sheet1', rows: [['填报单位：市指挥部办公室'], ['2024年第二季度'], ['序号', '事项', '进展情况'], [1, '任务一', '已完成'], [2, '任务二', '滞后'], [4, '任务四', '序时推进']] }]);
    const again = previewLedgerImport(lib.ctx, { plan: '计划', workbook: readWorkbook(second, 'b.xlsx'), fileName: 'b.xlsx' });
    expect(again.sheets[0]!.ledger).toBeNull();
    expect(again.issues.map((i) => i.severity)).toEqual(['warning', 'error']); // not a ledger sheet; no ledger sheet at all
    const chosen = previewLedgerImport(lib.ctx, { plan: '计划', workbook: readWorkbook(second, 'b.xlsx'), fileName: 'b.xlsx', sheets: { Sheet1: { ledger: 'tasks' } } });
    expect(chosen.planExists).toBe(true);
    expect(chosen.issues).toEqual([]);
    expect(chosen.sheets[0]!.counts).toEqual({ new: 1, update: 2, unchanged: 0, error: 0, removed: 1 });
    expect(chosen.sheets[0]!.rows.map((r) => [r.row, r.status, r.content, r.changes.map((c) => `${c.label}：${c.oldText} → ${c.newText}`).join('；')])).toEqual([
      [4, 'update', '任务一', '分管市领导：刘俊 → ；推进状态：序时推进 → 已完成'],
      [5, 'update', '任务二', '分管市领导：隋同朋 → '],
      [6, 'new', '任务四', ''],
    ]);
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
  }, 90_000); // four runs of kpw, each starting Node and tsx

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

describe('a plan’s span', () => {
  it('is read from its name as offices write it, else absent', () => {
    expect(planSpan('威海市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023—2025年）')).toBe('2023—2025年');
    expect(planSpan('某市行动方案(2024-2026)')).toBe('2024-2026');
    expect(planSpan('2024年重点工作台账')).toBeUndefined();
  });
});
