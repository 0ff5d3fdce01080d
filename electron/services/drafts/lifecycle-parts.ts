/**
 * The sentences of the life cycle in the drafts (seed 004's "取得立项、备案、施工许可证等手续227个，
 * 其中立项、备案204个，施工许可证23个…提前开工38个", seed 002's funds by source with 同比 and
 * 要素保障), every number a figure of the figure list, written by the phrase library in the office's
 * style (设置 > 口径: counting word, decimals, units). A clause whose number is zero is left out,
 * never written as "0个"; a sentence with no clause left is not written at all.
 */
import { placeholder, type Block, type Run } from '../../../shared/drafts';
import { formatPeriod } from '../../../shared/format';
import { areaText, change, count, moneyText } from '../../../shared/phrases';
import type { SupportSummary } from '../../../shared/support';
import { supportSummary } from '../support';
import { procedureCountsOf } from '../procedures';
import { convertedToStart, stageStatistics } from '../statistics/lifecycle';
import type { FigureBook, Scope } from './figures';
import { para, t, type DraftInput } from './parts';

const DEFINITIONS: Record<string, string> = {
  前期项目: '本年度清单中截至月底处于前期阶段的项目个数',
  储备项目: '本年度清单中截至月底处于储备阶段的项目个数',
  取得手续: '本年度1月1日至月底取得的前期手续个数（办结日期不详的按记录日期计）',
  立项备案: '取得的手续中立项、备案类的个数',
  施工许可证: '取得的手续中施工许可类的个数',
  提前开工: '本年度由前期（或储备）阶段转为在建且阶段变更日期不晚于月底的项目个数',
  提前开工完成投资: '提前开工项目本年累计完成投资之和',
  储备转前期: '本年度由储备阶段转为前期（或其后阶段）且变更日期不晚于月底的项目个数',
  逾期手续: '计划办结日期已过、截至月底仍未取得的手续个数',
  争取资金: '本年度争取上级资金之和，同比与上年同一来源相比',
};

/** A figure with its definition; the projects behind it, when they are few enough to list (a project condition). */
function fig(book: FigureBook, scope: Scope, name: string, text: string, projectIds?: readonly number[]): Run {
  const s: Scope = projectIds && projectIds.length > 0 && projectIds.length <= 100 ? { ...scope, where: [...(scope.where ?? []), { dimension: 'project', keys: projectIds.map(String) }] } : scope;
  const run = book.figure(s, projectIds && projectIds.length <= 100 ? 'projects' : name, text);
  const f = book.figures.find((x) => x.id === run.figure)!;
  if (DEFINITIONS[name]) {
    f.definition = DEFINITIONS[name];
    f.label = `${name}（${scope.label}）`;
  }
  return run;
}

/** "截至M月底，前期项目N个，取得…手续N个，其中…；提前开工N个，完成投资X；储备项目转化为前期项目N个。" or [] when there is nothing to say. */
export function pipelineRuns(input: DraftInput, book: FigureBook, scope: Scope): Run[] {
  const { db, year, month } = input;
  const c = procedureCountsOf(db, year, month, scope.filter);
  const stages = stageStatistics(db, year, month, scope.filter).overall;
  const early = convertedToStart(db, year, month, scope.filter).map((f) => f.projectId);
  const n = (x: number) => count(x, input.style);
  const clauses: Run[][] = [];
  if (stages.stages.preparation) clauses.push([t('前期项目'), fig(book, scope, '前期项目', n(stages.stages.preparation))]);
  if (stages.stages.reserve) clauses.push([t('储备项目'), fig(book, scope, '储备项目', n(stages.stages.reserve))]);
  if (c.obtained) {
    const parts: Run[] = [t('取得立项、备案、施工许可证等手续'), fig(book, scope, '取得手续', n(c.obtained))];
    const of: Run[][] = [];
    if (c.approval) of.push([t('立项、备案'), fig(book, scope, '立项备案', n(c.approval))]);
    if (c.constructionPermit) of.push([t('施工许可证'), fig(book, scope, '施工许可证', n(c.constructionPermit))]);
    if (of.length) parts.push(t('，其中'), ...of.flatMap((x, i) => (i ? [t('，'), ...x] : x)));
    clauses.push(parts);
  }
  if (c.earlyStarts) {
    const parts: Run[] = [t('提前开工'), fig(book, scope, '提前开工', n(c.earlyStarts), early)];
    if (c.earlyStartCompleted) parts.push(t('，完成投资'), fig(book, scope, '提前开工完成投资', moneyText(c.earlyStartCompleted, input.style)));
    clauses.push(parts);
  }
  if (stages.reserveToPreparation) clauses.push([t('储备项目转化为前期项目'), fig(book, scope, '储备转前期', n(stages.reserveToPreparation))]);
  if (c.overdue) clauses.push([t('逾期未办结手续'), fig(book, scope, '逾期手续', n(c.overdue))]);
  if (clauses.length === 0) return [];
  return [t(`${formatPeriod(month)}，`), ...clauses.flatMap((x, i) => (i ? [t('；'), ...x] : x)), t('。')];
}

/** Funds by source with 同比 (seed 002): "全年累计争取上级资金X亿元，同比增长X%。其中，中央预算内资金X亿元，同比增长X%；…". */
export function fundsRuns(book: FigureBook, scope: Scope, s: SupportSummary): Run[] {
  if (s.total.amount === 0) return [];
  const style = book.style;
  // 同比 only against a year that had some of the same source (else there is nothing to compare).
  const yoy = (cur: number, prev: number): Run[] => (prev > 0 ? [t('，同比'), fig(book, scope, '争取资金', change(cur, prev, style))] : []);
  const runs: Run[] = [t('全年累计争取上级资金'), fig(book, scope, '争取资金', moneyText(s.total.amount, style)), ...yoy(s.total.amount, s.total.previous), t('。')];
  const parts = s.bySource.filter((x) => x.amount > 0);
  if (parts.length) {
    runs.push(t('其中，'));
    parts.forEach((x, i) => {
      if (i) runs.push(t('；'));
      runs.push(t(`${x.label}${x.source === 'other' || x.source === 'central' ? '资金' : ''}`), fig(book, scope, '争取资金', moneyText(x.amount, style)), ...yoy(x.amount, x.previous));
      if (x.projects) runs.push(t('，支持项目'), fig(book, scope, '争取资金', count(x.projects, style)));
    });
    runs.push(t('。'));
  }
  return runs;
}

/** Bank support and land (seed 004): "全市银行业机构支持重点项目N个，授信额度X，累计发放贷款X，贷款余额X。解决重点项目用地N亩。" */
export function elementRuns(book: FigureBook, scope: Scope, s: SupportSummary): Run[] {
  const runs: Run[] = [];
  const style = book.style;
  const b = s.bank;
  if (b && (b.projects || b.credit || b.loans || b.balance)) {
    const clauses: Run[][] = [];
    if (b.projects) clauses.push([t('支持重点项目'), fig(book, scope, '银行支持', count(b.projects, style))]);
    if (b.credit) clauses.push([t('授信额度'), fig(book, scope, '银行支持', moneyText(b.credit, style))]);
    if (b.loans) clauses.push([t('累计发放贷款'), fig(book, scope, '银行支持', moneyText(b.loans, style))]);
    if (b.balance) clauses.push([t('贷款余额'), fig(book, scope, '银行支持', moneyText(b.balance, style))]);
    runs.push(t('全市银行业机构'), ...clauses.flatMap((x, i) => (i ? [t('，'), ...x] : x)), t('。'));
  }
  if (s.land.areaCentimu) runs.push(t('解决重点项目用地'), fig(book, scope, '用地保障', areaText(s.land.areaCentimu)), t('。'));
  return runs;
}

/** "其他工作情况" of a reply or a bulletin: the pipeline, funds and 要素保障 sentences of the year, then what the library cannot know. */
export function otherWorkRuns(input: DraftInput, book: FigureBook, scope: Scope): Run[] {
  const s = supportSummary(input.db, input.year);
  const known = [...pipelineRuns(input, book, scope), ...fundsRuns(book, scope, s), ...elementRuns(book, scope, s)];
  return [...known, placeholder(known.length ? '其他工作情况（领导包联等）' : '其他工作情况（领导包联、要素保障等）')];
}

/** The bulletin's paragraph on 前期 work (none when there is nothing to say). */
export function pipelineParagraph(input: DraftInput, book: FigureBook, scope: Scope): Block[] {
  const runs = pipelineRuns(input, book, scope);
  return runs.length ? [para(t('前期工作方面，'), ...runs)] : [];
}
