/**
 * 重点项目建设情况通报 as real offices write it (REAL-DOCUMENTS.md, DOCUMENTS.md): the overall
 * figures with 同比 and 较上月; one sentence per level with 完成年度计划投资的X% and the gap to
 * 时序进度; a sentence for every table; the districts as an order and a line each, with a whole-
 * list statement when all stand on one side of 时序进度; the lagging, unstarted, stopped and
 * unreported projects named with their reasons (bulletin-lists.ts); problems by type with the
 * oldest open ones; short attachments whose titles the 附件说明 repeats (bulletin-tables.ts); the
 * 期号 or 发文字号 above the title and the 抄送/印发 block (版记) at the end.
 */
import { districtRaceChart, trendChart } from '../../../shared/charts';
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { LEVEL_LABELS, type Level } from '../../../shared/domain';
import { formatDateText, formatPeriod } from '../../../shared/format';
import { PROBLEM_TYPES, type ProblemType } from '../../../shared/problems';
import { byCompletionRate, count, moneyText, NOTHING_COMPLETED, percent, planCompletionPhrase, progressGapPhrase, rankingLine, rankingOrder, timeProgress, wholeListGap } from '../../../shared/phrases';
import type { KeyedSummary } from '../../../shared/statistics';
import { readLists } from '../../db/lists';
import { oldestOpenProblems, openProblemsByProject, openProblemTypes, problemCounts } from '../../db/progress';
import { monthlyTrendOf, projectFigures, rank } from '../statistics';
import { problemFields, type Scope } from './figures';
import { begin, fill, heading, para, paramText, reportingDate, t, templated, type DraftInput } from './parts';
import { twoFigureRuns } from './two-figures';
import { supervisionParagraph } from './supervision-lines';
import { pipelineParagraph } from './lifecycle-parts';
import { bulletinLists, monthOverMonth, warningBlocks } from './bulletin-lists';
import { bulletinAttachments, cell, figureCells, figureColumns, fullWidth } from './bulletin-tables';

/** How many of the oldest open problems the bulletin names. */
const OLDEST_PROBLEMS = 5;

export function bulletin(input: DraftInput): Draft {
  const { db, year, month, style } = input;
  const { st, book, all } = begin(input);
  const period = formatPeriod(month);
  const title = paramText(input, 'title', `${year}年${period}全市重点项目建设情况通报`);
  const figures = projectFigures(db, year, month);
  const lists = bulletinLists(figures, month);
  const districts = rank(st.byDistrict.filter((d) => d.projects > 0));
  const attachments = bulletinAttachments(input, districts, st.overall, lists, openProblemsByProject(db));
  const attachmentOf = (what: string) => {
    const i = attachments.findIndex((a) => a.what === what);
    return i >= 0 ? i + 1 : null;
  };
  const race = districtRaceChart(st, 'rate', style, input.shortNames);
  const trend = trendChart(monthlyTrendOf(db, year, month), style);
  const besideAnnual = twoFigureRuns(input, book, all, st.overall);
  const sinceLastMonth = monthOverMonth(input, book, all, figures);
  const date = reportingDate(input);

  const blocks: Block[] = [
    ...numberLine(input),
    { kind: 'title', text: title },
    { kind: 'addressee', text: `${paramText(input, 'addressee', '各区市人民政府，市有关部门').replace(/[:：]$/, '')}：` },
    para(t(`现将${year}年${period}全市重点项目建设情况通报如下：`)),
    heading(1, '一、总体情况'),
    para(...templated(input, 'bulletin.overall', book, all, st.overall, st.previous)),
    ...(besideAnnual.length ? [para(...besideAnnual)] : []),
    ...(sinceLastMonth ? [sinceLastMonth] : []),
    ...pipelineParagraph(input, book, all),
    { kind: 'chart', chart: trend.id, caption: `图1  ${year}年累计完成投资走势` },
    heading(1, '二、分级分类推进情况'),
    heading(2, '（一）分级推进情况'),
    ...levelParagraphs(input, st.byLevel, book),
    {
      kind: 'table',
      caption: `表1  分级推进情况（${period}）`,
      columns: fullWidth({ title: '级别' }, figureColumns(input)),
      rows: [...st.byLevel.filter((l) => l.projects > 0).map((l) => [cell(LEVEL_LABELS[l.key as Level]), ...figureCells(input, l)]), [cell('合计'), ...figureCells(input, st.overall)]],
    },
    heading(2, '（二）分类推进情况'),
    ...categoryParagraph(input, st.byCategory),
    {
      kind: 'table',
      caption: `表2  分类推进情况（${period}）`,
      columns: fullWidth({ title: '类别（牵头部门）' }, figureColumns(input)),
      rows: [
        ...st.byCategory
          .filter((c) => c.projects > 0)
          .map((c) => [cell(`${c.key}（${readLists(db).categories.find((x) => x.name === c.key)?.leadDepartment ?? ''}）`), ...figureCells(input, c)]),
        [cell('合计'), ...figureCells(input, st.overall)],
      ],
    },
    heading(1, '三、各区市推进情况'),
    ...districtParagraphs(input, districts, book, attachmentOf('districts')),
    { kind: 'chart', chart: race.id, caption: `图2  各区市投资完成率（${period}）` },
    heading(1, '四、预警项目情况'),
    ...warningBlocks(input, book, all, lists, attachmentOf),
    ...supervisionParagraph(db, year, month),
    heading(1, '五、存在问题'),
    ...problemParagraphs(input, book),
    heading(1, '六、下步工作'),
    para(placeholder('下步工作要求')),
    ...(attachments.length ? [{ kind: 'attachments', items: attachments.map((a) => a.title) } as Block] : []),
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date },
    ...attachments.flatMap((a, i): Block[] => [{ kind: 'attachment', number: i + 1, title: a.title }, ...a.blocks]),
    ...colophon(input, date),
  ];
  return { kind: 'bulletin', name: title, blocks, figures: book.figures, charts: [trend, race], problems: [] };
}

/** 期号 ("第8期") and 发文字号 ("威发改〔2024〕12号") above the title, when given. */
function numberLine(input: DraftInput): Block[] {
  const issue = input.params.issueNumber?.trim();
  const number = input.params.documentNumber?.trim();
  const issueText = issue ? (/^第.*期$/.test(issue) ? issue : `第${issue}期`) : '';
  const line = [issueText, number].filter(Boolean).join('\u3000\u3000');
  return line ? [{ kind: 'documentNumber', text: line }] : [];
}

/** 版记 (GB/T 9704 7.4): 抄送 when given, and 印发机关 with 印发日期 (the bulletin's date unless given). */
function colophon(input: DraftInput, date: string): Block[] {
  const copyTo = input.params.copyTo?.trim();
  const printer = input.params.printer?.trim();
  if (!copyTo && !printer) return [];
  return [{ kind: 'colophon', copyTo: copyTo ? copyTo.replace(/^抄送[:：]?/, '').replace(/[。．.]$/, '') : null, printer: printer ?? null, printDate: input.params.printDate?.trim() || date }];
}

/** One sentence per level: count, completed, "完成年度计划投资的X%" and the gap to 时序进度. */
function levelParagraphs(input: DraftInput, levels: KeyedSummary[], book: ReturnType<typeof begin>['book']): Block[] {
  const { month, style } = input;
  const shown = levels.filter((l) => l.projects > 0);
  if (!shown.length) return [];
  return [
    para(
      ...shown.flatMap((l) => {
        const scope: Scope = { label: LEVEL_LABELS[l.key as Level], filter: {}, dimension: 'level', key: l.key };
        return [
          // "省重点" + "项目": the label already says 重点.
          t(`${LEVEL_LABELS[l.key as Level]}项目`),
          book.figure(scope, 'projects', count(l.projects, style)),
          ...(l.completedToDate > 0
            ? [t('，完成投资'), book.figure(scope, 'completed', moneyText(l.completedToDate, style)), t('，'), book.figure(scope, 'completionRate', planCompletionPhrase(l.completedToDate, l.annualPlan, style))]
            : [t(`，${NOTHING_COMPLETED}`)]),
          t('，'),
          book.figure(scope, 'progressGap', progressGapPhrase(l.completedToDate, l.annualPlan, month, style)),
          ...levelStatisticsRuns(book, scope, l, style),
          t('。'),
        ];
      }),
    ),
  ];
}

/** "，纳统（统计入库）完成投资X，占年度计划投资的Y%" when the level's 纳统 figure differs from its dispatch figure (issue 签发口径: both figures). */
function levelStatisticsRuns(book: ReturnType<typeof begin>['book'], scope: Scope, l: KeyedSummary, style: DraftInput['style']): Run[] {
  if (l.statisticsToDate === null || !l.statisticsDifference) return [];
  // A zero is no clause of its own (issue 15): said as what it means.
  if (l.statisticsToDate === 0) return [t('，尚无纳统（统计入库）投资')];
  return [
    t('，纳统（统计入库）完成投资'),
    book.figure(scope, 'statisticsCompleted', moneyText(l.statisticsToDate, style)),
    ...(l.annualPlan > 0 ? [t('，占年度计划投资的'), book.figure(scope, 'statisticsRate', percent(l.statisticsToDate, l.annualPlan, style))] : []),
  ];
}

/** The category table's sentence: the categories in order of completion rate, each with its rate. */
function categoryParagraph(input: DraftInput, categories: KeyedSummary[]): Block[] {
  const shown = [...categories.filter((c) => c.projects > 0 && c.annualPlan > 0)].sort(byCompletionRate);
  if (shown.length < 2) return [];
  return [para(t(`分类别看，${rankingOrder(shown.map((c) => `${c.key}（${percent(c.completedToDate, c.annualPlan, input.style)}）`))}。`))];
}

/** The districts: best and worst three (the office's template), the whole-list statement, the order, a line each. */
function districtParagraphs(input: DraftInput, districts: KeyedSummary[], book: ReturnType<typeof begin>['book'], table: number | null): Block[] {
  const { year, month, style } = input;
  if (!districts.length) return [para(placeholder('区市排名'))];
  const named = (groups: KeyedSummary[]) =>
    groups.flatMap((g, i) => {
      const scope: Scope = { label: g.key, filter: {}, dimension: 'district', key: g.key };
      return [...(i ? [t('、')] : []), t(`${g.key}（`), book.figure(scope, 'completionRate', percent(g.completedToDate, g.annualPlan, style)), t('）')];
    });
  const blocks: Block[] = [];
  if (districts.length >= 6) {
    blocks.push(
      para(
        ...fill(input, 'bulletin.districts', {
          year: [t(`${year}`)],
          period: [t(formatPeriod(month))],
          month: [t(`${month}`)],
          timeProgress: [t(timeProgress(month, style))],
          best: named(districts.slice(0, 3)),
          worst: named(districts.slice(-3).reverse()),
        }),
      ),
    );
  }
  const whole = wholeListGap('各区市', districts, month, style);
  const order = `${whole ? `${whole}。` : ''}${rankingOrder(districts.map((d) => d.key))}。`;
  blocks.push(para(t(order)), para(t(`${districts.map((d) => rankingLine(d.key, d, style)).join('；')}。${table ? `详见附件${table}。` : ''}`)));
  return blocks;
}

/** 存在问题: counts (the office's template) with the open ones by type, then the oldest open ones; a sentence of its own when there are none. */
function problemParagraphs(input: DraftInput, book: ReturnType<typeof begin>['book']): Block[] {
  const { db, year, month, style } = input;
  const counts = problemCounts(db, year, month);
  if (counts.total === 0) return [para(t(`截至${month}月底，各项目未反映需协调解决的问题。`))];
  const types = openProblemTypes(db, year, month);
  const typeRuns: Run[] = types.length ? [t(`从类型看，${types.map((x) => `${PROBLEM_TYPES[x.type as ProblemType] ?? x.type}问题${count(x.count, style)}`).join('、')}。`)] : [];
  const oldest = oldestOpenProblems(db, year, month, OLDEST_PROBLEMS);
  return [
    para(...fill(input, 'bulletin.problems', { ...problemFields(book, counts), problemTypes: typeRuns })),
    ...(oldest.length ? [para(t(counts.open > oldest.length ? `其中，提出时间最早、尚未解决的${count(oldest.length, style)}是：` : '尚未解决的问题是：'))] : []),
    ...oldest.map((p, i) => para(t(`${i + 1}.${p.projectName}：${p.description.replace(/[。；;.]+$/, '')}（${formatDateText(p.raisedDate)}提出${p.ownerDepartment ? `，责任单位：${p.ownerDepartment}` : ''}）。`))),
  ];
}
