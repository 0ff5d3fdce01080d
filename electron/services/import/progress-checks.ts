/**
 * What a statistics office checks in a dispatch sheet before it believes it (REAL-DOCUMENTS.md):
 * each finding is a warning shown in the preview and by kpw, never a silent fix. Per project:
 * - the cumulative falls from last month;
 * - 上月累计 in the sheet differs from what the library holds for month M-1;
 * - the months added up differ from the sheet's own cumulative column;
 * - the cumulative since the start (a since-start column, or this year's cumulative plus the
 *   library's earlier years) exceeds the total investment, or 1.2 × it without 竣工/投产;
 * - the cumulative is many times the annual plan (the factor a setting, 3 by default);
 * - three or more months running with no investment after the project started.
 */
import type { ProjectRow } from '../../../shared/domain';
import { formatMoneyCell } from '../../../shared/format';
import { money, type Money } from '../../../shared/money';
import type { Db } from '../../db/connection';
import { earlierYearsCompleted, reportsBefore, type ReportSnapshot } from '../../db/progress';

/** Months in a row without investment (after the start) from which a warning is given. */
const ZERO_RUN_MONTHS = 3;

export interface RowFacts {
  project: ProjectRow;
  /** The report as it will be stored. */
  report: ReportSnapshot;
  /** The latest earlier report of the year (what last month carries forward). */
  previous: ReportSnapshot | null;
  /** The sheet gave this month's completed investment (not carried forward). */
  completedGiven: boolean;
  /** The sheet's own figures for months 1..M, when it gives one column per month. */
  sheetMonths: Money[] | null;
  /** The sheet's 上月累计 for this row. */
  previousInSheet: Money | null;
  /** The sheet's since-start cumulative for this row (a column beside the cumulative). */
  sinceStartInSheet: Money | null;
  /** The row's cumulative is a since-start column the user chose. */
  cumulativeIsSinceStart: boolean;
  /** The sheet's own cumulative column, when its months are added up beside it. */
  cumulativeInSheet: Money | null;
}

/** Where a finding points: the cumulative's cell, 上月累计's, or the since-start column's. */
export interface Finding {
  at: 'completed' | 'previous' | 'sinceStart';
  message: string;
}

const wan = (amount: number) => `${formatMoneyCell(amount, '万元')}万元`;

/** A project finished or producing may have spent more than planned. */
function isDone(project: ProjectRow, report: ReportSnapshot): boolean {
  return project.stage === 'completed' || project.stage === 'production' || report.completed === 1 || report.in_production === 1;
}

/** value > factor × base, exactly (factor to two decimals). */
function above(value: Money, factor: number, base: Money): boolean {
  return BigInt(value) * 100n > BigInt(Math.round(factor * 100)) * BigInt(base);
}

export function checkRow(db: Db, year: number, month: number, planMultiple: number, f: RowFacts): Finding[] {
  const findings: Finding[] = [];
  const { project, report, previous } = f;
  const done = report.completed_to_date;
  const earlier = reportsBefore(db, project.projectId, year, month);
  const lastMonth = earlier.get(month - 1);
  if (f.previousInSheet !== null && lastMonth && f.previousInSheet !== lastMonth.completed_to_date) {
    findings.push({ at: 'previous', message: `上月累计${wan(f.previousInSheet)}与项目库中${month - 1}月的累计完成投资${wan(lastMonth.completed_to_date)}不一致` });
  }
  if (!f.completedGiven) return findings;
  if (previous && done < previous.completed_to_date) {
    findings.push({ at: 'completed', message: `累计完成投资少于${previous.month}月的${formatMoneyCell(previous.completed_to_date, '万元')}万元` });
  }
  if (f.cumulativeInSheet !== null && f.sheetMonths && f.cumulativeInSheet !== f.sheetMonths.reduce((a, b) => a + b, 0)) {
    const sum = f.sheetMonths.reduce((a, b) => a + b, 0);
    findings.push({ at: 'completed', message: `累计完成投资${wan(f.cumulativeInSheet)}与1月至${month}月各月之和${wan(sum)}不一致` });
  }
  sinceStartChecks(db, year, month, f, findings);
  const plan = project.annualPlan;
  if (plan !== null && plan > 0 && above(done, planMultiple, plan)) {
    findings.push({ at: 'completed', message: `累计完成投资${wan(done)}超过年度计划投资${wan(plan)}的${planMultiple}倍，请核对单位和数字` });
  }
  const run = zeroRun(year, month, f, earlier);
  if (run) findings.push({ at: 'completed', message: `${run.from}月至${month}月连续${run.months}个月完成投资为零（项目已开工）` });
  return findings;
}

function sinceStartChecks(db: Db, year: number, month: number, f: RowFacts, findings: Finding[]): void {
  const total = f.project.totalInvestment;
  if (total === null || total <= 0) return;
  let since: Money;
  let what: string;
  let at: Finding['at'] = 'completed';
  if (f.cumulativeIsSinceStart) {
    since = f.report.completed_to_date;
    what = `自开工累计完成投资${wan(since)}`;
  } else if (f.sinceStartInSheet !== null) {
    since = f.sinceStartInSheet;
    what = `自开工累计完成投资${wan(since)}`;
    at = 'sinceStart';
  } else {
    // Only what the library holds: this year's cumulative plus each earlier year's last report.
    const before = earlierYearsCompleted(db, f.project.projectId, year);
    since = money(f.report.completed_to_date + before.total);
    what =
      before.years.length > 0
        ? `自开工累计完成投资${wan(since)}（${year}年1-${month}月${wan(f.report.completed_to_date)}，加项目库中${before.years.join('、')}年的${wan(before.total)}）`
        : `${year}年1-${month}月累计完成投资${wan(since)}`;
  }
  if (!isDone(f.project, f.report) && 5n * BigInt(since) > 6n * BigInt(total)) {
    findings.push({ at, message: `${what}超过总投资${wan(total)}的1.2倍，而项目尚未竣工或投产` });
  } else if (since > total) {
    findings.push({ at, message: `${what}超过总投资${wan(total)}` });
  }
}

/**
 * The months in a row, ending with month M, in which the cumulative did not grow after the
 * project started (a 续建 project from January; a 新建 one after its start month). A month the
 * library has no report for carries the one before, as the statistics do.
 */
function zeroRun(year: number, month: number, f: RowFacts, earlier: Map<number, ReportSnapshot>): { from: number; months: number } | null {
  if (isDone(f.project, f.report)) return null;
  const startDate = f.report.start_date ?? f.project.startDate;
  let after: number;
  if (f.project.nature === 'continued') after = 0;
  else if (startDate) {
    const startYear = Number(startDate.slice(0, 4));
    if (startYear > year) return null;
    after = startYear < year ? 0 : Number(startDate.slice(5, 7));
  } else if (f.report.started === 1) {
    // Started, date unknown: from the first month a report says so.
    after = [...earlier.values()].find((r) => r.started === 1)?.month ?? month;
  } else return null;
  const cumulative: Money[] = [money(0)];
  for (let m = 1; m <= month; m++) {
    if (f.sheetMonths) cumulative.push(money(cumulative[m - 1]! + f.sheetMonths[m - 1]!));
    else if (m === month) cumulative.push(f.report.completed_to_date);
    else cumulative.push(earlier.get(m)?.completed_to_date ?? cumulative[m - 1]!);
  }
  let run = 0;
  for (let m = month; m > after && cumulative[m]! <= cumulative[m - 1]!; m--) run++;
  return run >= ZERO_RUN_MONTHS ? { from: month - run + 1, months: run } : null;
}
