/**
 * 督办 as a loop, through the contract: a notice sent for a lagging project (level, reason and
 * deadline from its warning), the unit's feedback, a return and a redo, acceptance and closing,
 * overdue ones, undo; the bulletin's line as of the month end (a closed month keeps its own);
 * the draft of one recorded notice; `kpw supervisions`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/drafts';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');

let lib: TempLibrary;
let now = new Date('2025-09-05T10:00:00+08:00');
const { call, refused } = contractCaller(() => lib.ctx);
let ids: Record<string, number>;

const text = (d: Draft) => d.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
const bulletin = async (month: number) => text(await call('drafts.build', { kind: 'bulletin', year: 2025, month, params: { office: '市发展和改革委员会', date: '2025年9月5日' } }));

beforeEach(async () => {
  now = new Date('2025-09-05T10:00:00+08:00');
  lib = createTempLibrary({ now: () => now });
  const list = await buildWorkbook([{ name: '清单', rows: [['项目名称', '所在区市', '建设性质', '总投资', '年度计划投资', '计划开工时间'], ['甲', '环翠区', '新建', 20000, 6000, '2025年3月'], ['乙', '文登区', '续建', 30000, 12000, ''], ['丙', '荣成市', '续建', 8000, 2400, '']] }]);
  const preview = await call('import.projects.preview', { source: { fileName: '清单.xlsx', data: list.toString('base64') }, year: 2025 });
  await call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false });
  // August: 甲 (new, due in March) not started — red; 乙 far behind 序时 — yellow; 丙 on time.
  const sheet = await buildWorkbook([{ name: '8月', rows: [['项目名称', '1-8月完成投资', '是否开工'], ['甲', 0, '否'], ['乙', 5000, '是'], ['丙', 1800, '是']] }]);
  const progress = await call('import.progress.preview', { files: [{ fileName: '8月.xlsx', data: sheet.toString('base64') }], year: 2025, month: 8 });
  await call('import.progress.commit', { token: progress.token, year: 2025, month: 8 });
  ids = Object.fromEntries((await call('dispatch.list', { year: 2025, month: 8 })).map((r) => [r.name, r.projectId]));
});
afterEach(() => lib.close());

describe('督办', () => {
  it('sends notices whose level, reason and deadline follow the warning, numbered in the year', async () => {
    const red = await call('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision' });
    expect(red).toMatchObject({ number: '2025-001', level: 'red', issuedDate: '2025-09-05', deadline: '2025-09-12', status: 'issued', overdue: false, projectName: '甲', district: '环翠区' });
    expect(red.reason).toMatch(/未开工/);
    const yellow = await call('supervisions.issue', { projectId: ids['乙']!, year: 2025, month: 8, form: 'notice', deadline: '2025年9月30日' });
    expect(yellow).toMatchObject({ number: '2025-002', level: 'yellow', form: 'notice', deadline: '2025-09-30' });
    expect((await call('supervisions.issue', { projectId: ids['丙']!, year: 2025, month: 8, form: 'supervision' })).level).toBe('blue');
    expect((await refused('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', deadline: '2025-09-01' })).message).toMatch(/办理时限不能早于下发日期/);
    expect((await refused('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', deadline: '下周' })).message).toMatch(/不是有效的日期/);
  });

  it('runs the loop: feedback, returned with a reason, redone, accepted, closed; overdue while waiting; undoable', async () => {
    const { id } = await call('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', deadline: '2025-09-10' });
    now = new Date('2025-09-11T09:00:00+08:00');
    expect((await call('supervisions.list', { year: 2025 }))[0]).toMatchObject({ status: 'issued', overdue: true });
    expect((await call('supervisions.feedback', { id, text: '已上报用地指标，待省厅批复' })).status).toBe('answered');
    expect((await refused('supervisions.review', { id, accepted: false })).message).toMatch(/请写明原因/);
    const returned = await call('supervisions.review', { id, accepted: false, note: '未说明开工时间' });
    expect(returned).toMatchObject({ status: 'returned', overdue: true, reviewNote: '未说明开工时间' });
    now = new Date('2025-09-12T09:00:00+08:00');
    expect(await call('supervisions.feedback', { id, text: '用地批复后10月15日开工' })).toMatchObject({ status: 'answered', overdue: false, feedback: '用地批复后10月15日开工' });
    expect((await call('supervisions.review', { id, accepted: true })).status).toBe('accepted');
    expect((await call('supervisions.close', { id })).status).toBe('closed');
    expect((await refused('supervisions.feedback', { id, text: '补充说明' })).message).toMatch(/已办结/);

    await call('history.undo', {});
    expect((await call('supervisions.list', { year: 2025 }))[0]!.status).toBe('accepted');
    await call('history.redo', {});
    expect((await call('supervisions.list', { year: 2025 }))[0]!.status).toBe('closed');
    expect(await call('supervisions.remove', { id })).toEqual({ removed: 1 });
    expect(await call('supervisions.list', { year: 2025 })).toEqual([]);
    await call('history.undo', {});
    expect((await call('supervisions.list', { year: 2025 })).map((r) => r.number)).toEqual(['2025-001']);
    // The project's change history names it.
    const detail = await call('projects.get', { projectId: ids['甲']!, year: 2025 });
    expect(detail.history.map((h) => h.newText)).toContain('红色督办单2025-001：已办结');
  });

  it('writes the bulletin line as of the month end, leaves zero clauses out, and a closed month keeps its own', async () => {
    expect(await bulletin(8)).not.toMatch(/下发/);
    const a = await call('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', issuedDate: '2025-08-20', deadline: '2025-08-27' });
    await call('supervisions.issue', { projectId: ids['乙']!, year: 2025, month: 8, form: 'notice', issuedDate: '2025-08-25', deadline: '2025-09-10' });
    expect(await bulletin(8)).toContain('本月下发督办单1份、预警通知书1份（红色1份、黄色1份），尚未收到反馈，逾期未反馈1份，请相关单位抓紧办理。');
    // An answer given in September is not August's.
    await call('supervisions.feedback', { id: a.id, text: '已协调', date: '2025-09-02' });
    expect(await bulletin(8)).toContain('尚未收到反馈，逾期未反馈1份');
    await call('supervisions.feedback', { id: a.id, text: '已协调', date: '2025-08-30' });
    expect(await bulletin(8)).toContain('（红色1份、黄色1份），已反馈1份。');

    await call('dispatch.close', { year: 2025, month: 8 });
    const closed = await bulletin(8);
    await call('supervisions.issue', { projectId: ids['丙']!, year: 2025, month: 8, form: 'supervision', issuedDate: '2025-08-31' });
    expect(await bulletin(8)).toBe(closed);
    await call('dispatch.reopen', { year: 2025, month: 8, reason: '补录督办' });
    expect(await bulletin(8)).toContain('督办单2份、预警通知书1份（红色1份、黄色1份、蓝色1份）');
  });

  it('drafts one recorded notice with its number, level, deadline and, when red, the 约谈', async () => {
    const red = await call('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', deadline: '2025-09-15' });
    const draft = await call('drafts.build', { kind: 'supervision', year: 2025, month: 8, params: { supervisionId: String(red.id) } });
    const body = text(draft);
    expect(draft.name).toBe('红色督办单-甲');
    expect(body).toContain('督办编号：2025-001');
    expect(body).toContain('重点项目红色督办单');
    expect(body).toContain('于2025年9月15日前研究解决');
    expect(body).toMatch(/主要负责同志于【请补充：约谈时间、地点】接受约谈/);
    const notice = await call('supervisions.issue', { projectId: ids['乙']!, year: 2025, month: 8, form: 'notice' });
    const second = text(await call('drafts.build', { kind: 'supervision', year: 2025, month: 8, params: { supervisionId: String(notice.id) } }));
    expect(second).toContain('重点项目黄色预警通知书');
    expect(second).not.toContain('约谈');
    expect((await refused('drafts.build', { kind: 'supervision', year: 2025, month: 8, params: { supervisionId: '999' } })).message).toMatch(/督办记录（999）不存在/);
  });

  it('kpw supervisions lists them, the overdue ones marked', { timeout: 120_000 }, async () => {
    await call('supervisions.issue', { projectId: ids['甲']!, year: 2025, month: 8, form: 'supervision', issuedDate: '2025-08-20', deadline: '2025-08-27' });
    const r = spawnSync(process.execPath, [KPW, 'supervisions', '--db', lib.file, '--year', '2025'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2025-001 红色督办单 甲（环翠区）：2025-08-20下发，2025-08-27前办理；待反馈（已逾期）$/m);
    const json = spawnSync(process.execPath, [KPW, 'supervisions', '--db', lib.file, '--year', '2025', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(json.stdout)).toMatchObject([{ number: '2025-001', level: 'red', status: 'issued' }]);
  });
});
