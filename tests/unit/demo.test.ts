/** The demo library reproduces the figures of the 2024 press conference (seed 000), every one. */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { problemCounts } from '../../electron/db/progress';
import { ledgerItems, listPlans } from '../../electron/db/ledgers';
import { statistics } from '../../electron/services/statistics';
import { formatChange, formatMoneyText, formatPercent } from '../../shared/format';
import type { KeyedSummary, StatsFilter } from '../../shared/statistics';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
const db = () => lib.ctx.library!.db;
const st = (year: number, month: number, filter: StatsFilter = {}) => statistics(db(), year, month, filter);
const key = (list: KeyedSummary[], k: string) => list.find((x) => x.key === k)!;

beforeAll(() => {
  lib = createTempLibrary();
  fillDemoLibrary(db(), '2024-03-12T09:00:00+08:00');
});
afterAll(() => lib.close());

describe('demo library (seed 000)', () => {
  it('has 896 projects, 4399.6亿元 and 1041.9亿元, up 15.8%, 31.3% and 5.2% on 2023', () => {
    const s = st(2024, 12);
    expect(s.overall.projects).toBe(896);
    expect(formatMoneyText(s.overall.totalInvestment)).toBe('4399.6亿元');
    expect(formatMoneyText(s.overall.annualPlan)).toBe('1041.9亿元');
    expect(s.previous!.projects).toBe(774);
    expect(formatChange(s.overall.projects, s.previous!.projects)).toBe('增长15.8%');
    expect(formatChange(s.overall.totalInvestment, s.previous!.totalInvestment)).toBe('增长31.3%');
    expect(formatChange(s.overall.annualPlan, s.previous!.annualPlan)).toBe('增长5.2%');
    expect(s.provinceCity.projects).toBe(271);
    expect(key(s.byLevel, 'county').projects).toBe(625);
    const leaders = new Set(db().prepare("SELECT l.name FROM year_plans yp JOIN projects p ON p.id = yp.project_id JOIN contact_leaders l ON l.id = p.contact_leader_id WHERE yp.year = 2024 AND yp.level IN ('province', 'city')").pluck().all());
    expect(leaders.size).toBe(32);
    expect(s.byDistrict.map((d) => d.key)).toEqual(['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区']);
  });

  it('科技创新: 142 projects, 91.6亿元, 29.6亿元 (+6.5%), and its four kinds', () => {
    const s = st(2024, 12, { categories: ['科技创新'] });
    expect(s.overall.projects).toBe(142);
    expect(formatMoneyText(s.overall.totalInvestment)).toBe('91.6亿元');
    expect(formatMoneyText(s.overall.annualPlan)).toBe('29.6亿元');
    expect(formatChange(s.overall.annualPlan, s.previous!.annualPlan)).toBe('增长6.5%');
    expect(['0-1颠覆性技术', '卡脖子技术', '国产化替代技术', '变革性技术迭代'].map((t) => key(s.byTag, t).projects)).toEqual([4, 18, 37, 49]);
  });

  it('工业: 311 projects, 1246.2亿元, 401.7亿元, 新建142 (45.7%) 续建169 (54.3%), sizes, tags', () => {
    const s = st(2024, 12, { categories: ['工业'] });
    const o = s.overall;
    expect([o.projects, formatMoneyText(o.totalInvestment), formatMoneyText(o.annualPlan)]).toEqual([311, '1246.2亿元', '401.7亿元']);
    expect([o.newProjects, formatPercent(o.newProjects, o.projects), o.continuedProjects, formatPercent(o.continuedProjects, o.projects)]).toEqual([142, '45.7%', 169, '54.3%']);
    const size = (k: string) => key(s.bySize, k).projects;
    expect(size('>=30亿') + size('10-30亿') + size('1-10亿')).toBe(206);
    expect(size('>=30亿')).toBe(7);
    expect(size('10-30亿')).toBe(24);
    const prev = st(2023, 12, { categories: ['工业'] });
    const prevSize = (k: string) => key(prev.bySize, k).projects;
    expect([prevSize('>=30亿') + prevSize('10-30亿') + prevSize('1-10亿'), prevSize('>=30亿'), prevSize('10-30亿')]).toEqual([187, 3, 16]);
    expect(['智改数转', '产业链', '新能源及绿色化'].map((t) => key(s.byTag, t).projects)).toEqual([166, 199, 81]);
    expect(formatPercent(166, 311)).toBe('53.4%');
  });

  it('城建: 131 projects, 124.4亿元; by the end of February 92 started (70.2%) and 21.89亿元 done (17.6%)', () => {
    const year = st(2024, 12, { categories: ['城建'] }).overall;
    expect([year.projects, formatMoneyText(year.annualPlan)]).toEqual([131, '124.4亿元']);
    const feb = st(2024, 2, { categories: ['城建'] }).overall;
    expect(feb.startedNew + feb.resumed).toBe(92);
    expect(formatPercent(feb.startedNew + feb.resumed, feb.projects)).toBe('70.2%');
    expect(formatMoneyText(feb.completedToDate)).toBe('21.89亿元');
    expect(formatPercent(feb.completedToDate, feb.annualPlan)).toBe('17.6%');
  });

  it('乡村振兴: 98 projects (79 in 2023, +24.1%), 48.9亿元 (+0.4%), its three kinds, 84 under way by March (85.7%)', () => {
    const s = st(2024, 3, { categories: ['乡村振兴'] });
    expect([s.overall.projects, s.previous!.projects, formatChange(s.overall.projects, s.previous!.projects)]).toEqual([98, 79, '增长24.1%']);
    expect([formatMoneyText(s.overall.annualPlan), formatChange(s.overall.annualPlan, s.previous!.annualPlan)]).toEqual(['48.9亿元', '增长0.4%']);
    expect(['产业类', '基础设施类', '社会民生等其他类'].map((t) => key(s.byTag, t).projects)).toEqual([74, 21, 3]);
    expect(s.overall.startedNew + s.overall.resumed).toBe(84);
    expect(formatPercent(84, 98)).toBe('85.7%');
  });

  it('海洋产业: 84 projects, 207.7亿元, 51.6亿元, and its sub-industries', () => {
    const s = st(2024, 12, { categories: ['海洋产业'] });
    expect([s.overall.projects, formatMoneyText(s.overall.totalInvestment), formatMoneyText(s.overall.annualPlan)]).toEqual([84, '207.7亿元', '51.6亿元']);
    const sub = (t: string) => [key(s.byTag, t).projects, formatMoneyText(key(s.byTag, t).totalInvestment), formatMoneyText(key(s.byTag, t).annualPlan)];
    expect(sub('渔业')).toEqual([24, '11.2亿元', '5.1亿元']);
    expect(sub('海产品加工')).toEqual([16, '20.7亿元', '11亿元']);
    expect(sub('海洋高端装备')).toEqual([12, '34.5亿元', '8.4亿元']);
    expect(sub('冷链物流及滨海旅游等')).toEqual([32, '141.3亿元', '27.1亿元']);
  });

  it('tags across the list: 十强产业 602 of 649 产业项目 (92.8%), 先进制造业 499, 涉海 96, 七网 149 (2186.7亿元), 民生 71 (271.5亿元), 新能源 42', () => {
    const s = st(2024, 12);
    const tag = (t: string) => key(s.byTag, t);
    expect([tag('十强产业').projects, tag('产业项目').projects, formatPercent(602, 649)]).toEqual([602, 649, '92.8%']);
    expect(tag('先进制造业').projects).toBe(499);
    expect(tag('涉海').projects).toBe(96);
    expect([tag('七网基础设施').projects, formatMoneyText(tag('七网基础设施').totalInvestment)]).toEqual([149, '2186.7亿元']);
    expect([tag('民生').projects, formatMoneyText(tag('民生').totalInvestment)]).toEqual([71, '271.5亿元']);
    expect(tag('新能源').projects).toBe(42);
  });

  it('has plausible names from the seed and reports for every month of both years', () => {
    const names = db().prepare('SELECT name FROM projects').pluck().all() as string[];
    for (const n of ['石岛湾核电站扩建一期', '乳山口大桥', '威海新机场', '荣成国家级海洋牧场示范区']) expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
    // Every unit reported again by December (the gaps are in July and August, below).
    expect(st(2024, 12).overall.unreported).toBe(0);
    expect(st(2023, 12).overall.unreported).toBe(0);
  });

});

describe('a demo city that looks real (issue 15.7)', () => {
  it('spreads its districts apart: at the end of August completion rates at least 20 points apart, some ahead of 时序进度 and some behind', () => {
    const rates = st(2024, 8).byDistrict.map((d) => d.completionRate ?? 0);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThanOrEqual(0.2);
    expect(rates.some((r) => r > 8 / 12)).toBe(true);
    expect(rates.some((r) => r < 8 / 12 - 0.1)).toBe(true);
  });

  it('has red and yellow projects with their reasons, new projects due and not started, and unreported ones at August', () => {
    const s = st(2024, 8).overall;
    expect(s.warnings.red).toBeGreaterThan(0);
    // As few red as a real city has, so the bulletin's red list (attached whole) stays a page or two.
    expect(s.warnings.red).toBeLessThan(s.projects * 0.05);
    expect(s.warnings.yellow).toBeGreaterThan(0);
    expect(s.unreported).toBe(16);
    expect(st(2024, 7).overall.unreported).toBe(12);
    const reasons = db().prepare('SELECT count(*) FROM year_plans WHERE year = 2024 AND nature = ? AND planned_start_month <= 8').pluck().get('new') as number;
    expect(reasons).toBeGreaterThan(0);
    const unstarted = s.newProjects - s.startedNew;
    expect(unstarted).toBeGreaterThanOrEqual(10);
  });

  it('has problems of every type, some solved and some open for more than 30 days', () => {
    const c = problemCounts(db(), 2024, 8);
    expect(c.total).toBeGreaterThan(0);
    expect(c.solved).toBeGreaterThan(0);
    expect(c.open).toBeGreaterThan(0);
    const types = db().prepare('SELECT DISTINCT type FROM problems').pluck().all();
    expect(new Set(types)).toEqual(new Set(['land', 'funds', 'environment', 'energy', 'approval', 'demolition', 'other']));
    const overdue = db().prepare("SELECT count(*) FROM problems WHERE status = 'open' AND raised_date < '2024-08-01'").pluck().get() as number;
    expect(overdue).toBeGreaterThan(0);
  });

  it('gives 纳统 figures below the dispatch ones for some projects', () => {
    const below = db().prepare('SELECT count(DISTINCT project_id) FROM progress_reports WHERE year = 2024 AND month = 8 AND statistics_to_date < completed_to_date AND in_statistics = 1').pluck().get() as number;
    expect(below).toBeGreaterThan(0);
  });

  it('has seed 003’s ledgers: 168 tasks, 28 key tasks, 55 indicators, 11 pilots, 25 innovations', () => {
    const plans = listPlans(db());
    expect(plans.map((p) => p.name)).toEqual(['威海市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023—2025年）']);
    const items = ledgerItems(db(), plans[0]!.id);
    const count = (k: string) => items.filter((i) => i.ledger === k).length;
    expect(['tasks', 'keyTasks', 'indicators', 'pilots', 'innovations'].map(count)).toEqual([168, 28, 55, 11, 25]);
    expect(items.find((i) => i.content === '全社会研发经费投入强度')?.target).toBe('2.8');
  });

  it('puts the seeds’ real projects in the districts the seeds name', () => {
    const district = (name: string) => db().prepare('SELECT d.name FROM projects p JOIN districts d ON d.id = p.district_id WHERE p.name = ?').pluck().get(name);
    expect(district('石岛湾核电站扩建一期')).toBe('荣成市');
    expect(district('乳山口大桥')).toBe('乳山市');
    expect(district('荣成国家级海洋牧场示范区')).toBe('荣成市');
    expect(district('环翠区海峰路西延')).toBe('环翠区');
    expect(district('经区九龙河流域综合治理')).toBe('经区');
  });
});
