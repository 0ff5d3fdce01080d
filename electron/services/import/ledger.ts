/**
 * Importing a ledger workbook (台账) as offices keep them: one sheet per ledger, recognised by its
 * name (or its title row); the header found under any title rows and matched by the names offices
 * use (sheet-table.ts, like project lists). Every problem is named "工作表!单元格: 原因"; nothing is
 * written when there is an error. The workbook's ledgers replace the plan's ledgers of the same kind.
 */
import type { ImportIssue } from '../../../shared/import';
import { LEDGER_KINDS, type LedgerItem, type LedgerKind, type LedgerStatus } from '../../../shared/ledgers';
import type { Sheet, Workbook } from '../spreadsheet/xlsx-reader';
import { cellRef, cellText, findHeader } from './sheet-table';

type Target = Exclude<keyof LedgerItem, 'id' | 'planId' | 'ledger' | 'seq'>;

/** Column names offices use, in the order they are tried (earlier wins). */
const SYNONYMS: readonly (readonly [Target, RegExp])[] = [
  ['code', /^(序号|编号|序|No\.?)$/i],
  ['leader', /分管市?领导|责任市?领导|市领导/],
  ['department', /^(责任|牵头|主责|主办)(部门|单位)$|^部门$/],
  ['office', /科室|处室/],
  ['staff', /工作人员|具体负责人|责任人|联系人|经办人/],
  ['q1', /^(第?[一1]季度|Q1)/i],
  ['q2', /^(第?[二2]季度|Q2)/i],
  ['q3', /^(第?[三3]季度|Q3)/i],
  ['q4', /^(第?[四4]季度|Q4)/i],
  ['status', /状态$|^完成情况$|^是否完成$/],
  ['progress', /进展|推进情况|工作进度|进度情况/],
  ['onTrack', /是否(达到)?序时|是否达标|是否达到目标/],
  ['unit', /^(计量)?单位$/],
  ['baseline', /基期|基数|基准|现状值/],
  ['target', /目标/],
  ['actual', /当前值|实际|完成值|现值/],
  ['content', /工作任务|重点任务|任务|指标|试点|示范|创新|内容|事项|名称/],
];

/** Which ledger a sheet is: by its name, else by a title above the header. */
export function ledgerOfSheet(sheet: Sheet): LedgerKind | null {
  const byText = (text: string): LedgerKind | null =>
    /重点任务/.test(text) ? 'keyTasks' : /指标/.test(text) ? 'indicators' : /试点|示范/.test(text) ? 'pilots' : /创新/.test(text) ? 'innovations' : /任务/.test(text) ? 'tasks' : null;
  const named = byText(sheet.name);
  if (named) return named;
  for (const row of sheet.rows.slice(0, 3)) for (const cell of row.cells) if (cell?.t === 's' && byText(cell.v)) return byText(cell.v);
  return null;
}

const STATUS_WORDS: [LedgerStatus, RegExp][] = [
  ['done', /^(已完成|完成|已办结|办结)$/],
  ['lagging', /^(滞后|滞后推进|进度滞后|未按序时|落后)$/],
  ['onTrack', /^(序时推进|正常推进|按序时推进|按计划推进|推进中|正常|序时)$/],
];

export interface LedgerImport {
  items: Omit<LedgerItem, 'id' | 'planId'>[];
  issues: ImportIssue[];
  /** Items read per ledger. */
  counts: Partial<Record<LedgerKind, number>>;
}

/** Read every ledger sheet of a workbook: its items and every problem, nothing written. */
export function readLedgerWorkbook(workbook: Workbook): LedgerImport {
  const items: LedgerImport['items'] = [];
  const issues: ImportIssue[] = [];
  const counts: LedgerImport['counts'] = {};
  const seen = new Set<LedgerKind>();
  for (const sheet of workbook.sheets) {
    if (sheet.rows.length === 0) continue;
    const ledger = ledgerOfSheet(sheet);
    if (!ledger) {
      issues.push({ severity: 'warning', sheet: sheet.name, cell: '', message: `不是台账工作表（名称中应有${Object.values(LEDGER_KINDS).join('、')}之一），已跳过` });
      continue;
    }
    if (seen.has(ledger)) {
      issues.push({ severity: 'error', sheet: sheet.name, cell: '', message: `${LEDGER_KINDS[ledger]}台账出现了两次` });
      continue;
    }
    seen.add(ledger);
    const header = findHeader(sheet, SYNONYMS, 'content');
    if (!header) {
      issues.push({ severity: 'error', sheet: sheet.name, cell: '', message: '找不到表头（应有“任务”“指标”“内容”等列）' });
      continue;
    }
    let seq = 0;
    for (const row of sheet.rows) {
      if (row.row <= header.row.row) continue;
      const value = (target: Target) => {
        const column = header.columns.find((c) => c.target === target);
        return column ? cellText(row.cells[column.index]) : '';
      };
      const where = (target: Target) => cellRef(header.columns.find((c) => c.target === target)!.index, row.row);
      const content = value('content');
      if (!content) {
        if (header.columns.some((c) => c.target && cellText(row.cells[c.index]))) issues.push({ severity: 'error', sheet: sheet.name, cell: where('content'), message: '内容为空' });
        continue;
      }
      if (/^(合计|小计|总计)$/.test(content)) continue;
      const statusText = value('status');
      const status = statusText ? (STATUS_WORDS.find(([, re]) => re.test(statusText))?.[0] ?? undefined) : null;
      if (status === undefined) issues.push({ severity: 'error', sheet: sheet.name, cell: where('status'), message: `推进状态“${statusText}”无法识别，应为已完成、序时推进或滞后` });
      const onTrackText = value('onTrack');
      const onTrack = onTrackText === '' ? null : /^(是|达到|已达到|√|✓|Y|yes)$/i.test(onTrackText) ? true : /^(否|未达到|没有|×|✗|N|no)$/i.test(onTrackText) ? false : undefined;
      if (onTrack === undefined) issues.push({ severity: 'error', sheet: sheet.name, cell: where('onTrack'), message: `“${onTrackText}”应为是或否` });
      if (content.length > 2000) issues.push({ severity: 'error', sheet: sheet.name, cell: where('content'), message: '内容过长，最多2000字' });
      const text = (target: Target) => value(target) || null;
      items.push({
        ledger,
        seq: ++seq,
        code: text('code'),
        content,
        leader: text('leader'),
        department: text('department'),
        office: text('office'),
        staff: text('staff'),
        q1: text('q1'),
        q2: text('q2'),
        q3: text('q3'),
        q4: text('q4'),
        progress: text('progress'),
        status: status ?? null,
        unit: text('unit'),
        baseline: text('baseline'),
        target: text('target'),
        actual: text('actual'),
        onTrack: onTrack ?? null,
      });
    }
    counts[ledger] = seq;
  }
  if (seen.size === 0 && !issues.some((i) => i.severity === 'error')) issues.push({ severity: 'error', sheet: '', cell: '', message: '工作簿中没有台账工作表' });
  return { items, issues, counts };
}
