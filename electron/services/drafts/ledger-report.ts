/**
 * 台账季度推进情况: for one action plan and quarter, each ledger's counts by status, the lagging
 * items with this quarter's plan and their progress, the indicators against their targets, and
 * the departments' table — from the ledgers as they stand.
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { LEDGER_KIND_KEYS, LEDGER_KINDS, LEDGER_STATUS, NO_STATUS, type StatusCounts } from '../../../shared/ledgers';
import { countStatus } from '../ledgers';
import { findPlan, ledgerItems } from '../../db/ledgers';
import { chineseNumber, draftDate, heading, para, paramText, t, type DraftInput } from './parts';

const cell = (text: string): Run[] => [{ text }];
const QUARTERS = ['一', '二', '三', '四'] as const;

function countsText(c: StatusCounts): string {
  return `已完成${c.done}项，${LEDGER_STATUS.onTrack}${c.onTrack}项，${LEDGER_STATUS.lagging}${c.lagging}项${c.none ? `，${NO_STATUS}${c.none}项` : ''}`;
}

export function ledgerReport(input: DraftInput): Draft {
  const { db, year } = input;
  const name = input.params.plan?.trim() ?? '';
  const quarter = QUARTERS.includes(input.params.quarter as (typeof QUARTERS)[number]) ? (input.params.quarter as (typeof QUARTERS)[number]) : null;
  const plan = name ? findPlan(db, name) : undefined;
  const title = paramText(input, 'title', `${name || '行动计划'}${year}年${quarter ? `第${quarter}季度` : ''}推进情况`);
  if (!plan) {
    return { kind: 'ledger-report', name: title, blocks: [{ kind: 'title', text: title }, para(placeholder(name ? `没有名为“${name}”的行动计划，请先在台账中导入` : '行动计划名称'))], figures: [], charts: [], problems: [] };
  }
  const all = ledgerItems(db, plan.id);
  const qKey = quarter ? (`q${QUARTERS.indexOf(quarter) + 1}` as 'q1' | 'q2' | 'q3' | 'q4') : null;
  const total = countStatus(all);
  const blocks: Block[] = [
    { kind: 'title', text: title },
    para(t(`${plan.name}共分解${total.items}项任务和指标，${countsText(total)}。现将${quarter ? `第${quarter}季度` : ''}推进情况报告如下：`)),
  ];
  let chapter = 0;
  for (const kind of LEDGER_KIND_KEYS) {
    const mine = all.filter((i) => i.ledger === kind);
    if (mine.length === 0) continue;
    const c = countStatus(mine);
    blocks.push(heading(1, `${chineseNumber(++chapter)}、${LEDGER_KINDS[kind]}推进情况`), para(t(`${LEDGER_KINDS[kind]}共${c.items}项，${countsText(c)}。`)));
    if (kind === 'indicators') {
      blocks.push({
        kind: 'table',
        caption: '',
        columns: [
          // 责任部门 fits "市发展改革委" on one line of 小四 (6 × 4.23 mm and the cell's margins).
          { title: '序号', width: 10, align: 'center' },
          { title: '指标名称', width: 44 },
          { title: '单位', width: 10, align: 'center' },
          { title: '基期值', width: 16, align: 'right' },
          { title: '目标值', width: 16, align: 'right' },
          { title: '当前值', width: 16, align: 'right' },
          { title: '是否序时', width: 13, align: 'center' },
          { title: '责任部门', width: 31 },
        ],
        rows: mine.map((i) => [cell(i.code ?? `${i.seq}`), cell(i.content), cell(i.unit ?? ''), cell(i.baseline ?? ''), cell(i.target ?? ''), cell(i.actual ?? ''), cell(i.onTrack === null ? '' : i.onTrack ? '是' : '否'), cell(i.department ?? '')]),
      });
    }
    const lagging = mine.filter((i) => i.status === 'lagging');
    if (lagging.length) {
      blocks.push(para(t(`滞后的${lagging.length}项：`)));
      lagging.forEach((i, n) =>
        blocks.push(
          para(
            t(`${n + 1}.${i.content}（${i.department ?? '责任部门未填'}${i.leader ? `，分管市领导${i.leader}` : ''}）。`),
            ...(qKey && i[qKey] ? [t(`本季度计划：${i[qKey]}；`)] : []),
            i.progress ? t(`推进情况：${i.progress}。`) : placeholder('推进情况和下步措施'),
          ),
        ),
      );
    }
  }
  const departments = [...new Set(all.map((i) => i.department ?? '（未填责任部门）'))];
  blocks.push(
    heading(1, `${chineseNumber(++chapter)}、各责任部门推进情况`),
    {
      kind: 'table',
      caption: '',
      columns: [
        { title: '责任部门', width: 56 },
        { title: '条目', width: 20, align: 'right' },
        { title: '已完成', width: 20, align: 'right' },
        { title: '序时推进', width: 20, align: 'right' },
        { title: '滞后', width: 20, align: 'right' },
        { title: '未填报', width: 20, align: 'right' },
      ],
      rows: departments.map((d) => {
        const c = countStatus(all.filter((i) => (i.department ?? '（未填责任部门）') === d));
        return [cell(d), cell(`${c.items}`), cell(`${c.done}`), cell(`${c.onTrack}`), cell(`${c.lagging}`), cell(`${c.none}`)];
      }),
    },
    heading(1, `${chineseNumber(chapter + 1)}、下步工作`),
    para(placeholder('下步工作安排')),
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date: draftDate(input) },
  );
  return { kind: 'ledger-report', name: title, blocks, figures: [], charts: [], problems: [] };
}
