/**
 * What makes the demo city look like a real one (issue 15.7) without moving a figure of seed 000:
 * new projects due and not started (or started late) in the lagging districts, units that did not
 * report in July and August, 纳统 figures below the dispatch ones for some projects, problems of
 * every type (some solved, some open past 30 days), and the five ledgers of seed 003's action plan.
 * Only projects and months seed 000 does not state are touched: 城建 and 乡村振兴 keep their starts
 * (92 by February, 84 by March), February's reports are all there, and every amount stays.
 */
import { LEDGER_KIND_KEYS, type LedgerItem, type LedgerKind, type LedgerStatus } from '../../shared/ledgers';
import { money, type Money } from '../../shared/money';
import type { Db } from '../db/connection';
import { insertPlan, replaceLedgers } from '../db/ledgers';
import { insertProblem } from '../db/progress';
import { DEMO_PROBLEMS, LAGGING_DISTRICTS, type DemoProject } from './demo-data';

/** Categories whose starts seed 000 states (城建 by February, 乡村振兴 by March): never made late. */
const STATED_STARTS = new Set(['城建', '乡村振兴']);
/** A project's own stable number, from its name (the same library on every machine). */
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.codePointAt(0)!) >>> 0, 7);

/**
 * New projects of the lagging districts: ten due by June and not started by the end of the year
 * (red at August: three months or more late), six started in July or August, months after their
 * planned start.
 */
export function lagBehind(projects: DemoProject[]): void {
  const late = projects.filter((p) => p.in2024 && p.nature === 'new' && !STATED_STARTS.has(p.category) && LAGGING_DISTRICTS.includes(p.district));
  late.slice(0, 10).forEach((p, i) => ((p.startMonth = 13), (p.plannedStartMonth = 3 + (i % 4))));
  late.slice(10, 16).forEach((p, i) => ((p.startMonth = 7 + (i % 2)), (p.plannedStartMonth = 3)));
}

/** The projects whose unit sent no report for July and August 2024 (twelve), or for August only (four); back in September. */
export function demoReportGaps(projects: DemoProject[]): (p: DemoProject, year: number, month: number) => boolean {
  const county = projects.filter((p) => p.in2024 && p.in2023 && p.level === 'county' && LAGGING_DISTRICTS.includes(p.district) && !STATED_STARTS.has(p.category));
  const twoMonths = new Set(county.slice(0, 12));
  const august = new Set(county.slice(12, 16));
  return (p, year, month) => year === 2024 && ((twoMonths.has(p) && (month === 7 || month === 8)) || (august.has(p) && month === 8));
}

/**
 * The 纳统（统计入库）figure of a report in 2024: 0 before the project is registered, the dispatch
 * figure once it is, and for one project in three of the lagging districts 85 % of it (the
 * statistics office has not yet counted all of it). 2023's reports give none (null).
 */
export function statisticsFigure(p: DemoProject, year: number, completed: Money, inStatistics: boolean): Money | null {
  if (year !== 2024) return null;
  if (!inStatistics) return money(0);
  return LAGGING_DISTRICTS.includes(p.district) && hash(p.name) % 3 === 0 ? money(Math.floor((completed * 85) / 100 / 10_000) * 10_000) : completed;
}

const day = (month: number, d: number) => `2024-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Problems of 2024's projects, every type: the projects due and not started have their reason
 * (用地 or 手续), and projects across the districts (more in the lagging ones) have one of each
 * type in turn; about half solved within weeks, the rest open, the oldest since spring.
 */
export function demoProblems(db: Db, projects: DemoProject[], ids: Map<DemoProject, number>): number {
  const listed = projects.filter((p) => p.in2024);
  const unstarted = listed.filter((p) => p.startMonth > 12);
  const others = listed.filter((p) => p.startMonth <= 12 && (LAGGING_DISTRICTS.includes(p.district) ? hash(p.name) % 9 === 0 : hash(p.name) % 25 === 0));
  let n = 0;
  const add = (p: DemoProject, kind: (typeof DEMO_PROBLEMS)[number], raisedMonth: number, solvedAfterDays: number | null) => {
    const raised = day(raisedMonth, 5 + (hash(p.name) % 20));
    const solved = solvedAfterDays === null ? null : new Date(Date.parse(`${raised}T00:00:00Z`) + solvedAfterDays * 86_400_000).toISOString().slice(0, 10);
    insertProblem(db, {
      project_id: ids.get(p)!,
      year: 2024,
      type: kind.type,
      description: kind.description,
      owner_department: kind.department ?? `${p.district}人民政府`,
      raised_date: raised,
      status: solved ? 'solved' : 'open',
      solved_date: solved,
      resolution: solved ? '经协调已解决' : null,
    });
    n++;
  };
  unstarted.forEach((p, i) => add(p, DEMO_PROBLEMS[i % 2 === 0 ? 0 : 4]!, 3 + (i % 3), null));
  others.forEach((p, i) => {
    const kind = DEMO_PROBLEMS[i % DEMO_PROBLEMS.length]!;
    const raisedMonth = 2 + (i % 7);
    // Every other one solved 15–45 days later; the open ones raised before July are overdue at the end of August.
    add(p, kind, raisedMonth, i % 2 === 0 ? 15 + (i % 4) * 10 : null);
  });
  return n;
}

const PLAN = '威海市深化新旧动能转换推动绿色低碳高质量发展三年行动计划（2023—2025年）';
const TEN_TASKS = ['深化科技创新引领', '纵深推进动能转换', '坚持扩大内需战略', '持续放大生态优势', '全域建设精致城市', '推进乡村全面振兴', '用好改革“关键一招”', '推进文化自信自强', '扎实推进共同富裕', '坚持共建共治共享'];
const DEPARTMENTS: [string, string][] = [
  ['市科技局', '高新技术科'], ['市工业和信息化局', '产业发展科'], ['市发展改革委', '综合科'], ['市生态环境局', '综合科'], ['市住房城乡建设局', '城市更新科'],
  ['市农业农村局', '发展规划科'], ['市商务局', '对外贸易科'], ['市委宣传部', '文明创建科'], ['市民政局', '社会救助科'], ['市委政法委', '综合科'],
];
const LEADERS = ['谷衍宁', '隋同朋', '张宗浩', '李明远', '王建华'];
/** Seed 003's indicators with their 2025 targets. */
const INDICATORS: [string, string, string, string][] = [
  ['全社会研发经费投入强度', '%', '2.3', '2.8'], ['国家级、省级重点实验室', '家', '9', '13'], ['国家级、省级创新平台', '家', '320', '400'], ['制造业增加值占生产总值比重', '%', '32', '35'],
  ['“四新”经济增加值占生产总值比重', '%', '35', '40'], ['高新技术产业产值占规模以上工业总产值比重', '%', '60', '65'], ['社会消费品零售总额年均增长', '%', '4', '5'],
  ['非化石能源消费占比', '%', '15', '20'], ['空气质量优良天数比率', '%', '88', '90.9'], ['常住人口城镇化率', '%', '72', '75'], ['居民人均可支配收入年均增长', '%', '5', '5.5'], ['人均预期寿命', '岁', '81', '82'],
];
const KEY_TASKS = ['支持威海建设中日韩地方合作重要支点，打造宜居宜业宜游精致城市', '建设国家海洋综合试验场（威海）'];
const PILOTS = ['完善共同富裕政策体系，开展省级共同富裕试点', '持续发展海洋牧场和水产健康养殖、生态养殖示范区'];
const INNOVATIONS = ['打造特色产业园区', '突破发展高端医疗装备产业', '推进全龄友好型城市建设'];
const COUNTS: Record<LedgerKind, number> = { tasks: 168, keyTasks: 28, indicators: 55, pilots: 11, innovations: 25 };

/** Seed 003's action plan and its five ledgers: 168 tasks, 28 key tasks, 55 indicators, 11 pilots, 25 innovations. */
export function demoLedgers(db: Db, at: string): number {
  const planId = insertPlan(db, PLAN, at);
  const items: Omit<LedgerItem, 'id' | 'planId'>[] = [];
  for (const ledger of LEDGER_KIND_KEYS) {
    for (let i = 0; i < COUNTS[ledger]; i++) {
      const [department, office] = DEPARTMENTS[i % DEPARTMENTS.length]!;
      const area = TEN_TASKS[i % TEN_TASKS.length]!;
      const indicator = ledger === 'indicators' ? INDICATORS[i % INDICATORS.length]! : null;
      const named = { keyTasks: KEY_TASKS, pilots: PILOTS, innovations: INNOVATIONS, tasks: [], indicators: [] }[ledger];
      const content = indicator ? `${indicator[0]}${i >= INDICATORS.length ? `（${department.replace(/^市/, '')}）` : ''}` : (named[i] ?? `${area}：${['推进', '实施', '落实', '开展'][i % 4]}第${i + 1}项工作任务`);
      const status: LedgerStatus = i % 7 === 3 ? 'lagging' : i % 3 === 0 ? 'done' : 'onTrack';
      items.push({
        ledger,
        seq: i + 1,
        code: String(i + 1),
        content,
        leader: LEADERS[i % LEADERS.length]!,
        department,
        office,
        staff: `${office}工作人员`,
        q1: '制定工作方案',
        q2: '组织推进实施',
        q3: '开展中期评估',
        q4: '总结年度成效',
        progress: status === 'lagging' ? '进度滞后，正在协调推进' : status === 'done' ? '已完成年度任务' : '按计划推进',
        status,
        unit: indicator?.[1] ?? null,
        baseline: indicator?.[2] ?? null,
        target: indicator?.[3] ?? null,
        actual: indicator ? (status === 'lagging' ? indicator[2] : indicator[3]) : null,
        onTrack: indicator ? status !== 'lagging' : null,
      });
    }
  }
  replaceLedgers(db, planId, items, at);
  return items.length;
}
