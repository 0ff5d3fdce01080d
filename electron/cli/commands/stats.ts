/** kpw stats: the statistics of a month (a closed month's as closed), as text or as the JSON of STATISTICS.md. */
import { formatChange, formatMoneyText, formatPercent, formatPeriod } from '../../../shared/format';
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
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const o = st.overall;
    const lines = [
      `${year}年${formatPeriod(month)}：重点项目${o.projects}个，总投资${formatMoneyText(o.totalInvestment)}，年度计划投资${formatMoneyText(o.annualPlan)}`,
      `完成投资${formatMoneyText(o.completedToDate)}，投资完成率${formatPercent(o.completedToDate, o.annualPlan)}（时序进度${formatPercent(month, 12)}）`,
      `开复工${o.startedNew + o.resumed}个，开复工率${formatPercent(o.startedNew + o.resumed, o.projects)}；未报送${o.unreported}个；红色${o.warnings.red}个，黄色${o.warnings.yellow}个`,
    ];
    if (st.previous) {
      const p = st.previous;
      lines.push(`与上年同期相比：项目数${formatChange(o.projects, p.projects)}，总投资${formatChange(o.totalInvestment, p.totalInvestment)}，年度计划投资${formatChange(o.annualPlan, p.annualPlan)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
