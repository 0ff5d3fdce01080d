/**
 * The columns of a dispatch sheet and which of them give the year's cumulative completed
 * investment (1-M月). Offices send it in several shapes (REAL-DOCUMENTS.md, "Dispatch sheets as
 * they arrive"): one cumulative column ("1-M月完成投资", "截至M月底累计完成投资", "本年累计完成");
 * one column per month ("1月完成投资" … "M月完成投资") to be added up; "本月完成" plus "上月累计";
 * and "自开工累计完成投资", which is since the start, not this year, so it is never taken as the
 * cumulative unless the user maps it so. A column naming another month than the one imported is
 * never read silently as the cumulative.
 */
import type { MoneyUnit } from '../../../shared/money';
import type { CompletedHow, DispatchMapping, DispatchTarget } from '../../../shared/progress-import';
import { normaliseHeader } from './sheet-table';

const DASH = '[-－—–~～至到]+';
/** "完成", "完成投资", "完成投资额", "完成额". */
const DONE = '完成(?:投资额?|额)?';
const THIS_YEAR = '(?:本年|今年|年度|本年度|当年|年初至今|今年以来|本年以来)';

const CUMULATIVE_RANGE = new RegExp(`^1月?${DASH}(\\d{1,2})月份?(?:累计)?${DONE}$`);
const CUMULATIVE_UNTIL = new RegExp(`^截[至止](?:本年)?(\\d{1,2})月(?:底|末|份)?(?:累计)?${DONE}$`);
const CUMULATIVE_YEAR = new RegExp(`^${THIS_YEAR}?(?:累计)?${DONE}$`);
const SINGLE_MONTH = new RegExp(`^(\\d{1,2})月份?(?:当月)?${DONE}$`);
/** The same with a band over the months: "完成投资" over "1月". */
const SINGLE_MONTH_UNDER = new RegExp(`^${DONE}(\\d{1,2})月份?$`);
const THIS_MONTH = new RegExp(`^(?:本月|当月)份?${DONE}$`);
const PREVIOUS = new RegExp(`^(?:截[至止])?上月(?:末|底)?累计(?:${DONE})?$`);
const SINCE_START = [
  new RegExp(`^(?:自|从)?(?:项目)?开工(?:建设)?(?:以来|至今)?累计${DONE}?$`),
  new RegExp(`^(?:自|从)?(?:项目)?开工(?:建设)?(?:以来|至今)${DONE}$`),
  new RegExp(`^(?:开累|历年累计|项目累计|总累计|建设以来累计|至今累计)${DONE}$`),
  new RegExp(`^累计${DONE}[(（](?:自|从)?(?:项目)?开工(?:以来|至今)?[)）]$`),
];
const MONTH_VISUAL = /^(\d{1,2})月份?(?:底|末)?(?:工程)?形象进度$/;

/**
 * The 纳统（统计入库）figure beside the dispatch figure: "纳统投资", "入库投资", "统计入库完成投资",
 * "1-8月纳统投资", "本年累计入库投资", or "纳统数" under a "1-8月完成投资" band (beside "调度数").
 */
export const STATISTICS_FIGURE = new RegExp(
  `^(?:1月?${DASH}\\d{1,2}月份?|截[至止](?:本年)?\\d{1,2}月(?:底|末|份)?|${THIS_YEAR})?(?:累计)?(?:纳统|入库|统计入库|入统|纳入统计)(?:累计)?(?:完成)?(?:投资额?|额|数)$`,
);

/** The month a 纳统 column's name (or its band) gives: "1-7月纳统投资", "1-7月完成投资／纳统数"; null when none. */
export function statisticsMonthOf(header: string): number | null {
  const m = new RegExp(`(?:^|[/／])(?:\\d{4}年度?)?(?:1月?${DASH}|截[至止](?:本年)?)(\\d{1,2})月`).exec(normaliseHeader(header).header);
  return m ? validMonth(m[1]) : null;
}

/** The regular expressions findHeader scores a header row by (the classification below decides). */
export const COMPLETED_SYNONYMS: readonly (readonly [DispatchTarget, RegExp])[] = [
  ['completedToDate', new RegExp(`${CUMULATIVE_RANGE.source}|${CUMULATIVE_UNTIL.source}|${CUMULATIVE_YEAR.source}`)],
  ['monthly', new RegExp(`${SINGLE_MONTH.source}|${SINGLE_MONTH_UNDER.source}`)],
  ['monthCompleted', THIS_MONTH],
  ['previousToDate', PREVIOUS],
  ['sinceStart', new RegExp(SINCE_START.map((r) => r.source).join('|'))],
];

/** What a money column of a dispatch sheet holds, as its name says. */
export type MoneyKind =
  | { kind: 'cumulative'; month: number | null } // this year, January to `month` (null: not said)
  | { kind: 'single'; month: number } // one month's own figure
  | { kind: 'thisMonth' }
  | { kind: 'previous' } // up to the end of last month
  | { kind: 'sinceStart' };

const validMonth = (text: string | undefined) => {
  const m = Number(text);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : null;
};

function classifyText(t: string): MoneyKind | null {
  let m = CUMULATIVE_RANGE.exec(t) ?? CUMULATIVE_UNTIL.exec(t);
  if (m) return validMonth(m[1]) ? { kind: 'cumulative', month: validMonth(m[1]) } : null;
  m = SINGLE_MONTH.exec(t) ?? SINGLE_MONTH_UNDER.exec(t);
  if (m) return validMonth(m[1]) ? { kind: 'single', month: validMonth(m[1])! } : null;
  if (THIS_MONTH.test(t)) return { kind: 'thisMonth' };
  if (PREVIOUS.test(t)) return { kind: 'previous' };
  if (SINCE_START.some((r) => r.test(t))) return { kind: 'sinceStart' };
  if (t !== '完成' && CUMULATIVE_YEAR.test(t)) return { kind: 'cumulative', month: null };
  return null;
}

/** A band's leaf that stands for the band: "合计" under "1-8月完成投资". */
const TOTAL_LEAF = /^(合计|小计|总计|计|金额|投资额|数额|调度数|调度|平台数|平台报表数)$/;

/**
 * The readings of a column's name ("band／leaf" as the preview shows it): its own cell, then with
 * its band on either side ("1-8月" under "完成投资", "本年" under "累计完成投资"). A year in front
 * ("2024年1-8月完成投资") and "其中：" say nothing about the shape.
 */
function readings(header: string): string[] {
  const parts = header.split('／').map((p) => normaliseHeader(p).header.replace(/^其中[:：]?/, '').replace(/^\d{4}年度?/, ''));
  const leaf = parts[parts.length - 1]!;
  const band = parts[parts.length - 2];
  if (band === undefined) return [leaf];
  if (TOTAL_LEAF.test(leaf)) return [band, parts.join('')];
  return [leaf, leaf + band, band + leaf, parts.join('')];
}

export function classifyMoneyHeader(header: string): MoneyKind | null {
  for (const t of readings(header)) {
    const kind = classifyText(t);
    if (kind) return kind;
  }
  return null;
}

/** "8月形象进度" (per-month sheets put one beside each month's figure): its month. */
export function visualMonthOf(header: string): number | null {
  for (const t of readings(header)) {
    const m = MONTH_VISUAL.exec(t);
    if (m) return validMonth(m[1]);
  }
  return null;
}

/** A column of the sheet as the import reads it. */
export interface SheetColumn {
  index: number;
  letter: string;
  header: string;
  /** What findHeader recognised, or the user chose (mapping). */
  target: DispatchTarget | null;
  unit: MoneyUnit;
  /** What the column holds, from its name or from the user's mapping; null for other columns. */
  money: MoneyKind | null;
  /** The user mapped this column to the cumulative (completedToDate) explicitly. */
  chosenAsCumulative: boolean;
}

const MONEY_TARGETS = new Set<DispatchTarget>(['completedToDate', 'monthly', 'monthCompleted', 'previousToDate', 'sinceStart']);

/**
 * The money kind of each column: from its name, unless the user mapped it. A column mapped to
 * "monthly" takes the month its name gives (none: it is not a month column).
 */
export function applyMapping(columns: Omit<SheetColumn, 'money' | 'chosenAsCumulative'>[], mapping: DispatchMapping = {}): SheetColumn[] {
  // A field the user gave to a column is no longer another column's.
  const mappedFields = new Set(columns.filter((c) => Object.hasOwn(mapping, c.header)).map((c) => mapping[c.header]));
  return columns.map((c) => {
    const named = classifyMoneyHeader(c.header);
    if (!Object.hasOwn(mapping, c.header)) {
      // A column recognised as another field (项目名称, 形象进度 …) keeps it.
      const money = c.target === null || MONEY_TARGETS.has(c.target) ? named : null;
      const target = c.target !== null && !MONEY_TARGETS.has(c.target) && mappedFields.has(c.target) ? null : c.target;
      return { ...c, target, money, chosenAsCumulative: false };
    }
    const target = mapping[c.header] ?? null;
    const month = named && 'month' in named ? named.month : validMonth(/(\d{1,2})月/.exec(c.header)?.[1]);
    const money: MoneyKind | null =
      target === 'completedToDate' ? (named ?? { kind: 'cumulative', month: null })
      : target === 'monthly' ? (month ? { kind: 'single', month } : null)
      : target === 'monthCompleted' ? { kind: 'thisMonth' }
      : target === 'previousToDate' ? { kind: 'previous' }
      : target === 'sinceStart' ? { kind: 'sinceStart' }
      : null;
    return { ...c, target, money, chosenAsCumulative: target === 'completedToDate' };
  });
}

export interface CompletedSource {
  how: CompletedHow;
  /** cumulative / since-start: one column; monthly-sum: months 1..M in order; month-plus-previous: [this month, previous]. */
  columns: SheetColumn[];
}

export interface HeaderIssue {
  severity: 'error' | 'warning';
  /** The header cell concerned, or null for the header row as a whole. */
  column: SheetColumn | null;
  message: string;
}

export interface CompletedChoice {
  source: CompletedSource | null;
  /** A 上月累计 column (or "1-(M-1)月") not otherwise used: checked against the library's last month. */
  previous: SheetColumn | null;
  /** A since-start column not used as the cumulative: checked against the total investment. */
  sinceStart: SheetColumn | null;
  /** Month columns 1..M beside a cumulative column: their sum is checked against it. */
  monthsBeside: SheetColumn[] | null;
  issues: HeaderIssue[];
  notes: string[];
  /** No column gives the completed investment: why (Chinese); null when one does. */
  missing: string | null;
  /** The cumulative column names another month (read only when the user confirms). */
  otherMonth: { header: string; month: number } | null;
}

const named = (c: SheetColumn) => `${c.letter}列“${c.header}”`;
const monthList = (months: number[]) => months.map((m) => `${m}月`).join('、');

/** Which column(s) give the cumulative completed investment of year Y for month M, and what else to check. */
export function chooseCompletedSource(columns: SheetColumn[], year: number, month: number, confirmMonth: boolean): CompletedChoice {
  const choice: CompletedChoice = { source: null, previous: null, sinceStart: null, monthsBeside: null, issues: [], notes: [], missing: null, otherMonth: null };
  const of = <K extends MoneyKind['kind']>(kind: K) => columns.filter((c): c is SheetColumn & { money: Extract<MoneyKind, { kind: K }> } => c.money?.kind === kind && !c.chosenAsCumulative);
  const cumulative = of('cumulative');
  const singles = new Map<number, SheetColumn>();
  for (const c of of('single')) if (!singles.has(c.money.month)) singles.set(c.money.month, c);
  const needed = Array.from({ length: month }, (_, i) => i + 1);
  const missingMonths = needed.filter((m) => !singles.has(m));
  const allMonths = singles.size > 0 && missingMonths.length === 0 ? needed.map((m) => singles.get(m)!) : null;
  const later = [...singles.entries()].filter(([m]) => m > month).sort(([a], [b]) => a - b).map(([, c]) => c);
  const previousColumn = of('previous')[0] ?? cumulative.find((c) => c.money.month === month - 1) ?? null;
  choice.sinceStart = of('sinceStart')[0] ?? null;
  const period = `${year}年1-${month}月`;
  const anotherMonth = (c: SheetColumn, m: number) => {
    choice.otherMonth = { header: c.header, month: m };
    if (confirmMonth) choice.issues.push({ severity: 'warning', column: c, message: `表头是“${c.header}”（截至${m}月），而导入的是${month}月的调度：已按您的确认作为1-${month}月累计完成投资读入` });
    else
      choice.issues.push({
        severity: 'error',
        column: c,
        message: `表头是“${c.header}”（截至${m}月），而导入的是${month}月的调度，不会当作1-${month}月累计完成投资读入。请核对导入的月份；如该列确是1-${month}月的累计，请确认月份后再导入`,
      });
  };

  const chosen = columns.find((c) => c.chosenAsCumulative);
  const thisMonth = of('thisMonth')[0] ?? (allMonths ? undefined : singles.get(month));
  const forMonth = cumulative.find((c) => c.money.month === month) ?? cumulative.find((c) => c.money.month === null);
  if (chosen) {
    const kind = chosen.money!;
    if (kind.kind === 'single' && month !== 1) {
      choice.issues.push({ severity: 'error', column: chosen, message: `“${chosen.header}”是${kind.month}月当月的完成投资，不是1-${month}月的累计，不能作为累计完成投资` });
      return choice;
    }
    choice.source = { how: kind.kind === 'sinceStart' ? 'since-start' : 'cumulative', columns: [chosen] };
    if (kind.kind === 'sinceStart') choice.notes.push(`按您的指定，把${named(chosen)}（自开工以来的累计）作为${period}累计完成投资读入`);
    if (kind.kind === 'cumulative' && kind.month !== null && kind.month !== month) anotherMonth(chosen, kind.month);
  } else if (forMonth) {
    choice.source = { how: 'cumulative', columns: [forMonth] };
    choice.monthsBeside = allMonths;
  } else if (allMonths) {
    choice.source = { how: 'monthly-sum', columns: allMonths };
  } else if (thisMonth && previousColumn) {
    choice.source = { how: 'month-plus-previous', columns: [thisMonth, previousColumn] };
    if (previousColumn.money?.kind === 'cumulative') choice.notes.push(`${named(previousColumn)}作为上月累计，与${named(thisMonth)}相加`);
  } else if (cumulative.length > 0) {
    const c = cumulative[0]!;
    anotherMonth(c, (c.money as { month: number }).month);
    if (confirmMonth) choice.source = { how: 'cumulative', columns: [c] };
  } else if (singles.size > 0) {
    choice.issues.push({
      severity: 'error',
      column: null,
      message: `按月填报的完成投资缺少${monthList(missingMonths)}的列：导入${month}月须有1月至${month}月每月一列（本表有${monthList([...singles.keys()].sort((a, b) => a - b))}）；单月的完成投资不能作为累计`,
    });
  } else if (thisMonth) {
    choice.missing = `${named(thisMonth)}是${month}月当月的完成投资，本表没有“上月累计”列，得不出${period}累计完成投资；导入后各项目的累计完成投资不会更新。`;
  } else if (choice.sinceStart) {
    choice.missing =
      `${named(choice.sinceStart)}是项目自开工以来的累计，不是${period}的完成投资，不会自动作为累计完成投资读入；导入后各项目的累计完成投资不会更新。` +
      `如该列确是本年的累计（例如项目今年开工），请在“列对应”中把它指定为“1-M月累计完成投资”。`;
  } else {
    choice.missing = `本表没有完成投资列（如“1-${month}月完成投资”“本年累计完成投资”，逐月的“N月完成投资”，或“本月完成”加“上月累计”），导入后各项目的累计完成投资不会更新。`;
  }
  // 上月累计 is checked against the library whether it is added to 本月 or only shown beside the cumulative.
  // A "1-(M-1)月" column counts as 上月累计 only beside this month's figure, never when it is the sheet's only cumulative.
  const isPrevious = previousColumn?.money?.kind === 'previous' || (choice.source !== null && (choice.source.how === 'month-plus-previous' || !choice.source.columns.includes(previousColumn!)));
  if (previousColumn && isPrevious) choice.previous = previousColumn;
  if (choice.source?.how === 'since-start') choice.sinceStart = null;
  if (later.length > 0) choice.notes.push(`${later.map(named).join('、')}是${month}月以后的数，不计入（导入的是${month}月）`);
  return choice;
}

/**
 * A 纳统 column naming another month than the one imported ("1-7月纳统投资" for 8月) is read only
 * when the user confirms the month, as the cumulative is.
 */
export function statisticsColumnIssue(c: SheetColumn | undefined, month: number, confirmMonth: boolean): HeaderIssue | null {
  const named = c ? statisticsMonthOf(c.header) : null;
  if (!c || named === null || named === month) return null;
  return confirmMonth
    ? { severity: 'warning', column: c, message: `表头是“${c.header}”（截至${named}月），已按您的确认作为1-${month}月纳统完成投资读入` }
    : { severity: 'error', column: c, message: `表头是“${c.header}”（截至${named}月），而导入的是${month}月的调度，不会当作1-${month}月纳统完成投资读入。请核对导入的月份；如该列确是1-${month}月的数，请确认月份后再导入` };
}

/** Each column's role for the preview: what it gave, or what it holds when unused. */
export function roleOf(c: SheetColumn, choice: CompletedChoice): DispatchTarget | null {
  const used = choice.source?.columns ?? [];
  if (choice.source && used.includes(c)) {
    if (choice.source.how === 'month-plus-previous') return c === used[0] ? 'monthCompleted' : 'previousToDate';
    return choice.source.how === 'monthly-sum' ? 'monthly' : 'completedToDate';
  }
  if (c === choice.previous) return 'previousToDate';
  switch (c.money?.kind) {
    case undefined:
      return c.target;
    case 'cumulative':
      return null; // another month's cumulative, not read
    case 'single':
      return 'monthly';
    case 'thisMonth':
      return 'monthCompleted';
    case 'previous':
      return 'previousToDate';
    case 'sinceStart':
      return 'sinceStart';
  }
}
