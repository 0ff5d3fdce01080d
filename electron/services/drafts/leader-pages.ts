/**
 * 包联: for each city leader contacting projects, one A4 page with his projects' figures, their
 * warnings and their open problems — one leader (the parameter) or all of them in one document.
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { formatPeriod } from '../../../shared/format';
import { count, moneyText, percent } from '../../../shared/phrases';
import type { ProjectFigures } from '../../../shared/statistics';
import { openProblemsByProject } from '../../db/progress';
import { projectFigures } from '../statistics';
import type { FigureBook, Scope } from './figures';
import type { NumberStyle } from '../../../shared/number-style';
import { begin, draftDate, moneyCell, moneyColumnTitle, para, percentCellRuns, t, type DraftInput } from './parts';
import { fullWidth, TWO_CHARS_MM } from './bulletin-tables';

const cell = (text: string): Run[] => [{ text }];
const WARNING = { red: '红', yellow: '黄', green: '绿' } as const;

export function leaderPages(input: DraftInput): Draft {
  const { db, year, month, style } = input;
  const { st, book } = begin(input);
  const period = formatPeriod(month);
  const wanted = input.params.leader?.trim();
  const leaders = st.byContactLeader.filter((l) => l.projects > 0 && (!wanted || l.key === wanted));
  const figures = projectFigures(db, year, month);
  const problems = openProblemsByProject(db);
  const blocks: Block[] = [];
  leaders.forEach((leader, i) => {
    const scope: Scope = { label: leader.key, filter: { contactLeaders: [leader.key] }, dimension: 'all', key: '' };
    const mine = figures.filter((f) => f.contactLeader === leader.key);
    const open = mine.reduce((n, f) => n + (problems.get(f.projectId)?.length ?? 0), 0);
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(
      { kind: 'title', text: `${comrade(leader.key)}联系重点项目情况` },
      // One page each, so no signature block: the period and who made it go under the title.
      { kind: 'subtitle', text: `（${year}年${period}${input.params.office?.trim() ? `，${input.params.office.trim()}` : ''}，${draftDate(input)}）` },
      para(
        t('联系重点项目'),
        book.figure(scope, 'projects', count(leader.projects, style)),
        t('，总投资'),
        book.figure(scope, 'totalInvestment', moneyText(leader.totalInvestment, style)),
        t('，年度计划投资'),
        book.figure(scope, 'annualPlan', moneyText(leader.annualPlan, style)),
        t(`；${period}完成投资`),
        book.figure(scope, 'completed', moneyText(leader.completedToDate, style)),
        t('，投资完成率'),
        book.figure(scope, 'completionRate', percent(leader.completedToDate, leader.annualPlan, style)),
        t('。'),
        ...standing(book, scope, leader.warnings, open, style),
      ),
      projectTable(input, mine, problems),
    );
  });
  if (leaders.length === 0) blocks.push({ kind: 'title', text: '领导包联项目情况' }, para(t(wanted ? `没有由“${wanted}”联系的${year}年重点项目。` : `${year}年清单中的项目都还没有包联领导。`)));
  return { kind: 'leader-pages', name: wanted ? `${comrade(wanted)}联系重点项目情况` : `${year}年${period}领导包联重点项目情况`, blocks, figures: book.figures, charts: [], problems: [] };
}

/** "张宗浩同志"; a title that already says 同志 ("分管负责同志") is not given a second one. */
function comrade(name: string): string {
  return name.endsWith('同志') ? name : `${name}同志`;
}

/** "红色预警2个，黄色预警4个，未解决问题3个。" without the zero clauses; "项目均未预警，无未解决问题。" when all are. */
function standing(book: FigureBook, scope: Scope, warnings: { red: number; yellow: number }, open: number, style: NumberStyle): Run[] {
  const clauses: Run[][] = [];
  if (warnings.red) clauses.push([t('红色预警'), book.figure(scope, 'red', count(warnings.red, style))]);
  if (warnings.yellow) clauses.push([t('黄色预警'), book.figure(scope, 'yellow', count(warnings.yellow, style))]);
  if (open) clauses.push([t(`未解决问题${count(open, style)}`)]);
  if (!clauses.length) return [t('项目均未预警，无未解决问题。')];
  return [...clauses.flatMap((c, i) => [...(i ? [t('，')] : []), ...c]), t('。')];
}

/**
 * A leader's projects. 序号 and 预警 take two characters on a line (the bulletin's width), 区市
 * nearly four; 未解决问题 is left out when none of the projects has one (the sentence above
 * says 无未解决问题), its width going to the name.
 */
function projectTable(input: DraftInput, projects: ProjectFigures[], problems: Map<number, string[]>): Block {
  const withProblems = projects.some((f) => (problems.get(f.projectId) ?? []).length > 0);
  const rest = [
    { title: '区市', width: 20 },
    { title: moneyColumnTitle(input, '年度计划'), width: 18, align: 'right' as const },
    { title: moneyColumnTitle(input, '完成投资'), width: 18, align: 'right' as const },
    // "80.0%" on a line: a leader's projects are rarely past 100%.
    { title: '完成率', width: 17, align: 'right' as const },
    { title: '预警', width: TWO_CHARS_MM, align: 'center' as const },
    ...(withProblems ? [{ title: '未解决问题', width: 23 }] : []),
  ];
  const [name, ...others] = fullWidth({ title: '项目名称' }, rest);
  return {
    kind: 'table',
    caption: '',
    columns: [{ title: '序号', width: TWO_CHARS_MM, align: 'center' }, { ...name!, width: name!.width - TWO_CHARS_MM }, ...others],
    rows: projects.map((f, i) => [
      cell(`${i + 1}`),
      cell(f.name),
      cell(f.district ?? ''),
      moneyCell(input, f.annualPlan),
      moneyCell(input, f.completedToDate),
      percentCellRuns(input, f.completedToDate, f.annualPlan),
      cell(WARNING[f.warning]),
      ...(withProblems ? [cell((problems.get(f.projectId) ?? []).join('；'))] : []),
    ]),
  };
}
