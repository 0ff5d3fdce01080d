/**
 * The phrase library: every phrase that puts a number into words — 超过/低于时序进度N个百分点,
 * 增长/下降/持平, 占比, 完成年度计划投资的X%, the headline sentence, ranking lines — written here once
 * and used by the screens, the chart labels, the drafts and `kpw`, so a figure reads the same
 * wherever a leader meets it.
 *
 * Every function is pure, takes exact quantities (counts, or amounts in 元) and rounds only when it
 * writes, half-up on the exact decimal value (shared/format.ts does the digits). The office's style
 * (shared/number-style.ts, 设置 > 口径) is the last argument; without it, STATISTICS.md's rules.
 * Functions return strings; a draft records the string as one figure's text (drafts/figures.ts).
 *
 * Zero reads as words, never as a zero: a gap that rounds to 0 is "与时序进度持平" (never "超过0个
 * 百分点"), a change that rounds to 0 is "持平" (never "下降0%"). A missing denominator reads "—".
 */
import { formatMoneyTable, formatMoneyText, formatPercent, formatPeriod, formatPointsDifference, percentValue } from './format';
import type { MoneyUnit } from './money';
import { DEFAULT_NUMBER_STYLE, tableDecimals, type NumberStyle } from './number-style';
import type { ProcedureCounts } from './lifecycle';
import type { Summary } from './statistics';
import type { SupportSummary } from './support';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, type SupervisionCounts, type SupervisionForm, type SupervisionLevel } from './supervision';

const STANDARD = DEFAULT_NUMBER_STYLE;

/** The word for 时序进度 in every phrase (GLOSSARY.md: 时序进度 / 序时进度 / 时间进度 mean the same). */
export const TIME_PROGRESS = '时序进度';

// ── Numbers ────────────────────────────────────────────────────────────────────────────────────

/** A ratio as a percent in the office's decimals: percent(1001, 2000) = "50.1%"; "—" when den is 0. */
export function percent(num: number, den: number, style: NumberStyle = STANDARD): string {
  return formatPercent(num, den, style.percentDecimals);
}

/** The number percent() writes, for a chart's bar and its ordering (50.1 for 1001 ÷ 2000); null when den is 0. */
export function percentNumber(num: number, den: number, style: NumberStyle = STANDARD): number | null {
  return percentValue(num, den, style.percentDecimals);
}

/** 时序进度 of month M (M ÷ 12) in the office's decimals: "66.7%" or "66.67%". */
export function timeProgress(month: number, style: NumberStyle = STANDARD): string {
  return formatPercent(month, 12, style.timeProgressDecimals);
}

/** The number timeProgress() writes (66.7 for August), for a chart's time-progress line. */
export function timeProgressNumber(month: number, style: NumberStyle = STANDARD): number {
  return percentValue(month, 12, style.timeProgressDecimals)!;
}

/** The counting word: the office's, else `word` (the template's or the program's own, 个 by default). */
export function countWord(style: NumberStyle = STANDARD, word: '个' | '项' | '宗' = '个'): string {
  return style.countWord ?? word;
}

/** A count with the counting word: "896个" (or "896项" when the office counts in 项). */
export function count(n: number, style: NumberStyle = STANDARD, word: '个' | '项' | '宗' = '个'): string {
  return `${n}${countWord(style, word)}`;
}

/**
 * An amount in running text, unit included: "4399.6亿元", "2350.5万元" (or always the office's unit).
 * Amounts are whole 元 (Money); the phrases also take a plain number (a difference, a total), and
 * the formatter refuses a fraction when writing it.
 */
export function moneyText(amount: number, style: NumberStyle = STANDARD): string {
  return formatMoneyText(amount, 2, style.textUnit);
}

/**
 * An amount in a table cell, without unit (the unit is in the column's header: moneyHeader):
 * every cell of a column with the same decimals (亿元 two, 万元 the office's), thousands
 * separators as the office chooses. `unit` defaults to the office's table unit.
 */
export function moneyTable(amount: number, style: NumberStyle = STANDARD, unit: MoneyUnit = style.tableUnit): string {
  return formatMoneyTable(amount, unit, tableDecimals(unit, style), { uniform: true, thousands: style.thousands });
}

/** An amount in a Word draft's table: as moneyTable, with thousands separators only when the office asks for them in drafts. */
export function draftMoneyCell(amount: number, style: NumberStyle = STANDARD, unit: MoneyUnit = style.tableUnit): string {
  return formatMoneyTable(amount, unit, tableDecimals(unit, style), { uniform: true, thousands: style.draftThousands });
}

/** A percent in a table cell: every cell of a column with the office's decimals ("100.0%", "53.0%", "57.1%"). */
export function percentCell(num: number, den: number, style: NumberStyle = STANDARD): string {
  return formatPercent(num, den, style.percentDecimals, true);
}

/** A money column's header with its unit: "年度计划投资（亿元）". */
export function moneyHeader(label: string, unit: MoneyUnit): string {
  return `${label}（${unit}）`;
}

// ── Against 时序进度 ─────────────────────────────────────────────────────────────────────────────

/**
 * How a completion rate (completed ÷ plan) stands against 时序进度 (M ÷ 12), exactly: which way
 * (0 when the gap rounds to 0 in the office's decimals) and the size ("6.6个百分点"). null without a plan.
 */
export function progressGap(completed: number, plan: number, month: number, style: NumberStyle = STANDARD): { sign: -1 | 0 | 1; points: string } | null {
  if (plan <= 0) return null;
  const d = formatPointsDifference(completed, plan, month, 12, style.percentDecimals);
  return { sign: d.sign, points: d.text };
}

/**
 * The gap to 时序进度 in words: "超过时序进度6.6个百分点", "低于时序进度16.7个百分点", "与时序进度持平";
 * 'short' leaves the subject out for a table's 与时序进度比 column ("超过6.6个百分点", "持平"). "—" without a plan.
 */
export function progressGapPhrase(completed: number, plan: number, month: number, style: NumberStyle = STANDARD, form: 'full' | 'short' = 'full'): string {
  const gap = progressGap(completed, plan, month, style);
  if (!gap) return '—';
  const subject = form === 'full' ? TIME_PROGRESS : '';
  if (gap.sign === 0) return form === 'full' ? `与${TIME_PROGRESS}持平` : '持平';
  return `${gap.sign > 0 ? '超过' : '低于'}${subject}${gap.points}`;
}

/** Only how far below 时序进度, for a warning's reason: "低于时序进度41.7个百分点" (the rule fired, so it is below). */
export function belowTimeProgressPhrase(completed: number, plan: number, month: number, style: NumberStyle = STANDARD): string {
  const [c, p] = plan > 0 ? [completed, plan] : [0, 1];
  return `低于${TIME_PROGRESS}${formatPointsDifference(month, 12, c, p, style.percentDecimals).text}`;
}

// ── Year over year ──────────────────────────────────────────────────────────────────────────────

/** Growth from prev to cur: "增长15.8%", "下降3%", "持平" when it rounds to 0; "—" when prev is 0. */
export function change(cur: number, prev: number, style: NumberStyle = STANDARD): string {
  if (prev === 0) return '—';
  const value = percentValue(cur - prev, prev, style.percentDecimals)!;
  if (value === 0) return '持平';
  return `${value > 0 ? '增长' : '下降'}${formatPercent(Math.abs(cur - prev), Math.abs(prev), style.percentDecimals)}`;
}

/** 同比 in words: "同比增长15.8%", "同比下降3%", "同比持平"; null when last year has nothing to compare with. */
export function yoyPhrase(cur: number, prev: number | null | undefined, style: NumberStyle = STANDARD): string | null {
  if (prev === null || prev === undefined || prev === 0) return null;
  return `同比${change(cur, prev, style)}`;
}

/**
 * Growth for a list that already says 增长 ("分别增长15.8%、…"): the bare percent when it grew,
 * in words otherwise ("下降2.1%", "持平"), so the sentence stays true whichever way it went.
 */
export function growthInList(cur: number, prev: number, style: NumberStyle = STANDARD): string {
  const c = change(cur, prev, style);
  return c.startsWith('增长') ? c.slice(2) : c;
}

/**
 * "分别增长15.8%、31.3%和5.2%" when every item grew; else each in its own words ("分别增长15.8%、
 * 下降2.1%和持平"). Returns the lead ("分别增长" or "分别") and each item's text, for a draft to
 * record each as its figure; growthListText joins them.
 */
export function growthList(items: readonly (readonly [cur: number, prev: number])[], style: NumberStyle = STANDARD): { lead: string; items: string[] } {
  const changes = items.map(([cur, prev]) => change(cur, prev, style));
  const allUp = changes.length > 0 && changes.every((c) => c.startsWith('增长'));
  return { lead: allUp ? '分别增长' : '分别', items: allUp ? changes.map((c) => c.slice(2)) : changes };
}

/** The separator before item i of n in a Chinese list: "、" between, "和" before the last. */
export function listSeparator(i: number, n: number): string {
  return i === 0 ? '' : i === n - 1 ? '和' : '、';
}

/** growthList as one string: "分别增长15.8%、31.3%和5.2%". */
export function growthListText(items: readonly (readonly [cur: number, prev: number])[], style: NumberStyle = STANDARD): string {
  const g = growthList(items, style);
  return g.lead + g.items.map((t, i) => listSeparator(i, g.items.length) + t).join('');
}

/** A rate against last year's, in points: "提高11个百分点", "下降2.5个百分点", "持平" (a/b this year, c/d last). */
export function pointsChange(a: number, b: number, c: number, d: number, style: NumberStyle = STANDARD): string {
  const diff = formatPointsDifference(a, b, c, d, style.percentDecimals);
  if (diff.text === '—') return '—';
  return diff.sign === 0 ? '持平' : `${diff.sign > 0 ? '提高' : '下降'}${diff.text}`;
}

/** A count against last year's: "增加19个", "减少3个", "持平". */
export function countChange(cur: number, prev: number, style: NumberStyle = STANDARD): string {
  const d = cur - prev;
  return d === 0 ? '持平' : `${d > 0 ? '增加' : '减少'}${count(Math.abs(d), style)}`;
}

// ── Shares and plans ────────────────────────────────────────────────────────────────────────────

/** A part's share: "占比53.4%", or "占项目总数的53.4%" when `of` names the whole. */
export function sharePhrase(part: number, whole: number, style: NumberStyle = STANDARD, of?: string): string {
  return of ? `占${of}的${percent(part, whole, style)}` : `占比${percent(part, whole, style)}`;
}

/** "完成年度计划投资的X%" (REAL-DOCUMENTS.md's by-level sentences). */
export function planCompletionPhrase(completed: number, plan: number, style: NumberStyle = STANDARD): string {
  return `完成年度计划投资的${percent(completed, plan, style)}`;
}

// ── 前期手续 and 要素保障 ─────────────────────────────────────────────────────────────────────────

/** An overdue procedure as a warning names it: "施工许可逾期35天". */
export function overdueProcedurePhrase(kind: string, days: number): string {
  return `${kind}逾期${days}天`;
}

/**
 * The 前期手续 headline as seed 004 writes it, zero clauses left out: "截至8月底，38个项目取得手续
 * 227个，其中立项、备案204个，施工许可证23个；逾期未办3个（涉及2个项目）；提前开工5个。", and
 * "截至8月底，38个项目尚未取得手续。" when nothing has been obtained.
 */
export function procedureCountsSentence(c: ProcedureCounts, style: NumberStyle = STANDARD): string {
  const n = (x: number) => count(x, style);
  const of = [c.approval ? `立项、备案${n(c.approval)}` : '', c.constructionPermit ? `施工许可证${n(c.constructionPermit)}` : ''].filter(Boolean);
  const clauses = [c.obtained ? `${n(c.projects)}项目取得手续${n(c.obtained)}${of.length ? `，其中${of.join('，')}` : ''}` : `${n(c.projects)}项目尚未取得手续`];
  if (c.overdue) clauses.push(`逾期未办${n(c.overdue)}（涉及${n(c.overdueProjects)}项目）`);
  if (c.earlyStarts) clauses.push(`提前开工${n(c.earlyStarts)}`);
  return `截至${c.month}月底，${clauses.join('；')}。`;
}

/**
 * 要素保障's screen line: the bank figures ("—" for one not given, so the analyst sees what is
 * missing; "按N笔项目贷款合计" when they are the loans' sums) and the land solved; each part
 * "尚未填报" when there is nothing, never "解决用地0亩".
 */
export function supportElementsSentence(s: Pick<SupportSummary, 'bank' | 'bankFromLoans' | 'bankLoans' | 'land'>, style: NumberStyle = STANDARD): string {
  const b = s.bank;
  const money = (x: number | null) => (x === null ? '—' : moneyText(x, style));
  const bank = b
    ? `银行支持${s.bankFromLoans ? `（按${s.bankLoans}笔项目贷款合计）` : ''}：支持重点项目${b.projects === null ? '—' : count(b.projects, style)}，授信额度${money(b.credit)}，累计发放贷款${money(b.loans)}，贷款余额${money(b.balance)}。`
    : '银行支持：尚未填报。';
  const land = s.land.areaCentimu ? `用地保障：解决用地${areaText(s.land.areaCentimu)}。` : '用地保障：尚未填报。';
  return bank + land;
}

/** Land in 亩 from hundredths, as few decimals as it has: "511.05亩", "20亩", "120.5亩". */
export function areaText(centimu: number): string {
  const whole = Math.trunc(centimu / 100);
  const cents = centimu % 100;
  return `${whole}${cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}亩`;
}

/** Against last month (a/b now, c/d then): "比上月提高2.1个百分点", "比上月下降…", "与上月持平"; null without last month. */
export function monthPointsPhrase(a: number, b: number, c: number, d: number, style: NumberStyle = STANDARD): string | null {
  const words = pointsChange(a, b, c, d, style);
  return words === '—' ? null : words === '持平' ? '与上月持平' : `比上月${words}`;
}

// ── Sentences for what is, or is not ────────────────────────────────────────────────────────────

/** For a group every project of which has started: "均已开复工" (never "开复工率100%"). */
export const ALL_STARTED = '均已开复工';

/** For a group none of which has started (never "开复工0个，开复工率0%"). */
export const NONE_STARTED = '均未开复工';
/** What is said instead of "完成投资0万元，投资完成率0%" (a writer strikes the zeros). */
export const NOTHING_COMPLETED = '尚未完成投资';

/** What replaces a zero count's clause: "未发现红色预警项目". */
export function noneFound(what: string): string {
  return `未发现${what}`;
}

/** A list of names the Chinese way: "A、B和C". */
export function nameList(names: readonly string[]): string {
  return names.map((n, i) => listSeparator(i, names.length) + n).join('');
}

/**
 * When every group stands on one side of 时序进度: "各区市投资完成率均低于时序进度" / "均超过时序进度";
 * null when they are on both sides (or some without a plan).
 */
export function wholeListGap(groupsWord: string, groups: readonly { completedToDate: number; annualPlan: number }[], month: number, style: NumberStyle = STANDARD): string | null {
  if (groups.length < 2) return null;
  const signs = new Set(groups.map((g) => progressGap(g.completedToDate, g.annualPlan, month, style)?.sign ?? null));
  if (signs.size !== 1 || signs.has(null) || signs.has(0)) return null;
  return `${groupsWord}投资完成率均${signs.has(1) ? '超过' : '低于'}${TIME_PROGRESS}`;
}

/** Why a project is on the lagging list, as the tag after its name (REAL-DOCUMENTS.md). */
export const LAG_TAGS = { investment: '（投资滞后）', start: '（开工滞后）', unreported: '（未报送）' } as const;
export type LagReason = keyof typeof LAG_TAGS;

/** A project due to start and not started, with why: "因用地指标未落实尚未开工"; without a reason "尚未开工". */
export function notStartedBecause(reasons: readonly string[]): string {
  const why = reasons.map((r) => r.trim().replace(/[。；，;,.\s]+$/, '')).filter(Boolean);
  return why.length ? `因${why.join('、')}尚未开工` : '尚未开工';
}

// ── Headline and ranking ────────────────────────────────────────────────────────────────────────

/**
 * The month's headline, clause by clause: "1-8月：重点项目896个，未报送18个", "完成投资2890.1亿元，
 * 投资完成率65.7%，低于时序进度1个百分点", "开复工860个，开复工率96%", "红色预警3个，黄色预警12个".
 */
export function headlineClauses(s: Summary, month: number, style: NumberStyle = STANDARD): string[] {
  const started = s.startedNew + s.resumed;
  return [
    `${formatPeriod(month)}：重点项目${count(s.projects, style)}，未报送${count(s.unreported, style)}`,
    `完成投资${moneyText(s.completedToDate, style)}，投资完成率${percent(s.completedToDate, s.annualPlan, style)}（${TIME_PROGRESS}${timeProgress(month, style)}），${progressGapPhrase(s.completedToDate, s.annualPlan, month, style)}`,
    `开复工${count(started, style)}，开复工率${percent(started, s.projects, style)}`,
    `红色预警${count(s.warnings.red, style)}，黄色预警${count(s.warnings.yellow, style)}`,
  ];
}

/** The headline as one sentence, clauses joined by "；" and ended by "。". */
export function headlineSentence(s: Summary, month: number, style: NumberStyle = STANDARD): string {
  return `${headlineClauses(s, month, style).join('；')}。`;
}

/**
 * A group's line of a ranking: "荣成市项目41个，开复工39个，开复工率95.1%，投资完成率70.2%"; when
 * every project has started, "荣成市项目41个，均已开复工，投资完成率70.2%".
 */
export function rankingLine(name: string, s: Summary, style: NumberStyle = STANDARD): string {
  const started = s.startedNew + s.resumed;
  const starts = started === 0 ? NONE_STARTED : started === s.projects ? ALL_STARTED : `开复工${count(started, style)}，开复工率${percent(started, s.projects, style)}`;
  const done = s.completedToDate === 0 ? NOTHING_COMPLETED : `投资完成率${percent(s.completedToDate, s.annualPlan, style)}`;
  return `${name}项目${count(s.projects, style)}，${starts}，${done}`;
}

/** An order in words: "投资完成率排名由高到低依次是：荣成市、文登区、乳山市". */
export function rankingOrder(names: readonly string[], measure = '投资完成率'): string {
  return `${measure}排名由高到低依次是：${names.join('、')}`;
}

/**
 * Orders groups by completion rate, highest first, exactly (a/b against c/d by cross-multiplying
 * integers, never rounded floats), then by amount completed; a group without a plan comes last.
 */
export function byCompletionRate(a: { completedToDate: number; annualPlan: number }, b: { completedToDate: number; annualPlan: number }): number {
  const hasA = a.annualPlan > 0;
  const hasB = b.annualPlan > 0;
  if (hasA !== hasB) return hasA ? -1 : 1;
  if (hasA) {
    const left = BigInt(b.completedToDate) * BigInt(a.annualPlan);
    const right = BigInt(a.completedToDate) * BigInt(b.annualPlan);
    if (left !== right) return left > right ? 1 : -1;
  }
  return b.completedToDate - a.completedToDate;
}

// ── 督办 ────────────────────────────────────────────────────────────────────────────────────────

/** Documents are counted in 份, whatever the office counts projects in. */
export function copies(n: number): string {
  return `${n}份`;
}

/**
 * The bulletin's 督办 sentence: "本月下发督办单3份、预警通知书2份（红色2份、黄色3份），已反馈4份，
 * 逾期未反馈1份，请相关单位抓紧办理。" Zero clauses are left out; one form or one colour is named in
 * place ("本月下发红色督办单2份，均已书面反馈。"); null when nothing was sent and nothing is overdue.
 */
export function supervisionSentence(c: SupervisionCounts): string | null {
  if (c.issued === 0 && c.overdue === 0) return null;
  const clauses: string[] = [];
  if (c.issued > 0) {
    const levels = (['red', 'yellow', 'blue'] as SupervisionLevel[]).filter((l) => c.byLevel[l] > 0);
    const forms = (['supervision', 'notice'] as SupervisionForm[]).filter((f) => c.byForm[f] > 0);
    const oneLevel = levels.length === 1 ? SUPERVISION_LEVELS[levels[0]!] : '';
    const sent = forms.map((f) => `${oneLevel}${SUPERVISION_FORMS[f]}${copies(c.byForm[f])}`).join('、');
    const split = oneLevel ? '' : `（${levels.map((l) => `${SUPERVISION_LEVELS[l]}${copies(c.byLevel[l])}`).join('、')}）`;
    clauses.push(`本月下发${sent}${split}`);
    clauses.push(c.answered === c.issued ? '均已书面反馈' : c.answered > 0 ? `已反馈${copies(c.answered)}` : '尚未收到反馈');
  }
  if (c.overdue > 0) clauses.push(`逾期未反馈${copies(c.overdue)}，请相关单位抓紧办理`);
  return `${clauses.join('，')}。`;
}
