/**
 * Sentences a writer keeps (issue 15.2): every draft kind of several libraries — the demo city
 * (February and August), seed 004's reply library, a library with lagging, unstarted and unreported
 * projects, and a new library with one project and no report — has no clause stating a zero count
 * ("未报送0个", "0个项目需解决问题0个"), no doubled word ("省重点重点项目", "同志同志") and no clause
 * said twice in a row; and the zero-clause rule of filled templates itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { buildDraft } from '../../electron/services/drafts/index';
import { projectFigures } from '../../electron/services/statistics';
import { DRAFT_KINDS, fillTemplate, LEAVE_OUT, type Draft, type DraftKind } from '../../shared/drafts';
import { contractCaller } from '../helpers/contract';
import { fillLaggingLibrary } from '../helpers/lagging-library';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { seedReply004 } from '../helpers/sample';

/** Every line of a draft: paragraphs, headings, titles, table cells. */
function linesOf(draft: Draft): string[] {
  return draft.blocks.flatMap((b) => {
    if ('runs' in b) return [b.runs.map((r) => r.text).join('')];
    if (b.kind === 'table') return [b.caption, ...b.rows.flatMap((r) => r.map((c) => c.map((x) => x.text).join('')))];
    if (b.kind === 'attachments') return b.items;
    return 'text' in b ? [b.text] : [];
  });
}

/** The prose of a draft (not its tables, where 0 is a value like any other). */
function proseOf(draft: Draft): string[] {
  return draft.blocks.flatMap((b) => ('runs' in b ? [b.runs.map((r) => r.text).join('')] : []));
}

/** A sentence stating a zero amount or rate ("累计完成投资0万元，投资完成率0%"), or null. */
export function zeroAmount(line: string): string | null {
  const zero = /(?:^|[^\d.\-－])0(?:\.0+)?(?:万元|亿元|元|亩)|率0(?:\.0+)?%/.exec(line);
  return zero ? `zero amount "${line.slice(Math.max(0, zero.index - 12), zero.index + 8)}"` : null;
}

/** What a writer would strike out of a line, or null. */
export function slip(line: string): string | null {
  const zero = /(?:^|[^\d.\-－])0(?:个|项|宗|份|位)/.exec(line);
  if (zero) return `zero clause "${line.slice(Math.max(0, zero.index - 12), zero.index + 6)}"`;
  const doubled = /([\u4e00-\u9fff]{2,})\1/.exec(line);
  if (doubled) return `doubled word "${doubled[0]}"`;
  const clauses = line.split(/[，；。：]/).map((c) => c.trim()).filter((c) => c.length > 1);
  const twice = clauses.findIndex((c, i) => i > 0 && c === clauses[i - 1]);
  if (twice > 0) return `clause said twice "${clauses[twice]}"`;
  return null;
}

interface Case {
  lib: TempLibrary;
  year: number;
  months: number[];
}
const cases: Record<string, Case> = {};

beforeAll(async () => {
  const demo = createTempLibrary({ now: () => new Date(2024, 8, 30) });
  fillDemoLibrary(demo.ctx.library!.db, 'x');
  cases.demo = { lib: demo, year: 2024, months: [2, 8] };
  const reply = createTempLibrary({ now: () => new Date(2023, 8, 30) });
  seedReply004(reply.ctx.library!.db, 2023);
  cases.reply = { lib: reply, year: 2023, months: [8] };
  const lagging = createTempLibrary({ now: () => new Date(2024, 6, 3) });
  await fillLaggingLibrary(lagging);
  cases.lagging = { lib: lagging, year: 2024, months: [6, 1] };
  const empty = createTempLibrary({ now: () => new Date(2024, 6, 3) });
  await contractCaller(() => empty.ctx).call('projects.add', { year: 2024, name: '新建示范项目' });
  cases.empty = { lib: empty, year: 2024, months: [3] };
}, 180_000);
afterAll(() => Object.values(cases).forEach((c) => c.lib.close()));

/** The parameters a kind needs to say anything: the 督办单 names a lagging project (or the first). */
function paramsFor(kind: DraftKind, c: Case, month: number): Record<string, string> {
  if (kind !== 'supervision') return {};
  const figures = projectFigures(c.lib.ctx.library!.db, c.year, month);
  const lagging = figures.find((f) => f.warning !== 'green') ?? figures[0];
  return lagging ? { projectName: lagging.name } : {};
}

describe('every draft kind of every library reads as a writer would send it', () => {
  for (const name of ['demo', 'reply', 'lagging', 'empty']) {
    it(`${name}: no zero clause, no doubled word, no clause twice`, () => {
      const c = cases[name]!;
      const found: string[] = [];
      for (const month of c.months) {
        for (const kind of DRAFT_KINDS) {
          const draft = buildDraft(c.lib.ctx, { kind, year: c.year, month, params: paramsFor(kind, c, month) });
          // The data's own names are the data's (the demo has "新一代信息技术技术攻关"): the scan reads what the drafts write.
          const names = projectFigures(c.lib.ctx.library!.db, c.year, month).map((f) => f.name).sort((a, b) => b.length - a.length);
          for (const line of linesOf(draft)) {
            const s = slip(names.reduce((l, n) => l.split(n).join('〈项目〉'), line));
            if (s) found.push(`${kind} ${month}月: ${s}`);
          }
          for (const line of proseOf(draft)) {
            const z = zeroAmount(line);
            if (z) found.push(`${kind} ${month}月: ${z}`);
          }
        }
      }
      expect(found).toEqual([]);
    }, 180_000);
  }

  it('the scan itself finds each slip (so it can fail)', () => {
    expect(slip('红色预警项目0个，黄色预警项目12个')).toMatch(/zero/);
    expect(slip('截至8月底，0个项目需解决问题0个')).toMatch(/zero/);
    expect(slip('省重点重点项目60个')).toMatch(/doubled/);
    expect(slip('分管负责同志同志联系重点项目情况')).toMatch(/doubled/);
    expect(slip('投资完成率51.1%，投资完成率51.1%，低于时序进度')).toMatch(/twice/);
    expect(slip('0-1颠覆性技术项目4个，投资完成率10.5%，增长10个百分点')).toBeNull();
    expect(zeroAmount('截至8月底，累计完成投资0万元，投资完成率0%')).toMatch(/zero amount/);
    expect(zeroAmount('完成率0%')).toMatch(/zero amount/);
    expect(zeroAmount('完成投资10万元，投资完成率10.5%，贷款余额100亿元')).toBeNull();
  });
});

describe('a filled template leaves out the clauses of zero counts', () => {
  const fig = (text: string) => [{ text, figure: text }];
  it('drops the clause, keeps the sentence’s ending, and drops a sentence left with no number', () => {
    const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
    const t = '红色预警项目{red}个，黄色预警项目{yellow}个，未报送{unreported}个。截至6月底，{problemProjects}个项目需解决问题{problems}个。';
    expect(text(fillTemplate(t, { red: fig('0'), yellow: fig('12'), unreported: fig('0'), problemProjects: fig('0'), problems: fig('0') }))).toBe('黄色预警项目12个。');
    expect(text(fillTemplate(t, { red: fig('3'), yellow: fig('12'), unreported: fig('1'), problemProjects: fig('2'), problems: fig('5') }))).toBe(
      '红色预警项目3个，黄色预警项目12个，未报送1个。截至6月底，2个项目需解决问题5个。',
    );
    // The counting word of the office goes with its clause.
    expect(text(fillTemplate('共{projects}项；未报送{unreported}项。', { projects: fig('8'), unreported: fig('0') }, '宗'))).toBe('共8宗。');
    // A field with nothing to say takes its clause too.
    expect(text(fillTemplate('完成投资{completed}；完成投资同比{completedGrowth}。', { completed: fig('2亿元'), completedGrowth: LEAVE_OUT }))).toBe('完成投资2亿元。');
    // So does a rate without a denominator ("—").
    expect(text(fillTemplate('投资完成率{completionRate}，{progressGap}；已开复工{started}个。', { completionRate: fig('—'), progressGap: fig('—'), started: fig('1') }))).toBe('已开复工1个。');
  });
});
