/**
 * 统计分析: headline cards and the charts of one year and month, all under one filter; clicking a
 * bar, slice or point lists the projects behind it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { analysisCharts, type ChartSpec, type MonthlyTrend } from '../../../../shared/charts';
import { NO_SHORT_NAMES, type ShortNames } from '../../../../shared/chart-labels';
import { LEVEL_LABELS, type Level, type Lists } from '../../../../shared/domain';
import { formatPeriod } from '../../../../shared/format';
import type { NumberStyle } from '../../../../shared/number-style';
import { count, moneyText, percent, pointsChange, progressGapPhrase, yoyPhrase } from '../../../../shared/phrases';
import type { ProjectFigures, Statistics, StatsFilter } from '../../../../shared/statistics';
import { PROJECTS_DIALOG_COLUMNS } from '../../../../shared/export-columns';
import { call, messageOf } from '../../api';
import { ProjectsDialog } from '../../ui/projects-dialog';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { ChartView } from './chart-view';
import { PrintHeader } from '../../ui/print-header';
import type { ProjectSelection } from '../../ui/selection';
import { downloadBase64 } from '../../ui/download';
import { besideAnnualItems } from '../dispatch/beside-annual';

function Card(props: { label: string; value: string; note?: string; onOpen?: (label: string) => void }) {
  // Each card is a figure of the whole filter: clicking it lists exactly those projects.
  return (
    <button type="button" className="stat-card" title="点击查看这些项目" onClick={() => props.onOpen?.(props.label)}>
      <div className="stat-label">{props.label}</div>
      <div className="stat-value">{props.value}</div>
      {props.note && <div className="stat-note">{props.note}</div>}
    </button>
  );
}

/** The headline cards, every note a phrase of the phrase library in the month's style. */
function Cards(props: { st: Statistics; style: NumberStyle; onOpen: (label: string) => void }) {
  const { st, style } = props;
  const { overall: o, previous: p, month } = st;
  const yoy = (cur: number, prev: number | undefined) => yoyPhrase(cur, prev, style) ?? undefined;
  const starts = o.startedNew + o.resumed;
  return (
    <div className="stat-cards" data-testid="stat-cards">
      <Card onOpen={props.onOpen} label="重点项目" value={count(o.projects, style)} note={yoy(o.projects, p?.projects)} />
      <Card onOpen={props.onOpen} label="总投资" value={moneyText(o.totalInvestment, style)} note={yoy(o.totalInvestment, p?.totalInvestment)} />
      <Card onOpen={props.onOpen} label="年度计划投资" value={moneyText(o.annualPlan, style)} note={yoy(o.annualPlan, p?.annualPlan)} />
      <Card onOpen={props.onOpen} label={`${formatPeriod(month)}完成投资`} value={moneyText(o.completedToDate, style)} note={yoy(o.completedToDate, p?.completedToDate)} />
      <Card
        onOpen={props.onOpen}
        label="投资完成率"
        value={percent(o.completedToDate, o.annualPlan, style)}
        note={o.annualPlan > 0 ? progressGapPhrase(o.completedToDate, o.annualPlan, month, style) : undefined}
      />
      <Card
        onOpen={props.onOpen}
        label="开复工率"
        value={percent(starts, o.projects, style)}
        note={p && p.projects && o.projects ? `同比${pointsChange(starts, o.projects, p.startedNew + p.resumed, p.projects, style)}` : undefined}
      />
      {besideAnnualItems(o, month).map((i) => (
        <Card key={i.label} label={i.label} value={i.value} note={i.note} />
      ))}
    </div>
  );
}

export function AnalysisScreen(props: { lists: Lists; onEdit: (target: 'projects' | 'dispatch', selection: ProjectSelection) => void }) {
  const { year, setYear, month, setMonth } = usePeriod(props.lists.years);
  const [filter, setFilter] = useState<StatsFilter>({});
  const [st, setSt] = useState<Statistics | null>(null);
  const [trend, setTrend] = useState<MonthlyTrend | null>(null);
  const [style, setStyle] = useState<NumberStyle | null>(null);
  const [names, setNames] = useState<ShortNames>(NO_SHORT_NAMES);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [drill, setDrill] = useState<{ title: string; label: string; projects: ProjectFigures[] } | null>(null);

  useEffect(() => {
    let live = true;
    // User-timing marks: tests/bench measures "switch month or filter → all charts drawn" with them.
    performance.mark('kpw:analysis-requested');
    // The month's style with its figures, so the cards and charts are drawn once, in it.
    Promise.all([call('stats.get', { year, month, filter }), call('stats.trend', { year, month, filter }), call('settings.style', { year, month }), call('settings.chartNames', {})]).then(
      ([s, t, numberStyle, shortNames]) => live && (setSt(s), setTrend(t), setStyle(numberStyle), setNames(shortNames), setError(null)),
      (err) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [year, month, filter]);

  const [sortByName, setSortByName] = useState(false);
  const charts = useMemo(() => (st && trend && style ? analysisCharts(st, trend, sortByName ? 'name' : 'rate', style, names) : []), [st, trend, style, names, sortByName]);
  useEffect(() => {
    // Children draw their charts in their own effects, which run before this one.
    if (charts.length) requestAnimationFrame(() => performance.mark('kpw:analysis-drawn'));
  }, [charts]);
  const onSelect = useCallback(
    (spec: ChartSpec, key: string, series: number) => {
      if (!spec.dimension) return;
      // A series that counts a part of its key (the red of a district's bar) says which part.
      const part = spec.where?.[series] ? (spec.option.series as { name?: string }[] | undefined)?.[series]?.name : undefined;
      const label = `${spec.dimension === 'level' ? (LEVEL_LABELS[key as Level] ?? key) : key}${part ? `·${part}` : ''}`;
      call('stats.projects', { year, month, filter, dimension: spec.dimension, key, where: spec.where?.[series] }).then(
        (projects) => setDrill({ title: `${label}：${projects.length}个项目`, label, projects }),
        (err) => setError(messageOf(err)),
      );
    },
    [year, month, filter],
  );
  /** A headline card's projects: every project under the filter. */
  const openAll = (label: string) =>
    call('stats.projects', { year, month, filter }).then(
      (projects) => setDrill({ title: `${label}：${projects.length}个项目`, label, projects }),
      (err) => setError(messageOf(err)),
    );
  /** The projects behind a chart element, to a workbook, as the project library exports them. */
  const exportDrill = async (projects: ProjectFigures[]) => {
    try {
      // The dialog's columns, in its unit: what was seen is what is written.
      const unit = style?.tableUnit ?? '亿元';
      const r = await call('export.projects', { year, month, unit, columns: PROJECTS_DIALOG_COLUMNS, projectIds: projects.map((p) => p.projectId) });
      if (r.data) downloadBase64(r.data, r.fileName);
      setMessage(`已导出${r.rows}个项目${r.savedTo ? `到“${r.savedTo}”` : ''}`);
    } catch (err) {
      if ((err as { error?: { code?: string } }).error?.code !== 'CANCELLED') setError(messageOf(err));
    }
  };
  const choose = (name: keyof StatsFilter, value: string) => setFilter((f) => ({ ...f, [name]: value ? [value] : undefined }));

  return (
    <section className="analysis-screen" data-testid="analysis-screen">
      <div className="toolbar">
        <PeriodPicker years={props.lists.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['分析年度', '分析月份']} />
        <label>
          级别
          <select aria-label="级别筛选" value={filter.levels?.[0] ?? ''} onChange={(e) => choose('levels', e.target.value)}>
            <option value="">全部</option>
            {Object.entries(LEVEL_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          类别
          <select aria-label="类别筛选" value={filter.categories?.[0] ?? ''} onChange={(e) => choose('categories', e.target.value)}>
            <option value="">全部</option>
            {props.lists.categories.map((c) => (
              <option key={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <label>
          区市
          <select aria-label="区市筛选" value={filter.districts?.[0] ?? ''} onChange={(e) => choose('districts', e.target.value)}>
            <option value="">全部</option>
            {props.lists.districts.map((d) => (
              <option key={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
        <label>
          牵头部门
          <select aria-label="牵头部门筛选" value={filter.leadDepartments?.[0] ?? ''} onChange={(e) => choose('leadDepartments', e.target.value)}>
            <option value="">全部</option>
            {[...new Set(props.lists.categories.map((c) => c.leadDepartment).filter(Boolean))].map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        <label>
          包联领导
          <select aria-label="包联领导筛选" value={filter.contactLeaders?.[0] ?? ''} onChange={(e) => choose('contactLeaders', e.target.value)}>
            <option value="">全部</option>
            {props.lists.contactLeaders.map((l) => (
              <option key={l.id}>{l.name}</option>
            ))}
          </select>
        </label>
        <label>
          标签
          <select aria-label="标签筛选" value={filter.tags?.[0] ?? ''} onChange={(e) => choose('tags', e.target.value)}>
            <option value="">全部</option>
            {props.lists.tags.map((t) => (
              <option key={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={sortByName} onChange={(e) => setSortByName(e.target.checked)} />
          区市按名称排列
        </label>
        <span className="spacer" />
        <span className="muted">{message}</span>
        <button onClick={() => window.print()} title="打印或另存为PDF（A4）">
          打印…
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      <PrintHeader title={`${year}年${formatPeriod(month)}重点项目建设情况分析`} period={`${year}年${formatPeriod(month)}`} filter={filterText(filter)} />
      {st && style && <Cards st={st} style={style} onOpen={openAll} />}
      <div className="chart-grid">
        {charts.map((spec) => (
          <ChartView key={spec.id} spec={spec} onSelect={onSelect} onMessage={setMessage} />
        ))}
      </div>
      {drill && (
        <ProjectsDialog
          title={drill.title}
          projects={drill.projects}
          style={style ?? undefined}
          onClose={() => setDrill(null)}
          actions={
            <>
              <button onClick={() => props.onEdit('projects', { label: drill.label, year, month, projectIds: drill.projects.map((p) => p.projectId) })}>
                在项目库中编辑
              </button>
              <button onClick={() => props.onEdit('dispatch', { label: drill.label, year, month, projectIds: drill.projects.map((p) => p.projectId) })}>
                在月调度中编辑
              </button>
              <button onClick={() => void exportDrill(drill.projects)}>导出这些项目…</button>
            </>
          }
        />
      )}
    </section>
  );
}

/** The filter in words, for the printed page's title: "级别：省级；区市：荣成市". */
function filterText(filter: StatsFilter): string {
  const names: [keyof StatsFilter, string][] = [
    ['levels', '级别'],
    ['categories', '类别'],
    ['districts', '区市'],
    ['leadDepartments', '牵头部门'],
    ['contactLeaders', '包联领导'],
    ['tags', '标签'],
  ];
  return names
    .filter(([key]) => filter[key]?.length)
    .map(([key, label]) => `${label}：${(key === 'levels' ? filter.levels!.map((l) => LEVEL_LABELS[l]) : filter[key]!).join('、')}`)
    .join('；');
}
