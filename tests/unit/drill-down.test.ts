/**
 * Figures that drill down exactly (issue 14, item 7): every figure of every draft kind and every
 * chart item, on the demo city, opens exactly the projects it counts — as many as it says, or
 * projects whose amounts add up to what it says — composite figures (size buckets, a level subset,
 * "其中" parts) included; a figure's entry is its own sentence's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { buildDraft } from '../../electron/services/drafts/index';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import { monthlyTrend, statistics } from '../../electron/services/statistics';
import { analysisCharts } from '../../shared/charts';
import { DRAFT_KINDS, type Draft, type DraftKind, type Figure } from '../../shared/drafts';
import type { ProjectFigures } from '../../shared/statistics';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let demo: TempLibrary;
const MONTH = 4;
beforeAll(() => {
  demo = createTempLibrary({ now: () => new Date(2024, 4, 10) });
  const db = demo.ctx.library!.db;
  fillDemoLibrary(db, 'x');
  // 18 projects did not report for April (their March figures carry forward), and problems were raised.
  db.prepare('DELETE FROM progress_reports WHERE year = 2024 AND month = ? AND project_id IN (SELECT project_id FROM year_plans WHERE year = 2024 ORDER BY project_id LIMIT 18)').run(MONTH);
  const ids = (db.prepare('SELECT project_id FROM year_plans WHERE year = 2024 ORDER BY project_id DESC LIMIT 3').all() as { project_id: number }[]).map((r) => r.project_id);
  const problem = db.prepare("INSERT INTO problems (project_id, year, type, description, raised_date, status, solved_date) VALUES (?, 2024, 'land', '用地', ?, ?, ?)");
  problem.run(ids[0], '2024-03-02', 'open', null);
  problem.run(ids[0], '2024-03-05', 'solved', '2024-04-20');
  problem.run(ids[1], '2024-04-01', 'solved', '2024-04-25');
  problem.run(ids[2], '2024-05-03', 'open', null); // after April: not counted
});
afterAll(() => demo.close());

const behind = (f: Figure) => projectsBehind(demo.ctx, f.source);
const sum = (ps: ProjectFigures[], field: 'totalInvestment' | 'annualPlan' | 'completedToDate') => ps.reduce((n, p) => n + p[field], 0);

/** What an amount's text says, in 元, and how far the exact sum may be from it (half its last digit). */
function amountOf(text: string): { value: number; tolerance: number } {
  const m = /^(-?[\d,]+(?:\.(\d+))?)(亿元|万元)?$/.exec(text.replace(/,/g, ''))!;
  expect(m, `an amount: ${text}`).not.toBeNull();
  const unit = m[3] === '万元' ? 10_000 : 100_000_000; // tables write bare 亿元 figures
  // Exactly: the digits as an integer, scaled (2.49亿元 is 249 × 10^8 ÷ 10^2, not 2.49 × 10^8 in binary).
  const decimals = m[2]?.length ?? 0;
  return { value: (Number(m[1]!.replace('.', '')) * unit) / 10 ** decimals, tolerance: (unit * 10 ** -decimals) / 2 };
}

function draftOf(kind: DraftKind): Draft {
  const params: Record<string, string> = kind === 'supervision' ? { projectName: statisticsFirstRed() } : {};
  return buildDraft(demo.ctx, { kind, year: 2024, month: MONTH, params });
}

function statisticsFirstRed(): string {
  return projectsBehind(demo.ctx, { year: 2024, month: MONTH, where: [{ dimension: 'warning', keys: ['red'] }] })[0]!.name;
}

describe('drill-down', () => {
  it('opens exactly the projects of the issue’s examples (red, unreported, unstarted new, 1亿元以上, a level subset)', () => {
    const bulletin = draftOf('bulletin');
    const find = (label: string, text?: string) => bulletin.figures.find((f) => f.label === label && (text === undefined || f.text === text))!;
    const st = statistics(demo.ctx.library!.db, 2024, MONTH).overall;
    expect(st.warnings.red).toBeGreaterThan(0);
    expect(st.unreported).toBe(18);
    // The bulletin writes it with its counting word ("3个"), the clause built for it (未发现… when none).
    expect(behind(find('红色预警（全市）', `${st.warnings.red}个`)).length).toBe(st.warnings.red);
    expect(new Set(behind(find('红色预警（全市）', `${st.warnings.red}个`)).map((p) => p.warning))).toEqual(new Set(['red']));
    expect(behind(find('未报送（全市）')).length).toBe(18);
    expect(behind(find('未报送（全市）')).every((p) => !p.reported)).toBe(true);
    const unstarted = find('未开工新建项目（全市）');
    expect(behind(unstarted).length).toBe(Number.parseInt(unstarted.text, 10));
    expect(behind(unstarted).every((p) => p.nature === 'new' && !p.startedNew)).toBe(true);
    // "其中已到开工时间节点的N个": a figure of its own, opening the due ones only.
    const due = find('已到开工时间节点未开工（全市）');
    expect(Number.parseInt(due.text, 10)).toBeLessThan(Number.parseInt(unstarted.text, 10));
    expect(behind(due).length).toBe(Number.parseInt(due.text, 10));
    expect(behind(due).every((p) => p.nature === 'new' && !p.startedNew)).toBe(true);

    const press = draftOf('press-conference');
    const over1yi = press.figures.find((f) => f.label === '1亿元以上项目（工业·1亿元以上）')!;
    expect(over1yi.text).toBe('206个');
    expect(behind(over1yi).length).toBe(206);
    expect(behind(over1yi).every((p) => p.category === '工业' && p.totalInvestment >= 100_000_000)).toBe(true);
    const reply = draftOf('proposal-reply');
    const pc = reply.figures.find((f) => f.label === '项目个数（省、市）')!;
    expect(new Set(behind(pc).map((p) => p.level))).toEqual(new Set(['province', 'city']));
    // The demo city's own problems raised by the end of April, and the two projects above (ids[2]'s is raised in May).
    const withProblems = demo.ctx.library!.db.prepare("SELECT count(DISTINCT pr.project_id) FROM problems pr JOIN year_plans yp ON yp.project_id = pr.project_id AND yp.year = 2024 WHERE pr.raised_date <= '2024-04-30'").pluck().get() as number;
    expect(withProblems).toBeGreaterThan(2);
    const problems = reply.figures.find((f) => f.label === '有问题的项目（全市）')!;
    expect([problems.text, behind(problems).length]).toEqual([`${withProblems}`, withProblems]);
  }, 60_000);

  it('every figure of every draft kind: its projects number what it counts, or add up to the amount it says', () => {
    let checked = 0;
    for (const kind of DRAFT_KINDS) {
      const draft = draftOf(kind);
      for (const f of draft.figures) {
        expect(f.measure, `${kind} ${f.label}`).not.toBeUndefined();
        if (f.measure === null) continue;
        const ps = behind(f);
        if (f.measure === 'count') {
          expect([kind, f.label, ps.length]).toEqual([kind, f.label, Number.parseInt(f.text, 10)]);
          expect(f.text).toMatch(/^\d+[个项宗]?$/);
        } else {
          const { value, tolerance } = amountOf(f.text);
          expect(Math.abs(sum(ps, f.measure) - value), `${kind} ${f.label} ${f.text}`).toBeLessThanOrEqual(tolerance);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  }, 300_000);

  it('never lets two different sentences share one entry of the figure list', () => {
    for (const kind of DRAFT_KINDS) {
      const draft = draftOf(kind);
      const byId = new Map(draft.figures.map((f) => [f.id, f]));
      const runs = draft.blocks.flatMap((b) => ('runs' in b ? b.runs : b.kind === 'table' ? b.rows.flat(2) : [])).filter((r) => r.figure);
      for (const r of runs) expect([kind, r.text]).toEqual([kind, byId.get(r.figure!)!.text]);
    }
  });

  it('every item of every chart opens exactly its projects (a district’s red part: its red projects)', () => {
    const db = demo.ctx.library!.db;
    const charts = analysisCharts(statistics(db, 2024, MONTH), monthlyTrend(demo.ctx, 2024, MONTH));
    let checked = 0;
    for (const spec of charts.filter((c) => c.dimension)) {
      const series = spec.option.series as { name?: string; data: ({ value: number } | number)[] }[];
      series.forEach((s, i) =>
        s.data.forEach((item, j) => {
          const value = typeof item === 'number' ? item : item.value;
          const ps = projectsBehind(demo.ctx, { year: 2024, month: MONTH, dimension: spec.dimension!, key: spec.keys[i]![j]!, where: spec.where?.[i] });
          const what = `${spec.id} ${s.name ?? ''} ${spec.keys[i]![j]}`;
          if (s.name === '年度计划投资') expect(Math.abs(sum(ps, 'annualPlan') / 1e8 - value), what).toBeLessThan(0.01);
          else if (s.name === '完成投资') expect(Math.abs(sum(ps, 'completedToDate') / 1e8 - value), what).toBeLessThan(0.01);
          else if (s.name === '投资完成率') expect(Math.abs((sum(ps, 'completedToDate') / sum(ps, 'annualPlan')) * 100 - value), what).toBeLessThanOrEqual(0.05);
          else expect([what, ps.length]).toEqual([what, value]);
          checked++;
        }),
      );
    }
    expect(checked).toBeGreaterThan(40);
  }, 120_000);
});
