/**
 * 赛马: districts and lead departments ranked by completion rate (ties by amount completed) with the
 * amount, the start rate and their red and yellow projects; and the ten fastest and slowest projects.
 * Each row opens its projects (and from there the 项目库 or 月调度); 导出… gives the two tables as
 * .xlsx (the same cells, shared/ranking.ts); 打印… prints the page on A4 with its title and period.
 */
import { useEffect, useState } from 'react';
import type { Ranking } from '../../../../shared/api';
import { formatPeriod } from '../../../../shared/format';
import { PrintHeader } from '../../ui/print-header';
import type { NumberStyle } from '../../../../shared/number-style';
import { moneyTable, percent } from '../../../../shared/phrases';
import { RANK_HEADERS, rankCells } from '../../../../shared/ranking';
import type { KeyedSummary, ProjectFigures } from '../../../../shared/statistics';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { call, messageOf } from '../../api';
import { ConfirmDialog } from '../../ui/dialogs';
import { deliverFile } from '../../ui/download';
import { ProjectsDialog } from '../../ui/projects-dialog';
import { useNumberStyle } from '../../ui/number-style';
import type { ProjectSelection } from '../../ui/selection';

type Dimension = 'district' | 'leadDepartment';

function RankTable(props: { title: string; keyLabel: string; month: number; groups: KeyedSummary[]; testId: string; onOpen: (key: string) => void; style: NumberStyle }) {
  const { style } = props;
  return (
    <section className="rank-section">
      <h2>{props.title}</h2>
      <table className="rank-table" data-testid={props.testId}>
        <thead>
          <tr>
            {RANK_HEADERS(props.keyLabel, style.tableUnit).map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g, i) => {
            const r = rankCells(g, i, props.month, style);
            return (
              <tr key={g.key} className="rank-row" onClick={() => props.onOpen(g.key)} title={`查看${g.key}的${g.projects}个项目`}>
                <td>{r.rank}</td>
                <td>
                  <button className="link" onClick={() => props.onOpen(g.key)}>
                    {r.key}
                  </button>
                </td>
                <td>{r.projects}</td>
                <td>{moneyTable(r.annualPlan, style)}</td>
                <td>{moneyTable(r.completedToDate, style)}</td>
                <td>{r.rate}</td>
                <td className={r.behind ? 'behind' : ''}>{r.gap}</td>
                <td>{r.startRate}</td>
                <td className={r.red ? 'warning-red' : ''}>{r.red}</td>
                <td className={r.yellow ? 'warning-yellow' : ''}>{r.yellow}</td>
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

export function RankingScreen(props: { years: number[]; onEdit?: (target: 'projects' | 'dispatch', selection: ProjectSelection) => void }) {
  const { year, setYear, month, setMonth } = usePeriod(props.years);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const style = useNumberStyle(year, month);
  const [notice, setNotice] = useState('');
  const [asking, setAsking] = useState(false);
  const [drill, setDrill] = useState<{ label: string; projects: ProjectFigures[] } | null>(null);
  useEffect(() => {
    call('stats.ranking', { year, month }).then(
      (r) => (setRanking(r), setError(null)),
      (err) => setError(messageOf(err)),
    );
  }, [year, month]);
  const period = `${year}年${formatPeriod(month)}`;

  const open = (dimension: Dimension, key: string) => {
    const request =
      dimension === 'district'
        ? call('stats.projects', { year, month, dimension: 'district', key })
        : call('stats.projects', { year, month, dimension: 'all', key: '', filter: { leadDepartments: [key] } });
    request.then((projects) => setDrill({ label: `${period}${key}`, projects }), (err) => setError(messageOf(err)));
  };
  const exportTables = () => {
    setAsking(false);
    deliverFile(call('export.ranking', { year, month })).then((text) => setNotice(text ?? ''), (err) => setError(messageOf(err)));
  };

  return (
    <section className="ranking-screen" data-testid="ranking-screen">
      <div className="toolbar">
        <PeriodPicker years={props.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['赛马年度', '赛马月份']} />
        <span className="spacer" />
        <span className="muted" role="status" data-testid="ranking-status">
          {notice}
        </span>
        <button disabled={!ranking} onClick={() => setAsking(true)} title="把区市和牵头部门赛马导出为 Excel 工作簿">
          导出…
        </button>
        <button onClick={() => window.print()} title="打印或另存为PDF（A4）">
          打印…
        </button>
      </div>
      <PrintHeader title={`${period}重点项目赛马`} period={period} />
      {error && <p className="error-text">{error}</p>}
      {ranking && (
        <div className="ranking-body">
          <RankTable title="区市赛马" keyLabel="区市" month={month} groups={ranking.districts} testId="rank-districts" onOpen={(k) => open('district', k)} style={style} />
          <RankTable title="牵头部门赛马" keyLabel="牵头部门" month={month} groups={ranking.leadDepartments} testId="rank-departments" onOpen={(k) => open('leadDepartment', k)} style={style} />
          <div className="rank-lists">
            <ProjectList title="进度最快的10个项目" projects={ranking.fastest} style={style} />
            <ProjectList title="进度最慢的10个项目" projects={ranking.slowest} style={style} />
          </div>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title="导出赛马"
          message={`把${period}的区市赛马（${ranking?.districts.length ?? 0}个区市）和牵头部门赛马（${ranking?.leadDepartments.length ?? 0}个部门）导出为 Excel 工作簿，每张表一个工作表，金额单位万元，按 A4 横向排版。`}
          confirmLabel="导出"
          onCancel={() => setAsking(false)}
          onConfirm={exportTables}
        />
      )}
      {drill && (
        <ProjectsDialog
          title={`${drill.label}：${drill.projects.length}个项目`}
          projects={drill.projects}
          onClose={() => setDrill(null)}
          actions={
            props.onEdit && (
              <>
                <button onClick={() => props.onEdit!('projects', { label: drill.label, year, month, projectIds: drill.projects.map((p) => p.projectId) })}>在项目库中编辑</button>
                <button onClick={() => props.onEdit!('dispatch', { label: drill.label, year, month, projectIds: drill.projects.map((p) => p.projectId) })}>在月调度中编辑</button>
              </>
            )
          }
        />
      )}
    </section>
  );
}
