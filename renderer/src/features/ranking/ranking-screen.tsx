/**
 * 赛马: districts and lead departments ranked by completion rate (ties by amount completed) with the
 * amount, the start rate and their red and yellow projects; and the ten fastest and slowest projects.
 */
import { useEffect, useState } from 'react';
import type { Ranking } from '../../../../shared/api';
import type { NumberStyle } from '../../../../shared/number-style';
import { moneyHeader, moneyTable, percent, progressGap, progressGapPhrase } from '../../../../shared/phrases';
import type { KeyedSummary, ProjectFigures } from '../../../../shared/statistics';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { call, messageOf } from '../../api';
import { useNumberStyle } from '../../ui/number-style';

function RankTable(props: { title: string; keyLabel: string; month: number; groups: KeyedSummary[]; testId: string; style: NumberStyle }) {
  const { style } = props;
  return (
    <section className="rank-section">
      <h2>{props.title}</h2>
      <table className="rank-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th>名次</th>
            <th>{props.keyLabel}</th>
            <th>项目数</th>
            <th>{moneyHeader('年度计划投资', style.tableUnit)}</th>
            <th>{moneyHeader('完成投资', style.tableUnit)}</th>
            <th>完成率</th>
            <th>与时序进度比</th>
            <th>开复工率</th>
            <th>红色</th>
            <th>黄色</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g, i) => {
            const gap = progressGap(g.completedToDate, g.annualPlan, props.month, style);
            return (
              <tr key={g.key}>
                <td>{i + 1}</td>
                <td>{g.key}</td>
                <td>{g.projects}</td>
                <td>{moneyTable(g.annualPlan, style)}</td>
                <td>{moneyTable(g.completedToDate, style)}</td>
                <td>{percent(g.completedToDate, g.annualPlan, style)}</td>
                <td className={gap && gap.sign < 0 ? 'behind' : ''}>{progressGapPhrase(g.completedToDate, g.annualPlan, props.month, style, 'short')}</td>
                <td>{percent(g.startedNew + g.resumed, g.projects, style)}</td>
                <td className={g.warnings.red ? 'warning-red' : ''}>{g.warnings.red}</td>
                <td className={g.warnings.yellow ? 'warning-yellow' : ''}>{g.warnings.yellow}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ProjectList(props: { title: string; projects: ProjectFigures[]; style: NumberStyle }) {
  return (
    <section className="rank-section">
      <h2>{props.title}</h2>
      <ol className="project-rank">
        {props.projects.map((p) => (
          <li key={p.projectId}>
            <span>{p.name}</span>
            <span className="muted">
              {p.district ?? ''} · 完成率{percent(p.completedToDate, p.annualPlan, props.style)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function RankingScreen(props: { years: number[] }) {
  const { year, setYear, month, setMonth } = usePeriod(props.years);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const style = useNumberStyle(year, month);
  useEffect(() => {
    call('stats.ranking', { year, month }).then(
      (r) => (setRanking(r), setError(null)),
      (err) => setError(messageOf(err)),
    );
  }, [year, month]);
  return (
    <section className="ranking-screen" data-testid="ranking-screen">
      <div className="toolbar">
        <PeriodPicker years={props.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['赛马年度', '赛马月份']} />
      </div>
      {error && <p className="error-text">{error}</p>}
      {ranking && (
        <div className="ranking-body">
          <RankTable title="区市赛马" keyLabel="区市" month={month} groups={ranking.districts} testId="rank-districts" style={style} />
          <RankTable title="牵头部门赛马" keyLabel="牵头部门" month={month} groups={ranking.leadDepartments} testId="rank-departments" style={style} />
          <div className="rank-lists">
            <ProjectList title="进度最快的10个项目" projects={ranking.fastest} style={style} />
            <ProjectList title="进度最慢的10个项目" projects={ranking.slowest} style={style} />
          </div>
        </div>
      )}
    </section>
  );
}
