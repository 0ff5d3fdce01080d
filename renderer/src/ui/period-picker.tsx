/**
 * The one rule for choosing a year and a month (issue 18): which years are offered, which year and
 * month a screen starts at, and the selects that choose them. 月调度, 赛马, 统计分析, 材料生成, 包联,
 * 问题清单, 督办 and 前期手续 use usePeriod and PeriodPicker; 项目库 chooses its list's year with
 * YearSelect (listYear, listYearChoices: it may start next year's list) and the month of a dispatch
 * import with MonthSelect; 台账's report takes latestYear.
 */
import { useState } from 'react';

/** The latest year that has a list, else this year. */
export function latestYear(years: readonly number[]): number {
  return years.length ? Math.max(...years) : new Date().getFullYear();
}

/** Last month: what is reported now (January gives January, the year's first month). */
export function lastMonth(): number {
  return Math.max(1, new Date().getMonth());
}

/** 项目库's year: the latest list up to next year's, else the latest list, else this year. */
export function listYear(years: readonly number[]): number {
  const current = new Date().getFullYear();
  const candidates = years.filter((y) => y <= current + 1);
  return candidates.length ? Math.max(...candidates) : latestYear(years);
}

/** 项目库's year choices: the lists' years, this year and the one shown, and the year after the last (a new list). */
export function listYearChoices(years: readonly number[], year: number): number[] {
  const set = new Set([...years, new Date().getFullYear(), year]);
  set.add(Math.max(...set) + 1);
  return [...set].sort((a, b) => b - a);
}

/** The latest year that has a list (else this year), and last month. */
export function usePeriod(years: readonly number[]) {
  const [year, setYear] = useState(() => latestYear(years));
  const [month, setMonth] = useState(lastMonth);
  return { year, setYear, month, setMonth };
}

/** The years given and the one shown, newest first: the one year chooser of every screen. */
export function YearSelect(props: { label: string; years: readonly number[]; year: number; onYear: (year: number) => void }) {
  const years = [...new Set([...props.years, props.year])].sort((a, b) => b - a);
  return (
    <select aria-label={props.label} value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}年
        </option>
      ))}
    </select>
  );
}

/** 1月 … 12月, the one month chooser of every screen and dialog. */
export function MonthSelect(props: { label: string; month: number; onMonth: (month: number) => void }) {
  return (
    <select aria-label={props.label} value={props.month} onChange={(e) => props.onMonth(Number(e.target.value))}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
        <option key={m} value={m}>
          {m}月
        </option>
      ))}
    </select>
  );
}

export function PeriodPicker(props: {
  years: readonly number[];
  year: number;
  month: number;
  onYear: (year: number) => void;
  onMonth: (month: number) => void;
  /** Accessible names of the two selects, distinct per screen. */
  labels: [year: string, month: string];
}) {
  return (
    <>
      <label>
        年度
        <YearSelect label={props.labels[0]} years={props.years} year={props.year} onYear={props.onYear} />
      </label>
      <label>
        月份
        <MonthSelect label={props.labels[1]} month={props.month} onMonth={props.onMonth} />
      </label>
    </>
  );
}
