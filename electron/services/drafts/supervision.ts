/**
 * 督办单: a supervision notice for one problem (from 问题清单), one lagging project (by name) or one
 * recorded 督办 (supervisionId: its number, level, form, reason and deadline): who must act, the
 * project's figures and warning, the problems still open, a deadline and how to report back, in
 * the official layout of the drafts. A 红色 one summons the unit's head to 约谈.
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { formatDateText, formatPeriod } from '../../../shared/format';
import { moneyText, NOTHING_COMPLETED, percent } from '../../../shared/phrases';
import { PROBLEM_TYPES, type ProblemType } from '../../../shared/problems';
import { problemsOfYear, readProblem } from '../../db/progress';
import { readSupervision } from '../../db/supervisions';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, type SupervisionForm, type SupervisionLevel } from '../../../shared/supervision';
import { AppError } from '../../../shared/result';
import { projectFigures } from '../statistics';
import type { Scope } from './figures';
import { draftDate, flush, heading, newBook, para, paramText, t, type DraftInput } from './parts';

const cell = (text: string): Run[] => [{ text }];

export function supervisionNotice(input: DraftInput): Draft {
  const { db, year, month } = input;
  const book = newBook(input);
  const { style } = input;
  const recordId = Number(input.params.supervisionId);
  const record = Number.isInteger(recordId) && recordId > 0 ? readSupervision(db, recordId) : undefined;
  if (input.params.supervisionId?.trim() && !record) throw new AppError('NOT_FOUND', `督办记录（${input.params.supervisionId}）不存在`);
  const problemId = record?.problem_id ?? Number(input.params.problemId);
  const problem = Number.isInteger(problemId) && problemId > 0 ? readProblem(db, problemId) : undefined;
  if (!record && input.params.problemId?.trim() && !problem) throw new AppError('NOT_FOUND', `问题（编号${input.params.problemId}）不存在`);
  const figures = projectFigures(db, year, month);
  const wantedName = input.params.projectName?.trim();
  const projectId = record?.project_id ?? problem?.project_id;
  const project = projectId !== undefined ? figures.find((f) => f.projectId === projectId) : wantedName ? figures.find((f) => f.name === wantedName) : undefined;
  const level = record ? SUPERVISION_LEVELS[record.level as SupervisionLevel] : '';
  const docTitle = record ? `重点项目${level}${SUPERVISION_FORMS[record.form as SupervisionForm]}` : '重点项目督办单';
  const deadline = record ? formatDateText(record.deadline) : input.params.deadline?.trim();
  const period = formatPeriod(month);
  if (!project) {
    return {
      kind: 'supervision',
      name: '重点项目督办单',
      blocks: [{ kind: 'title', text: '重点项目督办单' }, para(placeholder(wantedName ? `${year}年清单中没有“${wantedName}”，请核对项目名称` : '督办的项目名称（或从问题清单选择问题后生成）'))],
      figures: [],
      charts: [],
      problems: [],
    };
  }
  const scope: Scope = { label: project.name, filter: {}, dimension: 'all', key: '', where: [{ dimension: 'project', keys: [String(project.projectId)] }] };
  const open = problemsOfYear(db, year).filter((p) => p.project_id === project.projectId && p.status !== 'solved');
  const focus = problem ?? open[0];
  const addressee = paramText(input, 'addressee', focus?.owner_department || project.responsibleUnit || `${project.district ?? ''}重点项目建设指挥部`);
  const rate = percent(project.completedToDate, project.annualPlan, style);
  // The warning's reason starts with the rate the sentence has just given: say it once.
  const reason = (project.warningReason ?? '').replace(/^投资完成率[\d.]+%[，,]/, '');

  const facts: [string, Run[]][] = [
    ['项目名称', cell(project.name)],
    ['所在区市', cell(project.district ?? '')],
    ['项目类别', cell(project.category ?? '')],
    ['责任单位', cell(project.responsibleUnit ?? '')],
    ['包联领导', cell(project.contactLeader ?? '')],
    ['年度计划投资', [book.figure(scope, 'annualPlan', moneyText(project.annualPlan, style))]],
    [`${period}完成投资`, [book.figure(scope, 'completed', moneyText(project.completedToDate, style))]],
    ['投资完成率', [book.figure(scope, 'completionRate', rate)]],
    ['预警情况', cell(project.warning === 'green' ? '绿色（正常）' : `${project.warning === 'red' ? '红色' : '黄色'}：${project.warningReason ?? ''}`)],
  ];
  const blocks: Block[] = [
    { kind: 'mark', text: `督办编号：${record ? record.number : `${year}-${focus ? focus.id : `P${project.projectId}`}`}` },
    { kind: 'title', text: docTitle },
    { kind: 'addressee', text: `${addressee}：` },
    para(
      t(`${project.name}是${year}年${project.level === 'county' ? '县级' : project.level === 'province' ? '省级' : '市级'}重点项目。截至${month}月底，`),
      // Nothing done yet is said so, not "累计完成投资0万元，投资完成率0%" (issue 15: no zero clauses).
      ...(project.completedToDate > 0
        ? [t('累计完成投资'), book.figure(scope, 'completed', moneyText(project.completedToDate, style)), t('，投资完成率'), book.figure(scope, 'completionRate', rate)]
        : [t(NOTHING_COMPLETED)]),
      t(project.warning === 'green' ? '。' : `，${reason ? `${reason}，` : ''}列为${project.warning === 'red' ? '红色' : '黄色'}预警项目。`),
      ...(focus
        ? [t(`该项目反映的“${focus.description}”问题（${PROBLEM_TYPES[(focus.type in PROBLEM_TYPES ? focus.type : 'other') as ProblemType]}类，${formatDateText(focus.raised_date)}提出）至今尚未解决。`)]
        : []),
      ...(record && !focus ? [t(`督办事由：${record.reason}。`)] : []),
      t('请你单位高度重视，于'),
      deadline ? t(deadline) : placeholder('办理时限'),
      t('前研究解决，并将办理情况书面报送'),
      t(paramText(input, 'office', '市重点项目建设指挥部办公室')),
      t('。'),
    ),
    heading(1, '一、项目基本情况'),
    { kind: 'table', caption: '', columns: [{ title: '项目', width: 40 }, { title: '情况', width: 116 }], rows: facts.map(([k, v]) => [cell(k), v]) },
    heading(1, '二、需解决的问题'),
    ...(open.length
      ? open.map((p, i) =>
          para(t(`${i + 1}.${p.description}（${PROBLEM_TYPES[(p.type in PROBLEM_TYPES ? p.type : 'other') as ProblemType]}类；责任部门：${p.owner_department ?? '未指定'}；${formatDateText(p.raised_date)}提出）。`)),
        )
      : [para(t('项目未报告需解决的问题；请对照预警原因加快推进。'))]),
    heading(1, '三、办理要求'),
    para(placeholder('办理要求（如：逐项明确措施、责任人和完成时间）')),
    ...(record?.level === 'red' ? [para(t('请你单位主要负责同志于'), placeholder('约谈时间、地点'), t('接受约谈，当面说明项目滞后原因和整改措施。'))] : []),
    flush(t('（联系人：'), placeholder('联系人'), t('，联系电话：'), placeholder('联系电话'), t('）')),
    { kind: 'signature', office: paramText(input, 'office', '市重点项目建设指挥部办公室'), date: draftDate(input) },
  ];
  return { kind: 'supervision', name: `${record ? `${level}${SUPERVISION_FORMS[record.form as SupervisionForm]}` : '督办单'}-${project.name}`, blocks, figures: book.figures, charts: [], problems: [] };
}
