/**
 * Deterministic sample projects for browser tests and benchmarks: names, districts, categories,
 * amounts and tags drawn from a seeded generator, so every run sees the same library.
 */
import type { Db } from '../../electron/db/connection';
import { addDistrict, ensureContactLeader, readLists } from '../../electron/db/lists';
import { copyYearPlans, insertProjectRecords, type NewProjectRecord } from '../../electron/db/projects';
import { insertProblem, insertReports, type ReportSnapshot } from '../../electron/db/progress';
import { money } from '../../shared/money';
import { nameInitials } from '../../electron/services/pinyin';

export const SAMPLE_DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区'];
const PLACES = ['西海岸', '石岛湾', '九龙河', '远遥', '乳山口', '海峰路', '卫城', '半月湾', '栖霞街', '长峰'];
const WORKS = ['海堤修复', '综合治理', '产业园', '智能装备', '冷链物流中心', '老旧小区改造', '污水处理厂', '新能源储能', '学校建设', '医疗中心'];
const LEVELS = ['province', 'city', 'county', 'county'] as const;
const STAGES = ['preparation', 'construction', 'construction', 'completed'] as const;

/** A small linear congruential generator: the same sequence on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/** Add `count` projects to `year`'s list, adding the sample districts and leaders if missing. */
export function seedSampleProjects(db: Db, year: number, count: number, seed = 7): number[] {
  return db
    .transaction(() => {
      const lists = readLists(db);
      const districtIds = SAMPLE_DISTRICTS.map((name) => lists.districts.find((d) => d.name === name)?.id ?? addDistrict(db, name));
      const leaderIds = ['张宗浩', '王军伟', '杨启玉', '崔继江'].map((n) => ensureContactLeader(db, n));
      const random = generator(seed);
      const records: NewProjectRecord[] = [];
      for (let i = 0; i < count; i++) {
        const name = `${SAMPLE_DISTRICTS[random(SAMPLE_DISTRICTS.length)]}${PLACES[random(PLACES.length)]}${WORKS[random(WORKS.length)]}项目${i + 1}`;
        const category = lists.categories[random(lists.categories.length)]!;
        const total = (random(500_000) + 500) * 10_000; // 500万元 .. 50亿元, in 元
        const isNew = random(2) === 0;
        records.push({
          project: {
            code: `${year}-${String(i + 1).padStart(5, '0')}`,
            name,
            name_initials: nameInitials(name),
            district_id: districtIds[random(districtIds.length)]!,
            owner_unit: `${PLACES[random(PLACES.length)]}建设有限公司`,
            scope: `建设${WORKS[random(WORKS.length)]}，总建筑面积${random(90_000) + 1000}平方米`,
            start_year: isNew ? year : year - 1 - random(2),
            end_year: year + random(3),
            start_date: null,
            stage: STAGES[random(STAGES.length)]!,
            total_investment: money(total),
            contact_leader_id: leaderIds[random(leaderIds.length)]!,
            responsible_unit: null,
            responsible_person: null,
            phone: null,
            created_at: `${year}-01-01T00:00:00+08:00`,
            updated_at: `${year}-01-01T00:00:00+08:00`,
            tags: random(3) === 0 ? [lists.tags[random(lists.tags.length)]!.id] : [],
          },
          yearPlan: {
            year,
            level: LEVELS[random(LEVELS.length)]!,
            category_id: category.id,
            lead_department: category.leadDepartment,
            nature: isNew ? 'new' : 'continued',
            annual_plan: money(Math.floor(total / (2 + random(4)) / 10_000) * 10_000),
            planned_start_month: isNew ? 1 + random(12) : null,
          },
        });
      }
      return insertProjectRecords(db, records).map((r) => r.id);
    })
    .immediate();
}

/**
 * A provincial-scale library: `projects` projects on the list of every year in `years`, with a
 * report for every month of every year (20,000 × 12 × 4 ≈ 1,000,000 reports). Deterministic.
 */
export function seedProvincial(db: Db, options: { projects: number; years: number[]; seed?: number }): { reports: number } {
  seedSampleProjects(db, options.years[0]!, options.projects, options.seed ?? 11);
  return { reports: seedReportsOnly(db, options.years, options.seed ?? 11) };
}

/**
 * Put the first year's projects on the other years' lists and give every project a report for
 * every month of every year, in one transaction. Returns the number of reports.
 */
export function seedReportsOnly(db: Db, years: number[], seed = 11): number {
  const [first, ...rest] = years;
  const random = generator(seed);
  const plans = db.prepare('SELECT project_id AS id, annual_plan AS plan FROM year_plans WHERE year = ?').all(first) as { id: number; plan: number }[];
  let count = 0;
  db.transaction(() => {
    for (const year of rest) copyYearPlans(db, first!, year);
    for (const year of years) {
      const reports: ReportSnapshot[] = [];
      for (const { id, plan } of plans) {
        const pace = 60 + random(60); // % of the plan done by December
        const startMonth = 1 + random(4);
        for (let month = 1; month <= 12; month++) {
          reports.push({
            project_id: id, year, month, completed_to_date: money(Math.floor((((plan * pace) / 100) * month) / 12 / 10_000) * 10_000),
            started: month >= startMonth ? 1 : 0, resumed: month >= startMonth ? 1 : 0, start_date: null, in_statistics: month > 2 ? 1 : 0,
            completed: 0, in_production: 0, visual_progress: null, reported_at: `${year}-${String(month).padStart(2, '0')}-25`,
          });
        }
      }
      insertReports(db, reports);
      count += reports.length;
    }
  }).immediate();
  return count;
}

/**
 * A library with the figures of seed 004 (a reply to a CPPCC proposal): 270 province and city
 * projects for `year`, 总投资1372.23亿元, 年计划投资380.52亿元, completed by August 340.43亿元;
 * of them 27 province-level, 353.89亿元, 85.7亿元, 50.64亿元; 24 projects with 31 problems raised
 * by the end of August, 19 solved. Amounts are spread evenly, the remainder on the last project.
 */
export function seedReply004(db: Db, year = 2023): void {
  const 亿 = 100_000_000;
  const spread = (total: number, n: number) => Array.from({ length: n }, (_, i) => (i < n - 1 ? Math.floor(total / n) : total - Math.floor(total / n) * (n - 1)));
  db.transaction(() => {
    const lists = readLists(db);
    const districtId = lists.districts[0]?.id ?? addDistrict(db, '海港区');
    const category = lists.categories[0]!;
    const groups = [
      { level: 'province' as const, n: 27, total: Math.round(353.89 * 亿), plan: Math.round(85.7 * 亿), done: Math.round(50.64 * 亿) },
      { level: 'city' as const, n: 243, total: Math.round((1372.23 - 353.89) * 亿), plan: Math.round((380.52 - 85.7) * 亿), done: Math.round((340.43 - 50.64) * 亿) },
    ];
    const reports: ReportSnapshot[] = [];
    let seq = 0;
    for (const g of groups) {
      const totals = spread(g.total, g.n);
      const plans = spread(g.plan, g.n);
      const done = spread(g.done, g.n);
      const records: NewProjectRecord[] = totals.map((total, i) => {
        seq++;
        const name = `${g.level === 'province' ? '省重点' : '市重点'}建设项目${seq}`;
        return {
          project: {
            code: `${year}-${seq}`, name, name_initials: nameInitials(name), district_id: districtId, owner_unit: null, scope: null, start_year: year - 1,
            end_year: year + 1, start_date: null, stage: 'construction', total_investment: money(total), contact_leader_id: null, responsible_unit: null,
            responsible_person: null, phone: null, created_at: `${year}-01-01T00:00:00+08:00`, updated_at: `${year}-01-01T00:00:00+08:00`,
          },
          yearPlan: { year, level: g.level, category_id: category.id, lead_department: category.leadDepartment, nature: i % 2 ? 'continued' : 'new', annual_plan: money(plans[i]!), planned_start_month: i % 2 ? null : 3 },
        };
      });
      const ids = insertProjectRecords(db, records).map((r) => r.id);
      ids.forEach((id, i) =>
        reports.push({
          project_id: id, year, month: 8, completed_to_date: money(done[i]!), started: 1, resumed: 1, start_date: null, in_statistics: 1, completed: 0,
          in_production: 0, visual_progress: null, reported_at: `${year}-08-25`,
        }),
      );
      if (g.level === 'city') {
        // 31 problems on 24 projects (the first seven have two), 19 solved by the end of August,
        // and one raised in September, which an August reply must not count.
        for (let p = 0; p < 32; p++) {
          const projectId = ids[p < 24 ? p : p - 24]!;
          insertProblem(db, {
            project_id: projectId, year, type: 'land', description: `问题${p + 1}`, owner_department: '自然资源和规划局',
            raised_date: p === 31 ? `${year}-09-02` : `${year}-0${1 + (p % 7)}-10`, status: p < 19 || p === 31 ? 'solved' : 'open',
            solved_date: p < 19 ? `${year}-08-20` : p === 31 ? `${year}-09-05` : null, resolution: null,
          });
        }
      }
    }
    insertReports(db, reports);
  }).immediate();
}
