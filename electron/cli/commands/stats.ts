/** kpw stats: the statistics of a month (a closed month's as closed), as text or as the JSON of STATISTICS.md. */
import { formatPeriod } from '../../../shared/format';
import { change, count, headlineClauses, moneyText } from '../../../shared/phrases';
import { moneyInUnit } from '../../../shared/money';
import { SUMMARY_MONEY_FIELDS, type KeyedSummary, type Summary } from '../../../shared/statistics';
import { parse, requireMonth, requireOption, requireYear } from '../args';
import { withLibrary } from '../client';

/** A summary for the JSON contract of STATISTICS.md: amounts in 万元, exact to 0.0001. */
function summaryJson(s: Summary): Record<string, unknown> {
  const out: Record<string, unknown> = { ...s };
  for (const k of SUMMARY_MONEY_FIELDS) out[k] = s[k] === null ? null : moneyInUnit(s[k], '万元');
  return out;
}

export async function stats(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } });
  const year = requireYear(values);
  const month = requireMonth(values);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const st = await call('stats.get', { year, month });
    if (values.json) {
      const keyed = (list: KeyedSummary[]) => list.map((k) => summaryJson(k));
      const out = {
        year,
        month,
        unit: '万元',
        overall: summaryJson(st.overall),
        byLevel: keyed(st.byLevel),
        byCategory: keyed(st.byCategory),
        byDistrict: keyed(st.byDistrict),
        bySize: keyed(st.bySize),
        byLeadDepartment: keyed(st.byLeadDepartment),
        byContactLeader: keyed(st.byContactLeader),
        byTag: keyed(st.byTag),
        provinceCity: summaryJson(st.provinceCity),
        previous: st.previous ? summaryJson(st.previous) : null,
        yoy: st.yoy,
        // Problems on the year's projects as of the end of month M; projects = with at least one.
        problems: await call('problems.atMonthEnd', { year, month }),
        // The life cycle: stages and conversions, 前期手续 as of the month end, 要素保障 of the year.
        ...(await (await import('./lifecycle')).lifecycleJson(call, year, month)),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const o = st.overall;
    // Written by the phrase library in the office's style (a closed month's as it was closed).
    const style = await call('settings.style', { year, month });
    const lines = [
      `${year}年${formatPeriod(month)}：重点项目${count(o.projects, style)}，总投资${moneyText(o.totalInvestment, style)}，年度计划投资${moneyText(o.annualPlan, style)}`,
      ...headlineClauses(o, month, style).slice(1),
    ];
    if (st.previous) {
      const p = st.previous;
      lines.push(`与上年同期相比：项目数${change(o.projects, p.projects, style)}，总投资${change(o.totalInvestment, p.totalInvestment, style)}，年度计划投资${change(o.annualPlan, p.annualPlan, style)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
