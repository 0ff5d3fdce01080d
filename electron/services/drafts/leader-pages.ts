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
import type { Scope } from './figures';
import { begin, draftDate, moneyCell, moneyColumnTitle, para, t, type DraftInput } from './parts';

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
      { kind: 'title', text: `${leader.key}同志联系重点项目情况` },
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
        t('。红色预警'),
        book.figure(scope, 'red', count(leader.warnings.red, style)),
        t('，黄色预警'),
        book.figure(scope, 'yellow', count(leader.warnings.yellow, style)),
        t(`，未解决问题${count(open, style)}。`),
      ),
      projectTable(input, mine, problems),
    );
  });
  if (leaders.length === 0) blocks.push({ kind: 'title', text: '领导包联项目情况' }, para(t(wanted ? `没有由“${wanted}”联系的${year}年重点项目。` : `${year}年清单中的项目都还没有包联领导。`)));
  return { kind: 'leader-pages', name: wanted ? `${wanted}同志联系重点项目情况` : `${year}年${period}领导包联重点项目情况`, blocks, figures: book.figures, charts: [], problems: [] };
}

function projectTable(input: DraftInput, projects: ProjectFigures[], problems: Map<number, string[]>): Block {
  return {
    kind: 'table',
    caption: '',
    columns: [
      { title: '序号', width: 10, align: 'center' },
      { title: '项目名称', width: 38 },
      { title: '区市', width: 18 },
      { title: moneyColumnTitle(input, '年度计划'), width: 20, align: 'right' },
      { title: moneyColumnTitle(input, '完成投资'), width: 20, align: 'right' },
      { title: '完成率', width: 16, align: 'right' },
      { title: '预警', width: 10, align: 'center' },
      { title: '未解决问题', width: 24 },
    ],
    rows: projects.map((f, i) => [
      cell(`${i + 1}`),
      cell(f.name),
      cell(f.district ?? ''),
      moneyCell(input, f.annualPlan),
      moneyCell(input, f.completedToDate),
      cell(percent(f.completedToDate, f.annualPlan, input.style)),
      cell(WARNING[f.warning]),
      cell((problems.get(f.projectId) ?? []).join('；')),
    ]),
  };
}
