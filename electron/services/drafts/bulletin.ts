/**
 * 重点项目建设情况通报 (DOCUMENTS.md): overall figures, by level and by category, the districts'
 * ranking (赛马) with the best and worst three, red and yellow projects, problems, what to do next,
 * two charts, and attachments (the district table, unstarted new projects, the warning list).
 */
import { districtRaceChart, trendChart } from '../../../shared/charts';
import type { Block, Draft, Run, TableColumn } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { LEVEL_LABELS, type Level } from '../../../shared/domain';
import { formatDateText, formatPeriod } from '../../../shared/format';
import { count, moneyText, percent, planCompletionPhrase, timeProgress } from '../../../shared/phrases';
import type { KeyedSummary, ProjectFigures, Summary } from '../../../shared/statistics';
import { readLists } from '../../db/lists';
import { oldestOpenProblems, problemCounts } from '../../db/progress';
import { monthlyTrendOf, projectFigures, rank } from '../statistics';
import { problemFields, type Scope } from './figures';
import { begin, draftDate, fill, heading, moneyCell, moneyColumnTitle, para, paramText, t, templated, type DraftInput } from './parts';
import { twoFigureRuns } from './two-figures';
import { supervisionParagraph } from './supervision-lines';
import { pipelineParagraph } from './lifecycle-parts';

const cell = (text: string): Run[] => [{ text }];

/** The figures columns shared by the level, category and district tables (widths in mm; units in the headers). */
function figureColumns(input: DraftInput): TableColumn[] {
  return [
    { title: `项目个数（${input.style.countWord ?? '个'}）`, width: 16, align: 'right' },
    { title: moneyColumnTitle(input, '年度计划投资'), width: 26, align: 'right' },
    { title: moneyColumnTitle(input, `${formatPeriod(input.month)}完成投资`), width: 26, align: 'right' },
    { title: '投资完成率', width: 19, align: 'right' },
    { title: '开复工率', width: 17, align: 'right' },
  ];
}

function figureCells(input: DraftInput, s: Summary): Run[][] {
  return [
    cell(`${s.projects}`),
    moneyCell(input, s.annualPlan),
    moneyCell(input, s.completedToDate),
    cell(percent(s.completedToDate, s.annualPlan, input.style)),
    cell(percent(s.startedNew + s.resumed, s.projects, input.style)),
  ];
}

function columns(input: DraftInput, first: TableColumn[]): TableColumn[] {
  return [...first, ...figureColumns(input)];
}

export function bulletin(input: DraftInput): Draft {
  const { db, year, month, style } = input;
  const { st, book, all } = begin(input);
  const period = formatPeriod(month);
  const title = paramText(input, 'title', `${year}年${period}全市重点项目建设情况通报`);
  const lists = readLists(db);
  const figures = projectFigures(db, year, month);
  const districts = rank(st.byDistrict.filter((d) => d.projects > 0));
  const named = (groups: KeyedSummary[]) =>
    groups.flatMap((g, i) => {
      const scope: Scope = { label: g.key, filter: {}, dimension: 'district', key: g.key };
      return [...(i ? [t('、')] : []), t(`${g.key}（`), book.figure(scope, 'completionRate', percent(g.completedToDate, g.annualPlan, style)), t('）')];
    });
  const problems = problemCounts(db, year, month);
  const problemFigures = problemFields(book, problems);
  const red = figures.filter((f) => f.warning === 'red');
  const yellow = figures.filter((f) => f.warning === 'yellow');
  const unstarted = figures.filter((f) => f.nature === 'new' && !f.startedNew);
  const race = districtRaceChart(st, 'rate', style, input.shortNames);
  const trend = trendChart(monthlyTrendOf(db, year, month), style);
  const besideAnnual = twoFigureRuns(input, book, all, st.overall);

  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'addressee', text: `${paramText(input, 'addressee', '各区市人民政府，市有关部门').replace(/[:：]$/, '')}：` },
    para(t(`现将${year}年${period}全市重点项目建设情况通报如下：`)),
    heading(1, '一、总体情况'),
    para(...templated(input, 'bulletin.overall', book, all, st.overall, st.previous)),
    ...(besideAnnual.length ? [para(...besideAnnual)] : []),
    ...pipelineParagraph(input, book, all),
    { kind: 'chart', chart: trend.id, caption: `图1  ${year}年累计完成投资走势` },
    heading(1, '二、分级分类推进情况'),
    heading(2, '（一）分级推进情况'),
    para(
      ...st.byLevel
        .filter((l) => l.projects > 0)
        .flatMap((l, i, shown) => {
          const scope: Scope = { label: LEVEL_LABELS[l.key as Level], filter: {}, dimension: 'level', key: l.key };
          return [
            // "省重点" + "项目": the label already says 重点.
            t(`${LEVEL_LABELS[l.key as Level]}项目`),
            book.figure(scope, 'projects', count(l.projects, style)),
            t('，完成投资'),
            book.figure(scope, 'completed', moneyText(l.completedToDate, style)),
            t('，'),
            book.figure(scope, 'completionRate', planCompletionPhrase(l.completedToDate, l.annualPlan, style)),
            t(i === shown.length - 1 ? '。' : '；'),
          ];
        }),
    ),
    {
      kind: 'table',
      caption: `表1  分级推进情况（${period}）`,
      columns: columns(input, [{ title: '级别', width: 30 }]),
      rows: [
        ...st.byLevel.map((l) => [cell(LEVEL_LABELS[l.key as Level]), ...figureCells(input, l)]),
        [cell('合计'), ...figureCells(input, st.overall)],
      ],
    },
    heading(2, '（二）分类推进情况'),
    {
      kind: 'table',
      caption: `表2  分类推进情况（${period}）`,
      columns: columns(input, [{ title: '类别（牵头部门）', width: 52 }]).map((c, i) => (i === 0 ? c : { ...c, width: c.width - 4 })),
      rows: [
        ...st.byCategory
          .filter((c) => c.projects > 0)
          .map((c) => [cell(`${c.key}（${lists.categories.find((x) => x.name === c.key)?.leadDepartment ?? ''}）`), ...figureCells(input, c)]),
        [cell('合计'), ...figureCells(input, st.overall)],
      ],
    },
    heading(1, '三、各区市推进情况'),
    para(
      ...fill(input, 'bulletin.districts', {
        year: [t(`${year}`)],
        period: [t(period)],
        month: [t(`${month}`)],
        timeProgress: [t(timeProgress(month, style))],
        best: districts.length ? named(districts.slice(0, 3)) : [placeholder('区市排名')],
        worst: districts.length ? named(districts.slice(-3).reverse()) : [placeholder('区市排名')],
      }),
    ),
    { kind: 'chart', chart: race.id, caption: `图2  各区市投资完成率（${period}）` },
    heading(1, '四、预警项目情况'),
    para(
      t(`按照预警规则，截至${month}月底，红色预警项目`),
      book.figure(all, 'red', count(red.length, style)),
      t('，黄色预警项目'),
      book.figure(all, 'yellow', count(yellow.length, style)),
      t('（名单见附件3）；新建项目中尚未开工的'),
      book.figure(all, 'unstarted', count(unstarted.length, style)),
      t('（名单见附件2）。请各区市、各牵头部门对照名单，逐个研究解决。'),
    ),
    ...supervisionParagraph(db, year, month),
    heading(1, '五、存在问题'),
    para(...fill(input, 'bulletin.problems', problemFigures)),
    ...oldestOpenProblems(db, year, month, 5).map((p, i) =>
      para(t(`${i + 1}.${p.projectName}：${p.description}（${formatDateText(p.raisedDate)}提出${p.ownerDepartment ? `，责任单位：${p.ownerDepartment}` : ''}）。`)),
    ),
    heading(1, '六、下步工作'),
    para(placeholder('下步工作要求')),
    { kind: 'attachments', items: ['各区市重点项目推进情况表', `${year}年未开工新建项目名单`, '红黄预警项目名单'] },
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date: draftDate(input) },
    { kind: 'attachment', number: 1, title: `各区市重点项目推进情况表（${year}年${period}）` },
    {
      kind: 'table',
      caption: '',
      columns: columns(input, [{ title: '名次', width: 12, align: 'center' }, { title: '区市', width: 24 }]).map((c, i) => (i < 2 ? c : { ...c, width: c.width - 2 })),
      rows: [...districts.map((d, i) => [cell(`${i + 1}`), cell(d.key), ...figureCells(input, d)]), [cell(''), cell('合计'), ...figureCells(input, st.overall)]],
    },
    { kind: 'attachment', number: 2, title: `${year}年未开工新建项目名单（截至${month}月底）` },
    projectTable(unstarted, [
      { title: '计划开工', width: 20, align: 'center' },
      { title: '项目类别', width: 30 },
    ], (f) => [cell(f.plannedStartMonth ? `${f.plannedStartMonth}月` : ''), cell(f.category ?? '')]),
    { kind: 'attachment', number: 3, title: `红黄预警项目名单（截至${month}月底）` },
    projectTable([...red, ...yellow], [
      { title: '预警', width: 12, align: 'center' },
      { title: '原因', width: 38 },
    ], (f) => [cell(f.warning === 'red' ? '红' : '黄'), cell(f.warningReason ?? '')]),
  ];
  return { kind: 'bulletin', name: title, blocks, figures: book.figures, charts: [trend, race], problems: [] };
}

/** A list of projects: 序号, 项目名称, 区市, the given columns, 责任单位 and 包联领导 (widths fill 156 mm). */
function projectTable(projects: ProjectFigures[], extra: TableColumn[], extraCells: (f: ProjectFigures) => Run[][]): Block {
  const fixed = 12 + 22 + 24 + 18 + extra.reduce((n, c) => n + c.width, 0);
  return {
    kind: 'table',
    caption: '',
    columns: [
      { title: '序号', width: 12, align: 'center' },
      { title: '项目名称', width: 156 - fixed },
      { title: '区市', width: 22 },
      ...extra,
      { title: '责任单位', width: 24 },
      { title: '包联领导', width: 18 },
    ],
    rows: projects.map((f, i) => [cell(`${i + 1}`), cell(f.name), cell(f.district ?? ''), ...extraCells(f), cell(f.responsibleUnit ?? ''), cell(f.contactLeader ?? '')]),
    note: projects.length ? undefined : '无',
  };
}
