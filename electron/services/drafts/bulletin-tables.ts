/**
 * The bulletin's tables and attachments. Every table is 156 mm wide (the text block), a percent
 * column is wide enough for "100.0%" and a four-character header (21 mm in 小四), and each column
 * has one decimal style ("100.0%" beside "57.1%"; every amount with the table unit's decimals).
 * Attachments stay short — the red list and the most lagging yellow ones, the rest as a count —
 * and one that would be empty is not attached; the 附件说明 lists exactly the attachments' titles.
 */
import type { Block, Run, TableColumn } from '../../../shared/drafts';
import { formatPeriod } from '../../../shared/format';
import { LAG_TAGS, count, notStartedBecause } from '../../../shared/phrases';
import type { ProjectFigures, Summary } from '../../../shared/statistics';
import { TEXT_BLOCK_MM } from './text-block';
import { lagReason, type BulletinLists } from './bulletin-lists';
import { moneyCell, moneyColumnTitle, percentCellRuns, type DraftInput } from './parts';

export const cell = (text: string): Run[] => [{ text }];

/** A percent column: "100.0%" and a four-character header on one line of 小四 (4 × 4.23 mm and the cell's margins). */
const PERCENT_MM = 21;
/** A two-character column (序号, 名次, 预警) on one line. */
export const TWO_CHARS_MM = 13;
/** How many yellow projects the warning list names; the rest are counted under it. */
export const YELLOW_LISTED = 30;

/** Columns whose first takes what the others leave of the 156 mm. */
export function fullWidth(first: Omit<TableColumn, 'width'>, rest: TableColumn[]): TableColumn[] {
  return [{ ...first, width: TEXT_BLOCK_MM.width - rest.reduce((n, c) => n + c.width, 0) }, ...rest];
}

/** The figure columns of the level, category and district tables (units in the headers). */
export function figureColumns(input: DraftInput): TableColumn[] {
  return [
    { title: `项目个数（${input.style.countWord ?? '个'}）`, width: PERCENT_MM, align: 'right' },
    { title: moneyColumnTitle(input, '年度计划投资'), width: 24, align: 'right' },
    { title: moneyColumnTitle(input, `${formatPeriod(input.month)}完成投资`), width: 24, align: 'right' },
    // Five characters: one more than a percent column.
    { title: '投资完成率', width: PERCENT_MM + 5, align: 'right' },
    { title: '开复工率', width: PERCENT_MM, align: 'right' },
  ];
}

export function figureCells(input: DraftInput, s: Summary): Run[][] {
  return [
    cell(`${s.projects}`),
    moneyCell(input, s.annualPlan),
    moneyCell(input, s.completedToDate),
    percentCellRuns(input, s.completedToDate, s.annualPlan),
    percentCellRuns(input, s.startedNew + s.resumed, s.projects),
  ];
}

/**
 * A list of projects: 序号, 项目名称 (the width left), 区市, the given columns, 责任单位, 包联领导.
 * 责任单位 and 包联领导 are left out when no listed project has one (an empty column prints as a
 * blank strip); their width goes to the name and the last given column (the reason), so both wrap less.
 */
function projectTable(projects: readonly ProjectFigures[], extra: TableColumn[], extraCells: (f: ProjectFigures) => Run[][], note?: string): Block {
  const optional = [
    { column: { title: '责任单位', width: 24 }, value: (f: ProjectFigures) => f.responsibleUnit ?? '' },
    { column: { title: '包联领导', width: PERCENT_MM }, value: (f: ProjectFigures) => f.contactLeader ?? '' },
  ].filter((o) => projects.some((f) => o.value(f).trim() !== ''));
  // Half of what they leave to the reason; the name, the first column, takes the rest.
  const freed = 24 + PERCENT_MM - optional.reduce((n, o) => n + o.column.width, 0);
  const given = extra.map((c, i) => (i === extra.length - 1 ? { ...c, width: c.width + Math.round(freed / 2) } : c));
  // 区市 fits a four-character name ("南海新区") on one line, as a percent column does.
  const [name, ...rest] = fullWidth({ title: '项目名称' }, [{ title: '区市', width: PERCENT_MM }, ...given, ...optional.map((o) => o.column)]);
  return {
    kind: 'table',
    caption: '',
    columns: [{ title: '序号', width: TWO_CHARS_MM, align: 'center' }, { ...name!, width: name!.width - TWO_CHARS_MM }, ...rest],
    rows: projects.map((f, i) => [cell(`${i + 1}`), cell(f.name), cell(f.district ?? ''), ...extraCells(f), ...optional.map((o) => cell(o.value(f)))]),
    note,
  };
}

export interface Attachment {
  what: 'districts' | 'unstarted' | 'warnings';
  title: string;
  blocks: Block[];
}

/** The attachments that have something in them, in order; their numbers are their places. */
export function bulletinAttachments(
  input: DraftInput,
  districts: readonly (Summary & { key: string })[],
  overall: Summary,
  lists: BulletinLists,
  openProblems: Map<number, string[]>,
): Attachment[] {
  const { year, month, style } = input;
  const out: Attachment[] = [];
  if (districts.length) {
    out.push({
      what: 'districts',
      title: `各区市重点项目推进情况表（${year}年${formatPeriod(month)}）`,
      blocks: [
        {
          kind: 'table',
          caption: '',
          columns: [{ title: '名次', width: TWO_CHARS_MM, align: 'center' }, ...fullWidth({ title: '区市' }, figureColumns(input)).map((c, i) => (i === 0 ? { ...c, width: c.width - TWO_CHARS_MM } : c))],
          rows: [...districts.map((d, i) => [cell(`${i + 1}`), cell(d.key), ...figureCells(input, d)]), [cell(''), cell('合计'), ...figureCells(input, overall)]],
        },
      ],
    });
  }
  if (lists.dueNotStarted.length) {
    out.push({
      what: 'unstarted',
      title: `已到开工时间未开工新建项目名单（截至${month}月底）`,
      blocks: [
        projectTable(lists.dueNotStarted, [{ title: '计划开工', width: PERCENT_MM, align: 'center' }, { title: '原因', width: 30 }], (f) => [
          cell(f.plannedStartMonth ? `${f.plannedStartMonth}月` : ''),
          cell(notStartedBecause(openProblems.get(f.projectId) ?? []).replace(/^因(.*)尚未开工$/, '$1')),
        ]),
      ],
    });
  }
  const yellowListed = lists.yellow.slice(0, YELLOW_LISTED);
  const warned = [...lists.red, ...yellowListed];
  if (warned.length) {
    const rest = lists.yellow.length - yellowListed.length;
    out.push({
      what: 'warnings',
      title: `红黄预警项目名单（截至${month}月底）`,
      blocks: [
        projectTable(
          warned,
          [{ title: '预警', width: TWO_CHARS_MM, align: 'center' }, { title: '滞后原因', width: 40 }],
          (f) => [cell(f.warning === 'red' ? '红' : '黄'), cell(lagCell(LAG_TAGS[lagReason(f, month)].slice(1, -1), f.warningReason))],
          rest > 0 ? `注：黄色预警项目按投资完成率由低到高列前${YELLOW_LISTED}个，其余${count(rest, style)}略。` : undefined,
        ),
      ],
    });
  }
  return out;
}

/** "投资滞后：投资完成率10%，低于时序进度40个百分点" — the rule's bracket left out, the tag not repeated when the reason says it. */
function lagCell(tag: string, reason: string | null): string {
  const why = (reason ?? '').replace(/（[^（）]*）$/, '');
  return why.includes(tag) ? why : `${tag}：${why}`;
}
