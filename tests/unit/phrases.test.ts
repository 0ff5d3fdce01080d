/**
 * The phrase library (shared/phrases.ts): zero, negative, exactly-at-the-rounding-threshold and
 * rounding-edge values, in the standard style and in an office's own (设置 > 口径).
 */
import { describe, expect, it } from 'vitest';
import type { ProcedureCounts } from '../../shared/lifecycle';
import { money } from '../../shared/money';
import { DEFAULT_NUMBER_STYLE, normaliseNumberStyle, type NumberStyle } from '../../shared/number-style';
import {
  byCompletionRate,
  change,
  procedureCountsSentence,
  supportElementsSentence,
  count,
  countChange,
  growthListText,
  headlineClauses,
  headlineSentence,
  moneyTable,
  moneyText,
  percent,
  percentNumber,
  planCompletionPhrase,
  pointsChange,
  progressGapPhrase,
  rankingLine,
  rankingOrder,
  sharePhrase,
  timeProgress,
  timeProgressNumber,
  yoyPhrase,
} from '../../shared/phrases';
import type { Summary } from '../../shared/statistics';
import { rankCells } from '../../shared/ranking';

const two: NumberStyle = { ...DEFAULT_NUMBER_STYLE, percentDecimals: 2, timeProgressDecimals: 2 };
const 亿 = 100_000_000;
const 万 = 10_000;

describe('percentages', () => {
  it('round half-up on the exact value, in the office’s decimals', () => {
    expect(percent(1001, 2000)).toBe('50.1%');
    expect(percentNumber(1001, 2000)).toBe(50.1);
    // 49.95% exactly: half-up to 50% at one decimal, kept at two.
    expect(percent(999, 2000)).toBe('50%');
    expect(percent(999, 2000, two)).toBe('49.95%');
    expect(percentNumber(999, 2000, two)).toBe(49.95);
    // Just under the threshold stays below it.
    expect(percent(99_899, 200_000)).toBe('49.9%');
    expect(percent(0, 5)).toBe('0%');
    expect(percent(5, 0)).toBe('—');
    expect(percentNumber(5, 0)).toBeNull();
  });

  it('时序进度 in one or two decimals', () => {
    expect(timeProgress(8)).toBe('66.7%');
    expect(timeProgress(7, two)).toBe('58.33%');
    expect(timeProgress(5, two)).toBe('41.67%');
    expect(timeProgress(6, two)).toBe('50%');
    expect(timeProgressNumber(8, two)).toBe(66.67);
  });
});

describe('against 时序进度', () => {
  // Plan 120000 元, month 8: 时序进度 is exactly 80000 元 of it.
  const plan = 120_000;
  it('a zero gap reads 与时序进度持平, never 超过0个百分点', () => {
    expect(progressGapPhrase(80_000, plan, 8)).toBe('与时序进度持平');
    expect(progressGapPhrase(80_000, plan, 8, DEFAULT_NUMBER_STYLE, 'short')).toBe('持平');
  });
  it('a gap rounding to 0 either way is 持平; 0.05 points is exactly the threshold and rounds up', () => {
    expect(progressGapPhrase(80_048, plan, 8)).toBe('与时序进度持平'); // +0.04
    expect(progressGapPhrase(79_952, plan, 8)).toBe('与时序进度持平'); // −0.04: not "低于0个百分点"
    expect(progressGapPhrase(80_060, plan, 8)).toBe('超过时序进度0.1个百分点'); // +0.05
    expect(progressGapPhrase(79_940, plan, 8)).toBe('低于时序进度0.1个百分点'); // −0.05
    expect(progressGapPhrase(80_048, plan, 8, two)).toBe('超过时序进度0.04个百分点');
    expect(progressGapPhrase(79_952, plan, 8, two, 'short')).toBe('低于0.04个百分点');
  });
  it('without a plan there is nothing to compare', () => {
    expect(progressGapPhrase(500, 0, 8)).toBe('—');
  });
  it('large gaps, negative and positive', () => {
    expect(progressGapPhrase(0, plan, 8)).toBe('低于时序进度66.7个百分点');
    expect(progressGapPhrase(plan, plan, 8)).toBe('超过时序进度33.3个百分点');
  });
});

describe('year over year', () => {
  it('增长/下降, and 持平 when it rounds to 0 (−0.04% is 持平, never 下降0.0%)', () => {
    expect(change(11_580, 10_000)).toBe('增长15.8%');
    expect(change(9_700, 10_000)).toBe('下降3%');
    expect(change(10_000, 10_000)).toBe('持平');
    expect(change(9_996, 10_000)).toBe('持平');
    expect(change(10_004, 10_000)).toBe('持平');
    expect(change(10_005, 10_000)).toBe('增长0.1%');
    expect(change(9_995, 10_000)).toBe('下降0.1%');
    expect(change(9_996, 10_000, two)).toBe('下降0.04%');
    expect(change(5, 0)).toBe('—');
  });
  it('同比 phrases, and nothing when last year had nothing', () => {
    expect(yoyPhrase(11_580, 10_000)).toBe('同比增长15.8%');
    expect(yoyPhrase(9_996, 10_000)).toBe('同比持平');
    expect(yoyPhrase(5, 0)).toBeNull();
    expect(yoyPhrase(5, undefined)).toBeNull();
  });
  it('a list of changes stays true whichever way they went', () => {
    expect(growthListText([[11_580, 10_000], [13_130, 10_000], [10_520, 10_000]])).toBe('分别增长15.8%、31.3%和5.2%');
    expect(growthListText([[11_580, 10_000], [9_790, 10_000], [10_000, 10_000]])).toBe('分别增长15.8%、下降2.1%和持平');
  });
  it('rates compared in points, counts in differences', () => {
    expect(pointsChange(8, 10, 7, 10)).toBe('提高10个百分点');
    expect(pointsChange(7, 10, 8, 10)).toBe('下降10个百分点');
    expect(pointsChange(1, 2, 1, 2)).toBe('持平');
    expect(pointsChange(50_004, 100_000, 1, 2)).toBe('持平'); // +0.004 points
    expect(countChange(206, 187)).toBe('增加19个');
    expect(countChange(3, 5, { ...DEFAULT_NUMBER_STYLE, countWord: '项' })).toBe('减少2项');
    expect(countChange(5, 5)).toBe('持平');
  });
});

describe('shares, plans and counts', () => {
  it('占比 and 完成年度计划投资的X%', () => {
    expect(sharePhrase(166, 311)).toBe('占比53.4%');
    expect(sharePhrase(166, 311, DEFAULT_NUMBER_STYLE, '项目总数')).toBe('占项目总数的53.4%');
    expect(sharePhrase(0, 311)).toBe('占比0%');
    expect(planCompletionPhrase(1001, 2000)).toBe('完成年度计划投资的50.1%');
    expect(planCompletionPhrase(1001, 2000, two)).toBe('完成年度计划投资的50.05%');
  });
  it('counts carry the office’s counting word', () => {
    expect(count(896)).toBe('896个');
    expect(count(896, { ...DEFAULT_NUMBER_STYLE, countWord: '宗' })).toBe('896宗');
    expect(count(0)).toBe('0个');
  });
  it('amounts in text and in tables', () => {
    expect(moneyText(43_996 * 万 * 万 / 10)).toBe('4399.6亿元');
    expect(moneyText(2350.5 * 万)).toBe('2350.5万元');
    expect(moneyText(2350.5 * 万, { ...DEFAULT_NUMBER_STYLE, textUnit: '亿元' })).toBe('0.24亿元');
    expect(moneyText(13.5 * 亿, { ...DEFAULT_NUMBER_STYLE, textUnit: '万元' })).toBe('135000万元');
    // Tables: uniform decimals (亿元 two, 万元 the office's), thousands as chosen.
    expect(moneyTable(1372.5 * 亿)).toBe('1,372.50');
    expect(moneyTable(1234.5678 * 万, { ...DEFAULT_NUMBER_STYLE, tableUnit: '万元', wanDecimals: 0 })).toBe('1,235');
    expect(moneyTable(1234.5 * 万, { ...DEFAULT_NUMBER_STYLE, tableUnit: '万元', wanDecimals: 2, thousands: false })).toBe('1234.50');
    expect(moneyTable(0)).toBe('0.00');
  });
});

describe('headline and ranking', () => {
  const summary = (over: Partial<Summary>): Summary => ({
    projects: 10, newProjects: 4, continuedProjects: 6, totalInvestment: 50 * 亿, annualPlan: 12 * 亿, completedToDate: 8 * 亿,
    completionRate: 2 / 3, timeProgress: 2 / 3, progressGap: 0, startedNew: 3, resumed: 6, newStartRate: 0.75, resumeRate: 1, startRate: 0.9,
    unreported: 0, warnings: { red: 0, yellow: 1, green: 9 }, ...over,
  } as Summary);
  it('says 与时序进度持平 for a zero gap, in the office’s style', () => {
    const s = summary({});
    expect(headlineSentence(s, 8)).toBe('1-8月：重点项目10个，未报送0个；完成投资8亿元，投资完成率66.7%（时序进度66.7%），与时序进度持平；开复工9个，开复工率90%；红色预警0个，黄色预警1个。');
    expect(headlineSentence(s, 8)).not.toMatch(/超过0|低于0/);
    const office: NumberStyle = { ...two, countWord: '项' };
    expect(headlineClauses(s, 7, office)[1]).toBe('完成投资8亿元，投资完成率66.67%（时序进度58.33%），超过时序进度8.33个百分点');
    expect(headlineClauses(s, 7, office)[0]).toBe('1-7月：重点项目10项，未报送0项');
  });
  it('ranking lines and orders', () => {
    expect(rankingLine('荣成市', summary({ projects: 41, startedNew: 10, resumed: 29 }))).toBe('荣成市项目41个，开复工39个，开复工率95.1%，投资完成率66.7%');
    expect(rankingOrder(['荣成市', '文登区'])).toBe('投资完成率排名由高到低依次是：荣成市、文登区');
    // Nothing completed is said so, not "投资完成率0%".
    expect(rankingLine('乙区', summary({ projects: 4, startedNew: 0, resumed: 0, completedToDate: money(0) }))).toBe('乙区项目4个，均未开复工，尚未完成投资');
  });
  it('赛马 table cells: one decimal style a column ("77.0%" beside "112.2%")', () => {
    const cells = [summary({ completedToDate: money(924_000_000) }), summary({ completedToDate: money(1_346_400_000) })].map((s, i) => rankCells({ ...s, key: `${i}` }, i, 8));
    expect(cells.map((c) => c.rate)).toEqual(['77.0%', '112.2%']);
    expect(cells.map((c) => c.startRate)).toEqual(['90.0%', '90.0%']);
  });
  it('orders by the exact rate, even where two rates print alike', () => {
    const a = { key: 'a', completedToDate: 50_010, annualPlan: 100_000 }; // 50.01%
    const b = { key: 'b', completedToDate: 50_040, annualPlan: 100_000 }; // 50.04%: both "50%"
    const none = { key: 'n', completedToDate: 9, annualPlan: 0 };
    expect(percent(a.completedToDate, a.annualPlan)).toBe(percent(b.completedToDate, b.annualPlan));
    expect([a, none, b].sort(byCompletionRate).map((x) => x.key)).toEqual(['b', 'a', 'n']);
  });
});

describe('the 前期手续 headline', () => {
  const counts = (over: Partial<ProcedureCounts>): ProcedureCounts => ({
    year: 2024, month: 8, asOf: '2024-08-31', projects: 238, obtained: 227, approval: 204, constructionPermit: 23, byKind: [], undated: 0,
    overdue: 3, overdueProjects: 2, earlyStarts: 38, earlyStartCompleted: money(0), ...over,
  });
  it('writes seed 004’s sentence, and leaves a zero clause out', () => {
    expect(procedureCountsSentence(counts({}))).toBe('截至8月底，238个项目取得手续227个，其中立项、备案204个，施工许可证23个；逾期未办3个（涉及2个项目）；提前开工38个。');
    expect(procedureCountsSentence(counts({ constructionPermit: 0, overdue: 0, overdueProjects: 0, earlyStarts: 0 }))).toBe('截至8月底，238个项目取得手续227个，其中立项、备案204个。');
    expect(procedureCountsSentence(counts({ obtained: 0, approval: 0, constructionPermit: 0 }), { ...DEFAULT_NUMBER_STYLE, countWord: '项' })).toBe('截至8月底，238项项目尚未取得手续；逾期未办3项（涉及2项项目）；提前开工38项。');
  });
});

describe('the 要素保障 line', () => {
  const land = (areaCentimu: number) => ({ areaCentimu, projects: areaCentimu ? 1 : 0 });
  it('says what is not given as 尚未填报 or —, never "解决用地0亩"', () => {
    expect(supportElementsSentence({ bank: null, bankFromLoans: false, bankLoans: 0, land: land(0) })).toBe('银行支持：尚未填报。用地保障：尚未填报。');
    const bank = { year: 2024, projects: 32, credit: money(12_515_000_000), loans: money(4_909_000_000), balance: null };
    expect(supportElementsSentence({ bank, bankFromLoans: false, bankLoans: 0, land: land(51105) })).toBe('银行支持：支持重点项目32个，授信额度125.15亿元，累计发放贷款49.09亿元，贷款余额—。用地保障：解决用地511.05亩。');
    expect(supportElementsSentence({ bank: { ...bank, projects: 2 }, bankFromLoans: true, bankLoans: 2, land: land(2000) }, { ...DEFAULT_NUMBER_STYLE, countWord: '项' })).toMatch(/^银行支持（按2笔项目贷款合计）：支持重点项目2项，.*用地保障：解决用地20亩。$/);
  });
});

describe('the style itself', () => {
  it('a stored style is made whole, a value out of range replaced by the default', () => {
    expect(normaliseNumberStyle(undefined)).toEqual(DEFAULT_NUMBER_STYLE);
    expect(normaliseNumberStyle({ percentDecimals: 2, countWord: '宗', thousands: 'yes', wanDecimals: 3, extra: 1 })).toEqual({ ...DEFAULT_NUMBER_STYLE, percentDecimals: 2, countWord: '宗' });
  });
});
