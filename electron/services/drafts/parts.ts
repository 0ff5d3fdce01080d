/** What the three drafts have in common: their input, and small builders of blocks. */
import type { ShortNames } from '../../../shared/chart-labels';
import type { Block, Run } from '../../../shared/drafts';
import { fillTemplate, placeholder } from '../../../shared/drafts';
import { formatDateText } from '../../../shared/format';
import { monthEndDate } from '../../../shared/domain';
import { latestReportDate, monthClosingLog } from '../../db/progress';
import type { MoneyUnit } from '../../../shared/money';
import type { NumberStyle } from '../../../shared/number-style';
import { draftMoneyCell, moneyHeader, percentCell } from '../../../shared/phrases';
import type { ReplyCategory } from '../../../shared/drafts-reply';
import type { Statistics } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { statistics } from '../statistics';
import { FigureBook, groupFields, type Scope } from './figures';

export interface DraftInput {
  db: Db;
  year: number;
  month: number;
  params: Record<string, string>;
  /** For the date when none is given. */
  today: Date;
  /** The template text to use for a key (the office's own, or the default). */
  text: (key: string) => string;
  /** The office's style (设置 > 口径) as of the month: decimals, counting word, units. */
  style: NumberStyle;
  /** The office's short names for the charts (设置 > 图表简称), today's. */
  shortNames?: ShortNames;
  /** The office's 办复类别 (设置 > 办复类别), today's. */
  replyCategories: ReplyCategory[];
}

/** The pieces the statistics drafts need: statistics of Y, the figure book, the scope of the whole list. */
export function begin(input: DraftInput) {
  const st = statistics(input.db, input.year, input.month);
  const book = newBook(input);
  const all: Scope = { label: '全市', filter: {}, dimension: 'all', key: '' };
  return { st, book, all };
}

/** The figure book of a draft, writing in the office's style. */
export function newBook(input: DraftInput): FigureBook {
  return new FigureBook(input.year, input.month, input.style);
}

/** Year Y−1 at the same month, when it has a list (its breakdowns give the 同比 of each part). */
export function previousYear(input: DraftInput): Statistics | null {
  const prev = statistics(input.db, input.year - 1, input.month);
  return prev.overall.projects > 0 ? prev : null;
}

export const t = (text: string): Run => ({ text });
export const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });
export const flush = (...runs: Run[]): Block => ({ kind: 'paragraph', runs, noIndent: true });
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, runs: [t(text)] });

/** A template filled with a group's fields (and any extra fields the template allows). */
export function templated(input: DraftInput, key: string, book: FigureBook, scope: Scope, st: Statistics['overall'], prev: Statistics['overall'] | null, extra: Record<string, Run[]> = {}): Run[] {
  return fill(input, key, { ...groupFields(book, scope, st, prev), ...extra });
}

/** A template filled with the given fields, its counting words the office's. */
export function fill(input: DraftInput, key: string, values: Record<string, Run[]>): Run[] {
  return fillTemplate(input.text(key), values, input.style.countWord);
}

/** A table's money column: its unit in the header, never in the cells (the office's table unit). */
export function moneyColumnTitle(input: DraftInput, label: string, unit: MoneyUnit = input.style.tableUnit): string {
  return moneyHeader(label, unit);
}

/** A money cell of a table: the office's table unit and decimals, alike in every row (thousands only if the office asks). */
export function moneyCell(input: DraftInput, amount: number): Run[] {
  return [{ text: draftMoneyCell(amount, input.style) }];
}

/** A percent cell of a table: the office's decimals in every row ("100.0%"). */
export function percentCellRuns(input: DraftInput, num: number, den: number): Run[] {
  return [{ text: percentCell(num, den, input.style) }];
}

/** A parameter, or a visible placeholder naming it. */
export function param(input: DraftInput, key: string, what: string): Run {
  const v = input.params[key]?.trim();
  return v ? t(v) : placeholder(what);
}

export function paramText(input: DraftInput, key: string, fallback: string): string {
  return input.params[key]?.trim() || fallback;
}

/** The date of the draft: as given, or today, written the Chinese way. */
export function draftDate(input: DraftInput): string {
  const given = input.params.date?.trim();
  if (given) return given;
  const d = input.today;
  return formatDateText(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
}

/**
 * The date of a month's bulletin: as given, else the day the month was closed (关账), else the day
 * its last report came in, else the month's last day — the date of the figures, never the day the
 * draft happens to be made.
 */
export function reportingDate(input: DraftInput): string {
  const given = input.params.date?.trim();
  if (given) return given;
  const latest = monthClosingLog(input.db, input.year, input.month)[0];
  const closed = latest?.action === 'close' ? latest.at.slice(0, 10) : undefined;
  return formatDateText(closed ?? latestReportDate(input.db, input.year, input.month) ?? monthEndDate(input.year, input.month));
}

/** 一、二、… for numbered points ("一是", "二是"). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n]!;
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

export interface Speaker {
  name: string;
  title: string;
  department: string;
  /** How the host calls on him: "主任", "副局长" (seed 000: "请张宗浩主任介绍"); 同志 when the title says nothing. */
  address: string;
}

/** Ranks a host calls a speaker by, with 副/常务副 before them. */
const RANK = /(常务副|副)?(主任|局长|书记|秘书长|调研员|巡视员|主席|市长|区长|县长|部长|厅长|处长|科长|院长|校长|所长|站长|行长|会长|理事长|董事长|总经理|经理|总工程师|总经济师)$/;

/**
 * The short title the host uses, from the full one: the rank at the end of its last part (a
 * 新闻发言人 aside): "市发展改革委党组书记、主任" → 主任, "市海洋发展局四级调研员" → 调研员,
 * "…乡村振兴局常务副局长" → 常务副局长; 同志 when no rank is named.
 */
export function shortTitle(title: string): string {
  const parts = title.split(/[、，,；;\s]+/).filter((p) => p && !/新闻发言人$/.test(p));
  return RANK.exec(parts.at(-1) ?? '')?.[0] ?? '同志';
}

/** Speakers from the `speakers` parameter: one per line, "姓名|职务|牵头部门|称呼" (称呼 optional). */
export function speakers(input: DraftInput): Speaker[] {
  return (input.params.speakers ?? '')
    .split(/\r?\n/)
    .map((line) => line.split(/[|｜]/).map((s) => s.trim()))
    .filter((parts) => parts[0])
    .map(([name, title = '', department = '', address = '']) => ({ name: name!, title, department, address: address || shortTitle(title) }));
}
