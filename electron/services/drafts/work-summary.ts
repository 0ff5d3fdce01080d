/**
 * 年度工作总结 (seed 002, REAL-DOCUMENTS.md "Year-end work summary"): the opening, 一、主要工作情况
 * in focus areas — key projects and their one-to-one leaders with their share, funds obtained by
 * source with 同比, projects by type, 要素保障 (loans, land, approvals), the 储备-前期-在建 pipeline
 * with 红黄绿 tracking — then 二、下一步工作打算. Every number comes from the engine as a figure;
 * what the library cannot know (a project's story, the city's total fixed-asset investment) is a
 * visible 【请补充：…】. Numbers are written by the phrase library in the office's style (counting
 * word, decimals, units); a clause whose number is zero is left out, never "0个".
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { STAGE_LABELS } from '../../../shared/domain';
import { formatPeriod } from '../../../shared/format';
import { count, moneyText, NOTHING_COMPLETED, percent } from '../../../shared/phrases';
import { STAGE_ORDER } from '../../../shared/lifecycle';
import { supportSummary } from '../support';
import { stageStatistics } from '../statistics/lifecycle';
import { elementRuns, fundsRuns, pipelineRuns } from './lifecycle-parts';
import { begin, draftDate, heading, para, paramText, t, type DraftInput } from './parts';

export function workSummary(input: DraftInput): Draft {
  const { db, year, month } = input;
  const { st, book, all } = begin(input);
  const o = st.overall;
  const title = paramText(input, 'title', `${year}年全市重点项目建设工作总结`);
  const n = (name: string, text: string) => book.figure(all, name, text);
  const style = input.style;
  const countOf = (x: number) => count(x, style);
  const amountOf = (x: number) => moneyText(x, style);
  const percentOf = (a: number, b: number) => percent(a, b, style);

  // Projects with a contacting leader, and their share of the completed investment.
  const led = st.byContactLeader.filter((g) => g.projects > 0);
  const ledProjects = led.reduce((s, g) => s + g.projects, 0);
  const ledCompleted = led.reduce((s, g) => s + g.completedToDate, 0);
  const ledScope = { label: '领导包保项目', filter: { contactLeaders: led.map((g) => g.key) }, dimension: 'all' as const, key: '' };
  const leaders: Run[] = led.length
    ? [
        t('由'),
        book.figure(ledScope, '包保领导', `${led.length}位`),
        t('市领导实行“一对一”包保推进，包保项目'),
        book.figure(ledScope, 'projects', countOf(ledProjects)),
        t(`，${formatPeriod(month)}完成投资`),
        book.figure(ledScope, 'completed', amountOf(ledCompleted)),
        // Every project led: a share of 100% says less than the words.
        ...(ledProjects === o.projects ? [t('，实现重点项目包保全覆盖')] : [t('，占全部重点项目完成投资的'), book.figure(ledScope, 'share', percentOf(ledCompleted, o.completedToDate))]),
        t('。'),
      ]
    : [placeholder('领导包保推进情况')];

  const byType: Run[] = st.byCategory
    .filter((c) => c.projects > 0)
    .flatMap((c, i): Run[] => {
      const scope = { label: c.key, filter: { categories: [c.key] }, dimension: 'category' as const, key: c.key };
      const total = c.totalInvestment > 0 ? [t('，总投资'), book.figure(scope, 'totalInvestment', amountOf(c.totalInvestment))] : [];
      return [t(i ? '；' : ''), t(`${c.key}项目`), book.figure(scope, 'projects', countOf(c.projects)), t('，占比'), book.figure(scope, 'share', percentOf(c.projects, o.projects)), ...total];
    });

  const support = supportSummary(db, year);
  const funds = fundsRuns(book, all, support);
  const elements = elementRuns(book, all, support);
  const stages = stageStatistics(db, year, month).overall;
  const stageRuns: Run[] = STAGE_ORDER.filter((s) => stages.stages[s] > 0).flatMap((s, i): Run[] => [t(i ? '，' : '清单项目中'), t(`${STAGE_LABELS[s]}项目`), n(`${STAGE_LABELS[s]}项目`, countOf(stages.stages[s]))]);
  const pipeline = pipelineRuns(input, book, all);
  // 红黄绿: the colours that have projects; none at all is said in words.
  const colours = ([['red', '红色', o.warnings.red], ['yellow', '黄色', o.warnings.yellow]] as const).filter(([, , k]) => k > 0);
  const warningRuns: Run[] = colours.length
    ? colours.flatMap(([name, label, k], i): Run[] => [t(`${i ? '，' : ''}${label}预警项目`), n(name, countOf(k))])
    : [t('无红色、黄色预警项目')];

  const blocks: Block[] = [
    { kind: 'title', text: title },
    para(
      t(`${year}年，全市安排重点项目`),
      n('projects', countOf(o.projects)),
      // An amount not entered (0) is no clause of its own.
      ...(o.totalInvestment > 0 ? [t('，总投资'), n('totalInvestment', amountOf(o.totalInvestment))] : []),
      ...(o.annualPlan > 0 ? [t('，年度计划投资'), n('annualPlan', amountOf(o.annualPlan))] : []),
      ...(o.completedToDate > 0
        ? [t(`。${formatPeriod(month)}，完成投资`), n('completed', amountOf(o.completedToDate)), ...(o.annualPlan > 0 ? [t('，投资完成率'), n('completionRate', percentOf(o.completedToDate, o.annualPlan))] : [])]
        : [t(`。${formatPeriod(month)}，${NOTHING_COMPLETED}`)]),
      t('。'),
      placeholder('总体评价'),
    ),
    heading(1, '一、主要工作情况'),
    heading(2, '（一）聚焦重点领域，强化项目推进。'),
    para(...leaders, t('百大项目完成投资占全市固定资产投资总额的'), placeholder('占全市固定资产投资比重'), t('。'), placeholder('标志性工程进展')),
    heading(2, '（二）聚焦政策机遇，强化资金保障。'),
    para(...(funds.length ? funds : [placeholder('争取上级资金情况')])),
    heading(2, '（三）聚焦动能转换，分类推进项目。'),
    para(...(byType.length ? [...byType, t('。')] : [placeholder('分类推进情况')])),
    heading(2, '（四）聚焦要素集成，强化要素保障。'),
    para(...(elements.length ? elements : [placeholder('融资、用地保障情况')]), ...pipeline, placeholder('审批服务情况')),
    heading(2, '（五）聚焦长远发展，厚植项目储备。'),
    para(
      ...(stageRuns.length ? [...stageRuns, t('。')] : [placeholder('项目储备情况')]),
      t(`对项目实行红黄绿三色预警，截至${month}月底，`),
      ...warningRuns,
      t('。'),
    ),
    heading(1, '二、下一步工作打算'),
    heading(2, '（一）强化顶层设计，夯实项目谋划基础。'),
    para(placeholder('储备-前期-在建梯度管理举措')),
    heading(2, '（二）创新推进机制，加快项目建设进度。'),
    para(placeholder('推进机制举措')),
    heading(2, '（三）完善要素保障，筑牢项目发展根基。'),
    para(placeholder('要素保障举措')),
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date: draftDate(input) },
  ];
  return { kind: 'work-summary', name: title, blocks, figures: book.figures, charts: [], problems: [] };
}
