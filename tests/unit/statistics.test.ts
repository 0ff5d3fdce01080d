/** The statistics engine against hand-computed cases (STATISTICS.md). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict, ensureContactLeader, readLists } from '../../electron/db/lists';
import { writeReport } from '../../electron/db/progress';
import { insertProjectRecords, type NewProjectRecord } from '../../electron/db/projects';
import { fastestAndSlowest, projectFigures, rank, statistics, summarise } from '../../electron/services/statistics';
import { formatChange, formatCount, formatDateText, formatMoneyText, formatPercent, formatPeriod, formatPointsDifference } from '../../shared/format';
import { money, parseMoney } from '../../shared/money';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
const db = () => lib.ctx.library!.db;
const 亿 = 100_000_000;

interface P {
  nature: 'new' | 'continued';
  level: 'province' | 'city' | 'county';
  category: string;
  district: string;
  total: number;
  plan: number;
  start?: number;
  year?: number;
}

function add(projects: P[]): number[] {
  const lists = readLists(db());
  const known = new Map(lists.districts.map((d) => [d.name, d.id]));
  const districtId = (name: string) => known.get(name) ?? known.set(name, addDistrict(db(), name)).get(name)!;
  const records: NewProjectRecord[] = projects.map((p, i) => ({
    project: {
      code: null, name: `项目${p.year ?? 2024}-${i + 1}`, name_initials: '', district_id: districtId(p.district), owner_unit: null, scope: null,
      start_year: null, end_year: null, start_date: null, stage: null, total_investment: money(p.total), contact_leader_id: null,
      responsible_unit: null, responsible_person: null, phone: null, created_at: 'x', updated_at: 'x',
    },
    yearPlan: {
      year: p.year ?? 2024, level: p.level, category_id: lists.categories.find((c) => c.name === p.category)!.id,
      lead_department: lists.categories.find((c) => c.name === p.category)!.leadDepartment, nature: p.nature, annual_plan: money(p.plan),
      planned_start_month: p.start ?? null,
    },
  }));
  return insertProjectRecords(db(), records).map((r) => r.id);
}

function report(projectId: number, month: number, completed: number, flags: { started?: boolean; resumed?: boolean } = {}, year = 2024) {
  writeReport(db(), {
    project_id: projectId, year, month, completed_to_date: money(completed), started: flags.started ? 1 : 0, resumed: flags.resumed ? 1 : 0,
    start_date: null, in_statistics: 0, completed: 0, in_production: 0, visual_progress: null, reported_at: 'x',
  });
}

let ids: number[];
beforeEach(() => {
  lib = createTempLibrary();
  ids = add([
    { nature: 'new', level: 'city', category: '工业', district: '荣成市', total: 10 * 亿, plan: 1 * 亿, start: 3 },
    { nature: 'continued', level: 'province', category: '工业', district: '高区', total: 35 * 亿, plan: 2 * 亿 },
    { nature: 'new', level: 'county', category: '城建', district: '荣成市', total: 0.5 * 亿, plan: 0, start: 4 },
    { nature: 'new', level: 'county', category: '城建', district: '高区', total: 12 * 亿, plan: 0.1 * 亿, start: 7 },
    { nature: 'continued', level: 'county', category: '乡村振兴', district: '荣成市', total: 1.5 * 亿, plan: 0.6 * 亿 },
  ]);
  report(ids[0]!, 5, 0.3 * 亿, { started: true });
  report(ids[0]!, 8, 0.8 * 亿, { started: true });
  report(ids[1]!, 6, 0.5 * 亿, { resumed: true }); // carried forward to August, unreported in August
  report(ids[4]!, 8, 0.3 * 亿, { resumed: true });
});
afterEach(() => lib.close());

describe('statistics engine', () => {
  it('computes every measure of a population, with carry-forward, unreported projects and a zero plan', () => {
    const st = statistics(db(), 2024, 8);
    expect(st.overall).toEqual({
      projects: 5,
      newProjects: 3,
      continuedProjects: 2,
      totalInvestment: 59 * 亿,
      annualPlan: 3.7 * 亿,
      completedToDate: 1.6 * 亿,
      completionRate: 1.6 / 3.7,
      timeProgress: 8 / 12,
      progressGap: 1.6 / 3.7 - 8 / 12,
      startedNew: 1,
      resumed: 2,
      newStartRate: 1 / 3,
      resumeRate: 1,
      startRate: 3 / 5,
      unreported: 3,
      warnings: { red: 3, yellow: 1, green: 1 },
      // No 纳统 figure and no plan 1-M月 reported: none (not zero). All three new projects were due by August, one started.
      statisticsToDate: null, statisticsReported: 0, statisticsDifference: null, statisticsRate: null,
      plannedToDate: null, plannedProjects: 0, plannedCompleted: 0, plannedRate: null,
      dueToStart: 3, startedDue: 1, timelyStartRate: 1 / 3,
    });
    expect(st.previous).toBeNull();
    expect(st.yoy).toBeNull();
  });

  it('colours each project with its reason, the most severe rule winning', () => {
    const figures = projectFigures(db(), 2024, 8);
    expect(figures.map((f) => [f.warning, f.warningReason])).toEqual([
      ['green', null],
      ['red', '投资完成率25%（8月未报送，沿用6月数据），低于时序进度41.7个百分点（红色：低于时序进度超过30个百分点）'],
      ['red', '计划4月开工，已逾期4个月未开工（红色：逾期3个月及以上）'],
      // Only a month late (yellow by that rule), but nothing reported with two thirds of the year gone: red.
      ['red', '1-8月未报送，完成投资按0计，低于时序进度66.7个百分点（红色：低于时序进度超过30个百分点）'],
      ['yellow', '投资完成率50%，低于时序进度16.7个百分点（黄色：低于时序进度超过10个百分点）'],
    ]);
    expect(figures[1]).toMatchObject({ completedToDate: 0.5 * 亿, completedLastMonth: 0.5 * 亿, reported: false });
    expect(figures[0]).toMatchObject({ completedToDate: 0.8 * 亿, completedLastMonth: 0.3 * 亿, reported: true, startedNew: true });
  });

  it('is yellow when a new project is a month late but its figures keep up; thresholds are settings', async () => {
    const [late, behind] = add([
      { nature: 'new', level: 'county', category: '工业', district: '高区', total: 1 * 亿, plan: 0.01 * 亿, start: 1 },
      { nature: 'continued', level: 'county', category: '工业', district: '高区', total: 1 * 亿, plan: 0.01 * 亿 },
    ]);
    report(late!, 2, 0.001 * 亿); // 10% done in February, not started
    report(behind!, 8, 0.0025 * 亿, { resumed: true }); // 25% done in August: 41.7 points behind
    const at = (month: number, id: number) => projectFigures(db(), 2024, month).find((f) => f.projectId === id)!;
    expect([at(2, late!).warning, at(2, late!).warningReason]).toEqual(['yellow', '计划1月开工，已逾期1个月未开工（黄色：逾期1个月及以上）']);
    expect(at(8, behind!).warning).toBe('red');
    const { writeSetting } = await import('../../electron/db/settings');
    writeSetting(db(), 'statistics.thresholds', { redGap: 0.5 });
    expect([at(8, behind!).warning, at(8, behind!).warningReason]).toEqual(['yellow', '投资完成率25%，低于时序进度41.7个百分点（黄色：低于时序进度超过10个百分点）']);
    expect(statistics(db(), 2024, 8).overall.warnings.yellow).toBeGreaterThan(0);
  });

  it('uses the month: in May the first project had not reported its start yet... and time progress moves', () => {
    const may = statistics(db(), 2024, 4).overall;
    expect(may).toMatchObject({ completedToDate: 0, startedNew: 0, resumed: 0, unreported: 5, timeProgress: 4 / 12 });
  });

  it('breaks down by level, category, district and size, 省市 included', () => {
    const st = statistics(db(), 2024, 8);
    const count = (list: { key: string; projects: number }[]) => Object.fromEntries(list.map((k) => [k.key, k.projects]));
    expect(count(st.byLevel)).toEqual({ province: 1, city: 1, county: 3 });
    expect(count(st.byCategory)).toEqual({ 基础设施及公共服务: 0, 科技创新: 0, 工业: 2, 城建: 2, 乡村振兴: 1, 海洋产业: 0 });
    expect(count(st.byDistrict)).toEqual({ 荣成市: 3, 高区: 2 });
    expect(count(st.bySize)).toEqual({ '>=30亿': 1, '10-30亿': 2, '1-10亿': 1, '<1亿': 1 });
    expect(st.provinceCity).toMatchObject({ projects: 2, annualPlan: 3 * 亿, completedToDate: 1.3 * 亿 });
    expect(st.byCategory.find((c) => c.key === '城建')).toMatchObject({ annualPlan: 0.1 * 亿, completionRate: 0, newStartRate: 0, resumeRate: null });
  });

  it('filters by level, category, district, lead department and tag', () => {
    expect(statistics(db(), 2024, 8, { levels: ['county'] }).overall.projects).toBe(3);
    expect(statistics(db(), 2024, 8, { categories: ['工业'], districts: ['高区'] }).overall.projects).toBe(1);
    expect(statistics(db(), 2024, 8, { leadDepartments: ['住房城乡建设局'] }).overall.projects).toBe(2);
    expect(statistics(db(), 2024, 8, { tags: ['民生'] }).overall.projects).toBe(0);
    const leader = ensureContactLeader(db(), '张宗浩');
    db().prepare('UPDATE projects SET contact_leader_id = ? WHERE id IN (?, ?)').run(leader, ids[0], ids[1]);
    const byLeader = statistics(db(), 2024, 8, { contactLeaders: ['张宗浩'] });
    expect(byLeader.overall).toMatchObject({ projects: 2, annualPlan: 3 * 亿 });
    expect(statistics(db(), 2024, 8).byContactLeader).toEqual([expect.objectContaining({ key: '张宗浩', projects: 2 })]);
  });

  it('compares with the same month of the previous year when it has a list', () => {
    const prev = add([
      { nature: 'new', level: 'city', category: '工业', district: '荣成市', total: 20 * 亿, plan: 1 * 亿, year: 2023 },
      { nature: 'new', level: 'city', category: '工业', district: '荣成市', total: 10 * 亿, plan: 1 * 亿, year: 2023 },
      { nature: 'new', level: 'city', category: '城建', district: '荣成市', total: 10 * 亿, plan: 0.5 * 亿, year: 2023 },
      { nature: 'new', level: 'city', category: '城建', district: '荣成市', total: 10 * 亿, plan: 0.5 * 亿, year: 2023 },
    ]);
    report(prev[0]!, 8, 1 * 亿, { started: true }, 2023);
    const st = statistics(db(), 2024, 8);
    expect(st.previous).toMatchObject({ projects: 4, totalInvestment: 50 * 亿, annualPlan: 3 * 亿, completedToDate: 1 * 亿, startedNew: 1 });
    expect(st.yoy!.projects).toBeCloseTo(0.25, 12);
    expect(st.yoy!.totalInvestment).toBeCloseTo(0.18, 12);
    expect(st.yoy!.completionRate).toBeCloseTo(1.6 / 3.7 - 1 / 3, 12);
    expect(formatChange(st.overall.annualPlan, st.previous!.annualPlan)).toBe('增长23.3%');
  });

  it('ranks districts by completion rate, ties by amount, and finds the fastest and slowest projects', () => {
    const st = statistics(db(), 2024, 8);
    expect(rank(st.byDistrict).map((d) => d.key)).toEqual(['荣成市', '高区']); // 1.1/1.6 vs 0.5/2.1
    const { fastest, slowest } = fastestAndSlowest(projectFigures(db(), 2024, 8), 2);
    expect(fastest.map((f) => f.projectId)).toEqual([ids[0], ids[4]]);
    expect(slowest.map((f) => f.projectId)).toEqual([ids[3], ids[1]]);
  });

  it('follows every change to the list it keeps in memory, by this connection or another one', async () => {
    const district = (id: number) => projectFigures(db(), 2024, 8).find((f) => f.projectId === id)!.district;
    expect(statistics(db(), 2024, 8).byDistrict.find((d) => d.key === '荣成市')!.projects).toBe(3);
    // A project moved to another district (as an edit in 项目库 does).
    db().prepare("UPDATE projects SET district_id = (SELECT id FROM districts WHERE name = '高区') WHERE id = ?").run(ids[0]);
    expect(statistics(db(), 2024, 8).byDistrict.find((d) => d.key === '荣成市')!.projects).toBe(2);
    expect(district(ids[0]!)).toBe('高区');
    // A district renamed in 设置.
    db().prepare("UPDATE districts SET name = '荣成' WHERE name = '荣成市'").run();
    expect(statistics(db(), 2024, 8).byDistrict.find((d) => d.key === '荣成')!.projects).toBe(2);
    // A tag given, a plan changed and a project taken off the list.
    db().prepare("INSERT INTO project_tags (project_id, tag_id) SELECT ?, id FROM tags WHERE name = '产业链'").run(ids[1]);
    db().prepare('UPDATE year_plans SET annual_plan = annual_plan + 100000000 WHERE project_id = ?').run(ids[1]);
    db().prepare('DELETE FROM year_plans WHERE project_id = ?').run(ids[4]);
    const st = statistics(db(), 2024, 8);
    expect(st.byTag.find((t) => t.key === '产业链')!.projects).toBe(1);
    expect(st.overall).toMatchObject({ projects: 4, annualPlan: 410_000_000 });
    // Another connection (the kpw command line while the app is open) changes a plan.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(lib.file);
    other.prepare('UPDATE year_plans SET annual_plan = 0 WHERE project_id = ?').run(ids[1]);
    other.close();
    expect(statistics(db(), 2024, 8).overall.annualPlan).toBe(110_000_000);
    // A monthly figure: read afresh every time.
    report(ids[2]!, 8, 0.1 * 亿, { started: true });
    expect(projectFigures(db(), 2024, 8).find((f) => f.projectId === ids[2])).toMatchObject({ completedToDate: 0.1 * 亿, reported: true, startedNew: true });
  });

  it('sums 1,000 amounts with 4 decimals exactly', () => {
    const amount = (text: string) => {
      const r = parseMoney(text);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    const figures = Array.from({ length: 1000 }, (_, i) => ({
      totalInvestment: amount(`${i}.0001`),
      annualPlan: amount('0.1'),
      completedToDate: amount('0.0003'),
      nature: 'new' as const,
      startedNew: false,
      resumed: false,
      reported: true,
      warning: 'green' as const,
    }));
    const s = summarise(figures as never, 12);
    expect(s.totalInvestment).toBe(amount('499500.1')); // Σ i + 1000 × 0.0001
    expect(s.annualPlan).toBe(amount('100'));
    expect(s.completedToDate).toBe(amount('0.3'));
    expect(formatPercent(s.completedToDate, s.annualPlan, 1)).toBe('0.3%');
  });
});

describe('how numbers are written', () => {
  it('follows the table of STATISTICS.md', () => {
    expect(formatMoneyText(439_960_000_000)).toBe('4399.6亿元');
    expect(formatMoneyText(1_100_000_000)).toBe('11亿元');
    expect(formatMoneyText(137_223_000_000)).toBe('1372.23亿元');
    expect(formatMoneyText(50_000_000)).toBe('5000万元');
    expect(formatMoneyText(23_505_000)).toBe('2350.5万元');
    expect(formatPercent(34_043, 38_052)).toBe('89.5%');
    expect(formatPercent(92, 131)).toBe('70.2%');
    expect(formatPercent(142, 311)).toBe('45.7%');
    expect(formatPercent(1, 1)).toBe('100%');
    expect(formatPercent(169, 311)).toBe('54.3%');
    expect(formatPercent(1, 8)).toBe('12.5%');
    expect(formatPercent(1, 2000)).toBe('0.1%'); // 0.05% rounds half-up
    expect(formatChange(896, 774)).toBe('增长15.8%');
    expect(formatChange(97, 100)).toBe('下降3%');
    expect(formatChange(10_004, 10_000)).toBe('持平');
    expect(formatPointsDifference(8, 12, 6, 10)).toEqual({ sign: 1, text: '6.7个百分点' });
    expect(formatPointsDifference(702, 1000, 42, 100)).toEqual({ sign: 1, text: '28.2个百分点' });
    expect(formatPointsDifference(1, 2, 1, 2)).toEqual({ sign: 0, text: '0个百分点' });
    expect(formatCount(896)).toBe('896个');
    expect(formatCount(270, '项')).toBe('270项');
    expect(formatDateText('2023-09-30')).toBe('2023年9月30日');
    expect(formatPeriod(8)).toBe('1-8月');
  });
});
