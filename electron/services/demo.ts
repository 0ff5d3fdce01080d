/**
 * 示例项目库: a deterministic library of a city whose statistics reproduce, figure for figure, the
 * 2024 key-project press conference of ../shared/seeds/000 (896 projects, 总投资4399.6亿元, 年度计划投资
 * 1041.9亿元, growth 15.8%/31.3%/5.2% over 2023, every category's numbers, tags, size buckets, starts).
 *
 * The library is built from cohorts: groups of projects with a count, a sum of total investment
 * (and sometimes of annual plan) and, where the seed needs it, a size bucket. Amounts are spread
 * over a cohort in whole 万元 so that they add up exactly. Tags and levels are then dealt out.
 */
import type { Db } from '../db/connection';
import { addDistrict, ensureContactLeader, ensureTags, readLists } from '../db/lists';
import { insertReports, type ReportSnapshot } from '../db/progress';
import { money } from '../../shared/money';
import { insertProjectRecords, insertYearPlan, type NewProjectRecord } from '../db/projects';
import { nameInitials } from './pinyin';
import { CITY_LEADERS, COUNTY_LEADERS, DEMO_DISTRICTS, DISTRICT_PACE, NAME_PARTS, SEED_NAMES, seedDistrict, type DemoProject } from './demo-data';
import { demoLedgers, demoProblems, demoReportGaps, lagBehind, statisticsFigure } from './demo-life';

export { DEMO_DISTRICTS } from './demo-data';

const 亿 = 10_000; // in 万元
const WAN = 10_000; // 元 per 万元

/** A small deterministic generator (the same library on every machine). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `total` 万元 spread over `n` projects, each at least `min` (万元), by weights between 0.6 and 1.4,
 * in whole 万元, adding up exactly.
 */
function spread(total: number, n: number, random: () => number, min = 0): number[] {
  const extra = total - n * min;
  if (n === 0) return [];
  if (extra < 0) throw new Error(`cohort of ${n} cannot hold ${total}万元 at ${min}万元 each`);
  const weights = Array.from({ length: n }, () => 0.6 + 0.8 * random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const values = weights.map((w) => min + Math.floor((extra * w) / sum));
  let rest = total - values.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest--) values[i]!++;
  return values;
}

/** `total` 万元 spread in proportion to `basis` (plans in proportion to total investment), exactly. */
function proportional(total: number, basis: readonly number[]): number[] {
  const sum = basis.reduce((a, b) => a + b, 0);
  const values = basis.map((b) => Math.floor((total * b) / sum));
  let rest = total - values.reduce((a, b) => a + b, 0);
  const order = basis.map((b, i) => [b, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) values[order[k]![1]]!++;
  return values;
}


function makeName(category: string, district: string, index: number, random: () => number, used: Set<string>): string {
  const seeds = SEED_NAMES[category] ?? [];
  if (index < seeds.length && !used.has(seeds[index]!)) {
    used.add(seeds[index]!);
    return seeds[index]!;
  }
  const [subjects, suffixes] = NAME_PARTS[category]!;
  for (let attempt = 0; ; attempt++) {
    const name = `${district}${subjects[Math.floor(random() * subjects.length)]}${suffixes[Math.floor(random() * suffixes.length)]}${attempt ? attempt + 1 : ''}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** The cohorts of the seed, and the projects made from them. */
function buildProjects(): DemoProject[] {
  const random = generator(2024);
  const projects: DemoProject[] = [];
  const used = new Set<string>();
  let districtTurn = 0;
  const cohort = (
    category: string,
    count: number,
    totalWan: number,
    options: { newCount?: number; min?: number; tags?: string[]; only2023?: boolean; planWan?: number } = {},
  ): DemoProject[] => {
    const totals = spread(totalWan, count, random, options.min ?? Math.floor(totalWan / count / 8));
    const made = totals.map((total, i) => {
      const turn = DEMO_DISTRICTS[districtTurn++ % DEMO_DISTRICTS.length]!;
      const isNew = !options.only2023 && i < (options.newCount ?? 0);
      const name = makeName(category, turn, projects.filter((p) => p.category === category).length + i, random, used);
      // A real project of the seeds stands in the district the seeds name.
      const district = seedDistrict(name) ?? turn;
      return {
        name,
        category,
        nature: isNew ? 'new' : 'continued',
        in2024: !options.only2023,
        in2023: options.only2023 === true || !isNew,
        total,
        plan2024: 0,
        plan2023: 0,
        tags: [...(options.tags ?? [])],
        district,
        level: 'county',
        leader: null,
        startMonth: 1,
        startMonth2023: 1,
        pace: (0.7 + 0.4 * random()) * DISTRICT_PACE[district],
        plannedStartMonth: isNew ? 1 + Math.floor(random() * 5) : null,
      } satisfies DemoProject;
    });
    if (options.planWan !== undefined) proportional(options.planWan, made.map((p) => p.total)).forEach((plan, i) => (made[i]!.plan2024 = plan));
    projects.push(...made);
    return made;
  };

  // 工业: 311 projects, 1246.2亿元, 新建142 / 续建169; size buckets 2024 (and 2023 via the continued ones).
  const big = (n: number, avg: number, min: number, newCount: number) => ({ n, total: Math.round(n * avg), min, newCount });
  const industry = [
    // continued (on 2023's list too): ≥30亿 3, 10–30亿 16, 1–10亿 100, <1亿 50
    big(3, 40 * 亿, 30 * 亿, 0),
    big(16, 16 * 亿, 10 * 亿, 0),
    big(100, 3 * 亿, 1 * 亿, 0),
    big(50, 0.5 * 亿, 500, 0),
    // new in 2024: ≥30亿 4, 10–30亿 8, 1–10亿 75, <1亿 55
    big(4, 40 * 亿, 30 * 亿, 4),
    big(8, 16 * 亿, 10 * 亿, 8),
    big(75, 3 * 亿, 1 * 亿, 75),
    big(55, 0.5 * 亿, 500, 55),
  ];
  const industrySum = industry.reduce((s, c) => s + c.total, 0);
  industry[6]!.total += 1246.2 * 亿 - industrySum; // the 1–10亿 new cohort takes up the difference
  const industryProjects = industry.flatMap((c) => cohort('工业', c.n, c.total, { min: c.min, newCount: c.newCount }));
  proportional(401.7 * 亿, industryProjects.map((p) => p.total)).forEach((plan, i) => (industryProjects[i]!.plan2024 = plan));

  // 科技创新: 142 projects, 91.6亿元, plan 29.6亿元; 0-1颠覆性 4, 卡脖子 18, 国产化替代 37, 变革性迭代 49.
  const tech = cohort('科技创新', 142, 91.6 * 亿, { newCount: 80, planWan: 29.6 * 亿 });
  dealTags(tech, [['0-1颠覆性技术', 4], ['卡脖子技术', 18], ['国产化替代技术', 37], ['变革性技术迭代', 49]]);

  // 海洋产业: 84 projects, 207.7亿元, plan 51.6亿元, by sub-industry.
  const ocean = [
    cohort('海洋产业', 24, 11.2 * 亿, { newCount: 10, planWan: 5.1 * 亿, tags: ['渔业'] }),
    cohort('海洋产业', 16, 20.7 * 亿, { newCount: 7, planWan: 11 * 亿, tags: ['海产品加工'] }),
    cohort('海洋产业', 12, 34.5 * 亿, { newCount: 5, planWan: 8.4 * 亿, tags: ['海洋高端装备'] }),
    cohort('海洋产业', 32, 141.3 * 亿, { newCount: 14, planWan: 27.1 * 亿, tags: ['冷链物流及滨海旅游等'] }),
  ].flat();

  // 城建: 131 projects, plan 124.4亿元: 七网 49 (386.7亿), 民生 51 (171.5亿), others 31 (85.9亿).
  const urban = [
    cohort('城建', 49, 386.7 * 亿, { newCount: 20, tags: ['七网基础设施'] }),
    cohort('城建', 51, 171.5 * 亿, { newCount: 20, tags: ['民生'] }),
    cohort('城建', 31, 85.9 * 亿, { newCount: 10 }),
  ].flat();
  proportional(124.4 * 亿, urban.map((p) => p.total)).forEach((plan, i) => (urban[i]!.plan2024 = plan));

  // 乡村振兴: 98 projects, 160亿元, plan 48.9亿元; 产业类 74, 基础设施类 21, 社会民生等其他类 3.
  const rural = cohort('乡村振兴', 98, 160 * 亿, { newCount: 40, planWan: 48.9 * 亿 });
  dealTags(rural, [['产业类', 74], ['基础设施类', 21], ['社会民生等其他类', 3]]);

  // 基础设施及公共服务: 130 projects: 七网 100 (1800亿), 民生 20 (100亿), others 10 (150亿); the rest of the plan.
  const infrastructure = [
    cohort('基础设施及公共服务', 100, 1800 * 亿, { newCount: 35, tags: ['七网基础设施'] }),
    cohort('基础设施及公共服务', 20, 100 * 亿, { newCount: 6, tags: ['民生'] }),
    cohort('基础设施及公共服务', 10, 150 * 亿, { newCount: 4 }),
  ].flat();
  const otherPlans = [industryProjects, tech, ocean, urban, rural].flat().reduce((s, p) => s + p.plan2024, 0);
  proportional(1041.9 * 亿 - otherPlans, infrastructure.map((p) => p.total)).forEach((plan, i) => (infrastructure[i]!.plan2024 = plan));

  // Tags across the list (seed 000): 产业项目 649 of which 十强产业 602; 先进制造业 499; 涉海 96; 新能源 42.
  const industrial = [...industryProjects, ...tech, ...ocean, ...rural.filter((p) => p.tags.includes('产业类')), ...urban.slice(100, 131), ...infrastructure.slice(120, 127)];
  industrial.forEach((p) => p.tags.push('产业项目'));
  industrial.slice(0, 602).forEach((p) => p.tags.push('十强产业'));
  [...industryProjects, ...tech, ...ocean.filter((p) => !p.tags.includes('渔业') && !p.tags.includes('海产品加工')).slice(0, 44), ...ocean.filter((p) => p.tags.includes('海产品加工')).slice(0, 2)].forEach((p) =>
    p.tags.push('先进制造业'),
  );
  [...ocean, ...infrastructure.slice(0, 12)].forEach((p) => p.tags.push('涉海'));
  dealTags(industryProjects, [['智改数转', 166]], 0);
  dealTags(industryProjects, [['产业链', 199]], 50);
  dealTags(industryProjects, [['新能源及绿色化', 81]], 100);
  industryProjects.filter((p) => p.tags.includes('新能源及绿色化')).slice(0, 42).forEach((p) => p.tags.push('新能源'));

  // 2023: the continued projects were on its list; 271 more projects finished that year.
  const only2023 = [
    ...cohort('工业', 68, 170 * 亿, { only2023: true, min: 1 * 亿 }),
    ...cohort('工业', 40, 16 * 亿, { only2023: true, min: 500 }),
    ...cohort('科技创新', 70, 40 * 亿, { only2023: true }),
    ...cohort('城建', 40, 150 * 亿, { only2023: true }),
    ...cohort('乡村振兴', 21, 60 * 亿, { only2023: true }),
    ...cohort('海洋产业', 30, 90 * 亿, { only2023: true }),
  ];
  const shared = projects.filter((p) => p.in2023 && p.in2024);
  const target2023 = 3350.8 * 亿;
  const fixedSum = [...shared, ...only2023].reduce((s, p) => s + p.total, 0);
  cohort('基础设施及公共服务', 2, target2023 - fixedSum, { only2023: true, min: 1 * 亿 });
  plan2023(projects);
  assignLevelsAndLeaders(projects.filter((p) => p.in2024));
  assignLevelsAndLeaders(projects.filter((p) => !p.in2024));
  assignStarts(projects, random);
  lagBehind(projects);
  return projects;
}

/** Deal tags to the first projects of a list, from an offset, in order (counts exact). */
function dealTags(list: DemoProject[], tags: [string, number][], offset = 0): void {
  let i = offset;
  for (const [tag, count] of tags) for (let k = 0; k < count; k++) list[i++ % list.length]!.tags.push(tag);
}

/** 2023's annual plans: 990.4亿元 in all, 科技创新 27.8亿元, 乡村振兴 48.7亿元. */
function plan2023(projects: DemoProject[]): void {
  const listed = projects.filter((p) => p.in2023);
  const tech = listed.filter((p) => p.category === '科技创新');
  const rural = listed.filter((p) => p.category === '乡村振兴');
  const others = listed.filter((p) => p.category !== '科技创新' && p.category !== '乡村振兴');
  proportional(27.8 * 亿, tech.map((p) => p.total)).forEach((v, i) => (tech[i]!.plan2023 = v));
  proportional(48.7 * 亿, rural.map((p) => p.total)).forEach((v, i) => (rural[i]!.plan2023 = v));
  proportional((990.4 - 27.8 - 48.7) * 亿, others.map((p) => p.total)).forEach((v, i) => (others[i]!.plan2023 = v));
}

/** The 271 largest projects of 2024 are province/city level (60 province), led by 32 city leaders. */
function assignLevelsAndLeaders(list: DemoProject[]): void {
  const bySize = [...list].sort((a, b) => b.total - a.total);
  const provinceCity = list.length === 896 ? 271 : Math.round(list.length * 0.3);
  bySize.forEach((p, i) => {
    p.level = i < provinceCity * 0.22 ? 'province' : i < provinceCity ? 'city' : 'county';
    p.leader = i < provinceCity ? CITY_LEADERS[i % CITY_LEADERS.length]! : COUNTY_LEADERS[p.district][i % 2]!;
  });
}

/**
 * When work starts: 城建 has 92 of 131 started or resumed by the end of February, 乡村振兴 84 of 98
 * by the end of March; the others start between January and April. 2023's all start by March.
 */
function assignStarts(projects: DemoProject[], random: () => number): void {
  for (const p of projects) {
    p.startMonth = 1 + Math.floor(random() * 4);
    p.startMonth2023 = 1 + Math.floor(random() * 3);
  }
  const urban = projects.filter((p) => p.in2024 && p.category === '城建');
  urban.forEach((p, i) => (p.startMonth = i < 92 ? 1 + (i % 2) : 3 + (i % 3)));
  const rural = projects.filter((p) => p.in2024 && p.category === '乡村振兴');
  rural.forEach((p, i) => (p.startMonth = i < 84 ? 1 + (i % 3) : 4 + (i % 2)));
  for (const p of projects) if (p.nature === 'new' && p.plannedStartMonth !== null) p.plannedStartMonth = Math.min(p.plannedStartMonth, p.startMonth);
}

/** Seasonal shape of a year's cumulative investment (share of the year's total by month). */
const SHAPE = [0.04, 0.1, 0.18, 0.26, 0.35, 0.44, 0.53, 0.62, 0.71, 0.8, 0.9, 1];
/** 城建 front-loads its works (the seed's "开门红": 17.6% of the plan by the end of February). */
const SHAPE_URBAN = [0.12, 0.26, 0.34, 0.41, 0.48, 0.55, 0.62, 0.69, 0.77, 0.85, 0.93, 1];

function reportsFor(p: DemoProject, year: 2023 | 2024, febUrbanScale: number): ReportSnapshot[] {
  const plan = year === 2024 ? p.plan2024 : p.plan2023;
  const start = year === 2024 ? p.startMonth : p.startMonth2023;
  const isNew = year === 2024 && p.nature === 'new';
  const shape = year === 2024 && p.category === '城建' ? SHAPE_URBAN : SHAPE;
  return shape.map((share, m) => {
    const month = m + 1;
    const started = month >= start;
    let completed = started ? Math.floor(plan * p.pace * share) : 0;
    if (year === 2024 && p.category === '城建' && month <= 2) completed = Math.floor(completed * febUrbanScale);
    const inStatistics = month >= start + 1;
    return {
      project_id: 0,
      year,
      month,
      completed_to_date: money(completed * WAN),
      statistics_to_date: statisticsFigure(p, year, money(completed * WAN), inStatistics),
      started: isNew && started ? 1 : 0,
      resumed: !isNew && started ? 1 : 0,
      start_date: null,
      in_statistics: inStatistics ? 1 : 0,
      completed: 0,
      in_production: 0,
      visual_progress: started ? (month < 6 ? '主体施工' : month < 10 ? '设备安装' : '收尾') : '前期手续办理',
      reported_at: `${year}-${String(month).padStart(2, '0')}-25`,
    };
  });
}

/** Fill an empty (just created) library with the demo city. Deterministic. */
export function fillDemoLibrary(db: Db, at: string): { projects: number; reports: number; problems: number; ledgerItems: number } {
  const projects = buildProjects();
  const counts = { reports: 0, problems: 0, ledgerItems: 0 };
  db.transaction(() => {
    const lists = readLists(db);
    const districtIds = new Map(DEMO_DISTRICTS.map((d) => [d, lists.districts.find((x) => x.name === d)?.id ?? addDistrict(db, d)]));
    const categories = new Map(lists.categories.map((c) => [c.name, c]));
    const leaderIds = new Map<string, number>();
    const leaderId = (name: string | null) => (name === null ? null : (leaderIds.get(name) ?? leaderIds.set(name, ensureContactLeader(db, name)).get(name)!));
    const record = (p: DemoProject, year: 2023 | 2024): NewProjectRecord => {
      const category = categories.get(p.category)!;
      return {
        project: {
          code: null,
          name: p.name,
          name_initials: nameInitials(p.name),
          district_id: districtIds.get(p.district)!,
          owner_unit: `${p.district}${p.category === '工业' ? '实业' : '建设发展'}有限公司`,
          scope: null,
          start_year: year === 2024 && p.nature === 'new' ? 2024 : 2023,
          end_year: p.in2024 ? 2025 + (p.total % 3) : 2023,
          start_date: null,
          stage: null,
          total_investment: money(p.total * WAN),
          contact_leader_id: leaderId(p.leader),
          responsible_unit: null,
          responsible_person: null,
          phone: null,
          created_at: at,
          updated_at: at,
          tags: ensureTags(db, p.tags),
        },
        yearPlan: {
          year,
          level: p.level,
          category_id: category.id,
          lead_department: category.leadDepartment,
          nature: year === 2024 ? p.nature : p.in2024 ? 'new' : 'continued',
          annual_plan: money((year === 2024 ? p.plan2024 : p.plan2023) * WAN),
          planned_start_month: year === 2024 ? p.plannedStartMonth : null,
          stage: 'construction',
        },
      };
    };
    const in2024 = projects.filter((p) => p.in2024);
    const ids2024 = insertProjectRecords(db, in2024.map((p) => record(p, 2024)));
    const ids = new Map(in2024.map((p, i) => [p, ids2024[i]!.id]));
    // 2024's continued projects were on 2023's list too.
    let order = 1;
    for (const p of in2024.filter((x) => x.in2023)) {
      const r = record(p, 2023).yearPlan;
      insertYearPlan(db, { ...r, project_id: ids.get(p)!, sort_order: order++ });
    }
    const only2023 = projects.filter((p) => !p.in2024);
    insertProjectRecords(db, only2023.map((p) => record(p, 2023))).forEach(({ id }, i) => ids.set(only2023[i]!, id));

    // 城建 by the end of February: exactly 21.89亿元 completed (17.6% of 124.4亿元).
    const urban = in2024.filter((p) => p.category === '城建');
    const febRaw = urban.reduce((s, p) => s + reportsFor(p, 2024, 1)[1]!.completed_to_date / WAN, 0);
    const scale = (21.89 * 亿) / febRaw;
    const reports: ReportSnapshot[] = [];
    const missing = demoReportGaps(projects);
    for (const p of projects) {
      for (const year of [2023, 2024] as const) {
        if ((year === 2024 && !p.in2024) || (year === 2023 && !p.in2023)) continue;
        for (const r of reportsFor(p, year, scale)) if (!missing(p, year, r.month)) reports.push({ ...r, project_id: ids.get(p)! });
      }
    }
    // The rounding leaves 城建's February a few 万元 short: the largest project takes up the rest.
    const feb = reports.filter((r) => r.year === 2024 && r.month === 2 && urban.some((p) => ids.get(p) === r.project_id));
    const short = 21.89 * 亿 * WAN - feb.reduce((s, r) => s + r.completed_to_date, 0);
    const largest = feb.reduce((a, b) => (b.completed_to_date > a.completed_to_date ? b : a));
    largest.completed_to_date = money(largest.completed_to_date + short);
    if (largest.statistics_to_date) largest.statistics_to_date = money(largest.statistics_to_date + short);
    insertReports(db, reports);
    counts.reports = reports.length;
    counts.problems = demoProblems(db, projects, ids);
    counts.ledgerItems = demoLedgers(db, at);
  }).immediate();
  return { projects: projects.length, ...counts };
}
