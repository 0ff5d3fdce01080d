/**
 * Every released schema upgrades with its data: for each version N before the latest, a library
 * is made by the migrations 1..N themselves (as that release made it), filled with what that
 * version could hold, and opened by this version — migrated after a backup, every row intact, and
 * what the later migrations add working on the old data.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/connection';
import { seedDefaultLists } from '../../electron/db/lists';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { openDatabase, type Db } from '../../electron/db/open-database';
import { toApiError } from '../../electron/services/api-error';
import { createContext, type ServiceContext } from '../../electron/services/context';
import { closeLibrary, openLibrary } from '../../electron/services/library';
import { contractCaller } from '../helpers/contract';
import { tempDir } from '../helpers/library';

const AT = '2025-09-01T09:00:00+08:00';

/** What a library of schema `version` could hold: districts, projects, plans, reports; a closed month from 2; a ledger from 4. */
function fill(db: Db, version: number): void {
  seedDefaultLists(db);
  const district = (name: string) => Number(db.prepare('INSERT INTO districts (name) VALUES (?)').run(name).lastInsertRowid);
  const d1 = district('荣成市');
  const d2 = district('文登区');
  const project = (name: string, districtId: number, total: number) =>
    Number(db.prepare('INSERT INTO projects (name, district_id, total_investment, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, districtId, total, AT, AT).lastInsertRowid);
  const ids = [project('石岛湾核电配套', d1, 2_000_000_000), project('文登抽水蓄能', d2, 8_500_000_000), project('海港智能产业园', d1, 120_000_000)];
  const category = (db.prepare('SELECT id FROM categories ORDER BY id LIMIT 1').get() as { id: number }).id;
  ids.forEach((id, i) =>
    db.prepare("INSERT INTO year_plans (project_id, year, level, category_id, nature, annual_plan, sort_order) VALUES (?, 2025, 'city', ?, ?, ?, ?)").run(id, category, i === 0 ? 'new' : 'continued', [300_000_000, 600_000_000, 30_000_000][i], i),
  );
  const report = (id: number, month: number, completed: number) =>
    db.prepare("INSERT INTO progress_reports (project_id, year, month, completed_to_date, started, resumed, reported_at) VALUES (?, 2025, ?, ?, 1, 1, '2025-08-25')").run(id, month, completed);
  report(ids[0]!, 7, 100_000_000);
  report(ids[1]!, 7, 400_000_000);
  report(ids[1]!, 8, 520_000_000);
  db.prepare("INSERT INTO problems (project_id, year, type, description, raised_date, status) VALUES (?, 2025, 'land', '用地指标未落实', '2025-08-10', 'open')").run(ids[0]);
  // The project's own stage (0001), before 0009 moves it onto each year's list (then, on the list).
  db.prepare("UPDATE projects SET stage = 'preparation' WHERE id = ?").run(ids[2]);
  if (version >= 9) db.prepare("UPDATE year_plans SET stage = 'preparation' WHERE project_id = ?").run(ids[2]);
  // The office's choice of warning rules, saved before the procedure rule existed.
  db.prepare("INSERT INTO settings (key, value) VALUES ('statistics.thresholds', ?)").run(JSON.stringify({ rules: ['late', 'share'], yellowShare: 0.7 }));
  if (version >= 2) db.prepare('INSERT INTO month_closings (year, month, closed_at) VALUES (2025, 8, ?)').run(AT);
  if (version >= 4) {
    const plan = Number(db.prepare('INSERT INTO action_plans (name, created_at) VALUES (?, ?)').run('三年行动计划', AT).lastInsertRowid);
    db.prepare("INSERT INTO ledger_items (plan_id, ledger, seq, content, status, updated_at) VALUES (?, 'tasks', 1, '推进重点项目建设', 'onTrack', ?)").run(plan, AT);
  }
}

/** A library file exactly as release `version` left it. */
function libraryAtVersion(version: number): string {
  const file = path.join(tempDir('kpw-migrate-'), `v${version}.kpw`);
  const db = openDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  db.transaction(() => fill(db, version)).immediate();
  db.close();
  return file;
}

let ctx: ServiceContext;
const { call } = contractCaller(() => ctx);
const MONEY_VERSION = MIGRATIONS.find((m) => m.name === '0006-money-integers')!.version;
beforeEach(() => {
  ctx = createContext({ userDataDir: null, shell: 'browser', now: () => new Date(AT) });
});
afterEach(() => closeLibrary(ctx));

describe('upgrading every released schema', () => {
  // Versions need not be contiguous (0007 and 0008 are written on other branches).
  for (const { version } of MIGRATIONS.slice(0, -1)) {
    it(`from schema ${version}: migrated after a backup, every row intact, the later features working`, async () => {
      const file = libraryAtVersion(version);
      const info = await openLibrary(ctx, file);
      expect(info.readOnly).toBe(false);
      expect(ctx.library!.schemaVersion).toBe(LATEST_VERSION);
      // With the other backups, and labelled with what it preceded (备份与恢复 lists it).
      expect(ctx.library!.backupPath).toMatch(new RegExp(`\\.kpw\\.备份[/\\\\]\\d{8}-\\d{6}-迁移前-第${LATEST_VERSION}版\\.kpw$`));
      expect((await call('backups.list', {})).map((b) => [b.reason, b.label, b.path])).toEqual([['迁移前', `迁移到第${LATEST_VERSION}版之前`, ctx.library!.backupPath]]);

      const projects = (await call('projects.list', { year: 2025 })).rows.length;
      expect(projects).toBe(3);
      // 1-8月: 甲 carries July (10,000万元), 乙 reports 52,000万元; the plans as written.
      const stats = await call('stats.get', { year: 2025, month: 8 });
      expect(stats.overall).toMatchObject({ projects: 3, completedToDate: 620_000_000, annualPlan: 930_000_000, totalInvestment: 10_620_000_000 });
      expect((await call('problems.list', { year: 2025 })).map((p) => p.description)).toEqual(['用地指标未落实']);
      const state = await call('dispatch.state', { year: 2025, month: 8 });
      expect(state.closed).toBe(version >= 2);
      if (version >= 4) expect((await call('ledgers.plans', {})).map((p) => p.name)).toEqual(['三年行动计划']);

      // 0005: a month closed before it is frozen from its first read on.
      if (version >= 2) {
        const [jia] = (await call('dispatch.list', { year: 2025, month: 7 })).filter((r) => r.name === '石岛湾核电配套');
        await call('dispatch.update', { projectId: jia!.projectId, year: 2025, month: 7, field: 'completedToDate', value: '25000', unit: '万元' });
        expect((await call('stats.get', { year: 2025, month: 8 })).overall.completedToDate).toBe(620_000_000);
      }
      // 0006: an amount that is not a whole number of 元 is refused by the library itself.
      const db = ctx.library!.db;
      expect(() => db.prepare('UPDATE year_plans SET annual_plan = 1234.5 WHERE year = 2025').run()).toThrow(/金额必须是整数/);
      expect(() => db.prepare('UPDATE projects SET total_investment = ? WHERE id = 1').run('12万')).toThrow(/金额必须是整数/);
      expect(() => db.prepare('UPDATE progress_reports SET completed_to_date = 0.5').run()).toThrow(/金额必须是整数/);
      // 0011: the reports' amounts are checked by named CHECKs, not triggers; the rows kept, and a
      // refusal still says in Chinese which amount it is.
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'progress_reports'").all()).toEqual([]);
      expect(db.prepare('SELECT project_id, month, completed_to_date FROM progress_reports ORDER BY month, project_id').all()).toEqual([
        { project_id: 1, month: 7, completed_to_date: version >= 2 ? 250_000_000 : 100_000_000 }, // 甲's July edited above once frozen
        { project_id: 2, month: 7, completed_to_date: 400_000_000 },
        { project_id: 2, month: 8, completed_to_date: 520_000_000 },
      ]);
      const refusal = (sql: string) => {
        try {
          db.prepare(sql).run();
        } catch (err) {
          return toApiError(err);
        }
        throw new Error(`${sql} was not refused`);
      };
      expect(refusal("UPDATE progress_reports SET completed_to_date = '12万' WHERE month = 8")).toEqual({ code: 'VALIDATION', message: '金额必须是整数（以元计）：月报的累计完成投资，未保存。' });
      // The money columns still checked by 0006's triggers are refused in the same words.
      expect(refusal('UPDATE year_plans SET annual_plan = 1234.5')).toEqual({ code: 'VALIDATION', message: '金额必须是整数（以元计），未保存。' });
      // 0009: the stage is on the year's list, copied from the project; procedures and their kinds work.
      const rows = await call('projects.list', { year: 2025 });
      const stageAt = rows.keys.indexOf('stage');
      expect(rows.rows.map((r) => r[stageAt])).toEqual([null, null, 'preparation']);
      const kinds = await call('procedures.kinds', {});
      expect(kinds).toHaveLength(7);
      await call('procedures.update', { year: 2025, projectId: 3, kindId: kinds[0]!.id, field: 'obtainedDate', value: '2025-08-10' });
      expect(await call('procedures.counts', { year: 2025, month: 9 })).toMatchObject({ obtained: 1, approval: 1 });
      expect((await call('lifecycle.stages', { year: 2025, month: 9 })).overall.stages.preparation).toBe(1);
      // 0010: a kind can be retired, bank loans kept by project, and the saved rules gain the procedure rule.
      await call('procedures.retireKind', { id: kinds[0]!.id, retired: true });
      expect(await call('procedures.counts', { year: 2025, month: 9 })).toMatchObject({ obtained: 0, approval: 0 });
      // (A library already at 10 whose office left the procedure rule out keeps its choice.)
      expect((await call('settings.thresholds', {})).rules).toEqual(version >= 10 ? ['late', 'share'] : ['late', 'share', 'procedure']);
      expect((await call('settings.thresholds', {})).yellowShare).toBe(0.7);
      await call('support.addBankLoan', { year: 2025, projectName: '石岛湾核电配套', bank: '建设银行', credit: '12', loans: '3.5', balance: '3', unit: '亿元' });
      expect((await call('support.summary', { year: 2025 })).bank).toMatchObject({ projects: 1, loans: 350_000_000 });
      db.prepare('UPDATE projects SET total_investment = NULL WHERE id = 3').run();
      expect((await call('stats.get', { year: 2025, month: 7 })).overall.projects).toBe(3);

      // 0007: the old reports have no 纳统 figure (none, not zero) and no project a split plan; both can be added, as integers only.
      expect((await call('stats.get', { year: 2025, month: 7 })).overall).toMatchObject({ statisticsToDate: null, plannedToDate: null, statisticsReported: 0 });
      const [yi] = (await call('dispatch.list', { year: 2025, month: 6 })).filter((r) => r.name === '文登抽水蓄能');
      await call('dispatch.update', { projectId: yi!.projectId, year: 2025, month: 6, field: 'statisticsToDate', value: '30000', unit: '万元' });
      db.prepare('INSERT INTO plan_splits (project_id, year, month, planned_to_date) VALUES (?, 2025, 6, 300000000)').run(yi!.projectId);
      expect((await call('stats.get', { year: 2025, month: 6 })).overall).toMatchObject({ statisticsToDate: 300_000_000, plannedToDate: 300_000_000 });
      expect(refusal('UPDATE progress_reports SET statistics_to_date = 0.5')).toEqual({ code: 'VALIDATION', message: '金额必须是整数（以元计）：月报的纳统累计完成投资，未保存。' });
      expect(() => db.prepare('UPDATE plan_splits SET planned_to_date = 1.5').run()).toThrow(/金额必须是整数/);
      // 0008: 督办 records for the projects the old library holds, undoable like every edit.
      const sent = await call('supervisions.issue', { projectId: 1, year: 2025, month: 9, form: 'supervision', issuedDate: '2025-09-01' });
      expect(sent).toMatchObject({ number: '2025-001', projectName: '石岛湾核电配套', district: '荣成市', status: 'issued' });
      await call('history.undo', {});
      expect(await call('supervisions.list', { year: 2025 })).toEqual([]);
    });
  }

  it('refuses to migrate a library holding an amount that is not a whole number of 元, leaving it as it was', async () => {
    const file = libraryAtVersion(MONEY_VERSION - 1);
    const db = openDatabase(file);
    db.prepare('UPDATE year_plans SET annual_plan = 300000000.5 WHERE project_id = 1').run();
    db.close();
    await expect(openLibrary(ctx, file)).rejects.toThrow(/升级失败，已保持原版本/);
    const after = openDatabase(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MONEY_VERSION - 1);
    expect(after.prepare('SELECT annual_plan FROM year_plans WHERE project_id = 1').pluck().get()).toBe(300000000.5);
    after.close();
  });
});
