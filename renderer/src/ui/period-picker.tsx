/** Year and month of a report (the screens of 月调度 and 赛马 share it). */
import { useState } from 'react';

/** The latest year that has a list (else this year), and last month. */
export function usePeriod(years: readonly number[]) {
  const [year, setYear] = useState(() => (years.length ? Math.max(...years) : new Date().getFullYear()));
  const [month, setMonth] = useState(() => Math.max(1, new Date().getMonth()));
  return { year, setYear, month, setMonth };
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
  const years = [...new Set([...props.years, props.year])].sort((a, b) => b - a);
  return (
    <>
      <label>
        年度
        <select aria-label={props.labels[0]} value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <label>
        月份
        <MonthSelect label={props.labels[1]} month={props.month} onMonth={props.onMonth} />
      </label>
    </>
  );
}
