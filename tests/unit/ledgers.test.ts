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
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

const STATUSES = ['已完成', '序时推进', '滞后', '序时推进'];
const DEPARTMENTS = ['市发展改革委', '市科技局', '市工业和信息化局', '市生态环境局', '市住房城乡建设局'];

/** Seed 003's ledgers, with the column names and title rows an office uses (not our export's). */
export async function seedLedgerWorkbook(): Promise<Buffer> {
  const sheet = (name: string, contentTitle: string, n: number, indicator = false) => {
    const header: CellInput[] = ['序号', contentTitle, ...(indicator ? ['计量单位', '2022年基数', '2025年目标', '当前值', '是否达到序时'] : []), '分管市领导', '牵头部门', '责任科室', '具体负责人', '第一季度', '第二季度', '第三季度', '第四季度', '进展情况', '推进状态'];
    const rows: CellInput[][] = [[`威海市深化新旧动能转换推动绿色低碳高质量发展三年行动计划——${name}台账`], ['填报单位：市指挥部办公室'], header];
    for (let i = 1; i <= n; i++) {
      const d = DEPARTMENTS[i % DEPARTMENTS.length]!;
      rows.push([
        i,
        `${name}第${i}项：推动${['绿色低碳', '产业升级', '科技创新', '城市更新'][i % 4]}相关工作=${i % 7 === 0 ? '+重点' : ''}`,
        ...(indicator ? ['%', `${50 + (i % 30)}`, `≥${80 + (i % 15)}`, i % 5 === 0 ? null : `${60 + (i % 25)}`, i % 5 === 0 ? null : i % 3 === 0 ? '否' : '是'] : []),
        ['谷衍宁', '隋同朋', '刘俊'][i % 3]!,
        d,
        `${['综合', '规划', '产业'][i % 3]}科`,
        `张${i}`,
        `一季度完成${i}%`,
        i % 6 === 0 ? null : '二季度推进',
        '三季度推进',
        '年底完成',
        i % 9 === 0 ? null : `已完成阶段性任务${i}`,
        i % 11 === 0 ? null : STATUSES[i % STATUSES.length]!,
      ]);
    }
    return { name, rows };
  };
  return buildWorkbook([sheet('工作任务', '工作任务', 168), sheet('重点任务', '重点任务', 28), sheet('重点指标', '指标名称', 55, true), sheet('试点示范', '试点示范项目', 11), sheet('创新性工作', '创新事项', 25)]);
}

let lib: TempLibrary;
beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

const comparable = (list: LedgerItem[]) => list.map(({ id: _id, planId: _plan, ...rest }) => rest);

describe('台账', () => {
  it('imports five ledgers with every item, and exports back equal', async () => {
    const bytes = await seedLedgerWorkbook();
    const r = importLedgerWorkbook(lib.ctx, { plan: '“1+5”行动计划', workbook: readWorkbook(bytes, '台账.xlsx'), fileName: '台账.xlsx' });
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
    const again = importLedgerWorkbook(lib.ctx, { plan: '导回', workbook: readWorkbook(fs.readFileSync(file), '导出.xlsx'), fileName: '导出.xlsx' });
    expect(again.issues).toEqual([]);
    expect(comparable(items(lib.ctx, { planId: again.planId! }))).toEqual(comparable(all));
    // And the export of the re-import is the same workbook, cell for cell.
    const file2 = path.join(lib.dir, '导出2.xlsx');
    await exportLedgersToFile(lib.ctx, { planId: again.planId! }, file2);
    const cells = (f: string) => readWorkbook(fs.readFileSync(f), 'x.xlsx').sheets.map((s) => ({ name: s.name, rows: s.rows.slice(1).map((row) => row.cells.map((c) => (c ? JSON.stringify(c) : ''))) }));
    expect(cells(file2)).toEqual(cells(file));
  });

  it('counts by status and department, follows an edit, and refuses a bad value', async () => {
    const r = importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(await seedLedgerWorkbook(), '台账.xlsx'), fileName: '台账.xlsx' });
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
    const r = importLedgerWorkbook(lib.ctx, { plan: '计划', workbook: readWorkbook(bytes, 'x.xlsx'), fileName: 'x.xlsx' });
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
});
