/**
 * Reading a ledger workbook (台账) as offices keep them: one sheet per ledger, recognised by its
 * name (or its title row) unless the user chose; the header found under any title rows and matched
 * by the names offices use (sheet-table.ts, like project lists), then the user's column mapping on
 * top. Every problem is named "工作表!单元格: 原因". Nothing is written here: the service
 * (ledger-import.ts) previews what the items will do and commits them.
 */
import type { ImportIssue } from '../../../shared/import';
import { LEDGER_FIELDS, LEDGER_KINDS, type LedgerField, type LedgerItem, type LedgerKind, type LedgerSheetChoice } from '../../../shared/ledgers';
import { columnLetter, type Sheet, type Workbook } from '../spreadsheet/xlsx-reader';
import { cellRef, cellText, findHeader, undecidedColumns } from './sheet-table';
import { columnLooksLikeStatus, readLedgerStatus } from './ledger-status';

export type LedgerDraft = Omit<LedgerItem, 'id' | 'planId'>;

/** Column names offices use, in the order they are tried (earlier wins; each field once). */
const SYNONYMS: readonly (readonly [LedgerField, RegExp])[] = [
  ['code', /^(序号|编号|序|No\.?)$/i],
  ['leader', /分管市?领导|责任市?领导|市领导/],
  ['department', /^(责任|牵头|主责|主办)(部门|单位)$|^部门$/],
  ['office', /科室|处室/],
  ['staff', /工作人员|具体负责人|责任人|联系人|经办人/],
  ['q1', /^(第?[一1]季度|Q1)/i],
  ['q2', /^(第?[二2]季度|Q2)/i],
  ['q3', /^(第?[三3]季度|Q3)/i],
  ['q4', /^(第?[四4]季度|Q4)/i],
  // Only a column that says 状态 is the status by its name; 进展情况, 完成情况 and the like hold a
  // status as often as a sentence of progress, and are decided by what they hold (below).
  ['status', /状态$|^是否完成$/],
  ['progress', /进展|推进情况|完成情况|工作进度|进度情况/],
  ['onTrack', /是否(达到)?序时|是否达标|是否达到目标/],
  ['unit', /^(计量)?单位$/],
  ['baseline', /基期|基数|基准|现状值/],
  ['target', /目标/],
  ['actual', /当前值|实际|完成值|现值/],
  ['content', /工作任务|重点任务|任务|指标|试点|示范|创新|内容|事项|名称/],
];

/** Names of a column that may be the status or the progress text (the first of the above). */
const STATUS_OR_PROGRESS = /进展|推进情况|完成情况|完成状态|工作进度|进度情况/;

/** Which ledger a sheet is: by its name, else by a title above the header. */
export function ledgerOfSheet(sheet: Sheet): LedgerKind | null {
  const byText = (text: string): LedgerKind | null =>
    /重点任务/.test(text) ? 'keyTasks' : /指标/.test(text) ? 'indicators' : /试点|示范/.test(text) ? 'pilots' : /创新/.test(text) ? 'innovations' : /任务/.test(text) ? 'tasks' : null;
  const named = byText(sheet.name);
  if (named) return named;
  for (const row of sheet.rows.slice(0, 3)) for (const cell of row.cells) if (cell?.t === 's' && byText(cell.v)) return byText(cell.v);
  return null;
}

export interface LedgerSheetRead {
  sheet: string;
  ledger: LedgerKind | null;
  ledgerChosen: boolean;
  headerRow: number;
  columns: { index: number; letter: string; header: string; target: LedgerField | null }[];
  /** Every row read as an item (in order), and whether it has an error. */
  rows: { row: number; item: LedgerDraft; error: boolean }[];
}

/** Read every sheet of a ledger workbook, with the user's choices per sheet (by name). */
export function readLedgerWorkbook(workbook: Workbook, choices: Record<string, LedgerSheetChoice> = {}): { sheets: LedgerSheetRead[]; issues: ImportIssue[] } {
  const sheets: LedgerSheetRead[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<LedgerKind, string>();
  for (const sheet of workbook.sheets) {
    if (sheet.rows.length === 0) continue;
    const choice = choices[sheet.name] ?? {};
    const ledgerChosen = choice.ledger !== undefined;
    const ledger = ledgerChosen ? (choice.ledger ?? null) : ledgerOfSheet(sheet);
    const read: LedgerSheetRead = { sheet: sheet.name, ledger, ledgerChosen, headerRow: 0, columns: [], rows: [] };
    sheets.push(read);
    const issue = (severity: ImportIssue['severity'], cell: string, message: string) => issues.push({ severity, sheet: sheet.name, cell, message });
    if (!ledger) {
      if (!ledgerChosen) issue('warning', '', `不是台账工作表（名称中应有${Object.values(LEDGER_KINDS).join('、')}之一），已跳过`);
      continue;
    }
    const other = seen.get(ledger);
    if (other !== undefined) {
      issue('error', '', `${LEDGER_KINDS[ledger]}台账出现了两次（另见工作表“${other}”）`);
      continue;
    }
    seen.set(ledger, sheet.name);
    const header = findHeader(sheet, SYNONYMS, 'content');
    if (!header) {
      issue('error', '', '找不到表头（应有“任务”“指标”“内容”等列）');
      continue;
    }
    read.headerRow = header.row.row;
    const undecided = undecidedColumns(sheet.name, header, (index) => choice.mapping !== undefined && Object.hasOwn(choice.mapping, String(index)));
    issues.push(...undecided);
    const dataRows = sheet.rows.filter((r) => r.row > header.row.row);
    read.columns = header.columns.map((c) => ({ index: c.index, letter: columnLetter(c.index), header: c.header, target: c.target }));
    decideStatusColumn(read.columns, header.columns.map((c) => c.name), (index) => dataRows.map((r) => cellText(r.cells[index])));
    for (const column of read.columns) {
      if (choice.mapping && Object.prototype.hasOwnProperty.call(choice.mapping, String(column.index))) column.target = choice.mapping[String(column.index)] ?? null;
    }
    const byTarget = new Map<LedgerField, number>();
    let mappingOk = true;
    for (const c of read.columns) {
      if (c.target === null) continue;
      const first = byTarget.get(c.target);
      if (first !== undefined) {
        issue('error', '', `第${columnLetter(first)}列和第${c.letter}列都对应“${LEDGER_FIELDS[c.target]}”，请在列对应关系中只保留一列`);
        mappingOk = false;
      }
      byTarget.set(c.target, c.index);
    }
    if (!byTarget.has('content')) {
      issue('error', '', '没有对应“内容”的列，请在列对应关系中指定');
      mappingOk = false;
    }
    if (mappingOk && undecided.length === 0) read.rows = readRows(sheet.name, ledger, dataRows, byTarget, issues);
  }
  if (!sheets.some((s) => s.ledger) && !issues.some((i) => i.severity === 'error')) issues.push({ severity: 'error', sheet: '', cell: '', message: '工作簿中没有台账工作表' });
  return { sheets, issues };
}

/**
 * When no column says 状态, the status is the 进展情况/完成情况 column whose cells are mostly status
 * words (已完成, 序时推进, 滞后 …); the progress text is then the next such column, if any.
 */
function decideStatusColumn(columns: LedgerSheetRead['columns'], names: string[], values: (index: number) => string[]): void {
  if (columns.some((c) => c.target === 'status')) return;
  const candidates = columns.filter((c, i) => (c.target === 'progress' || c.target === null) && STATUS_OR_PROGRESS.test(names[i]!));
  const status = candidates.find((c) => columnLooksLikeStatus(values(c.index)));
  if (!status) return;
  const hadProgress = status.target === 'progress';
  status.target = 'status';
  if (hadProgress) {
    const next = candidates.find((c) => c !== status && c.target === null);
    if (next) next.target = 'progress';
  }
}

function readRows(sheet: string, ledger: LedgerKind, dataRows: Sheet['rows'], byTarget: Map<LedgerField, number>, issues: ImportIssue[]): LedgerSheetRead['rows'] {
  const rows: LedgerSheetRead['rows'] = [];
  const issue = (severity: ImportIssue['severity'], cell: string, message: string) => issues.push({ severity, sheet, cell, message });
  let seq = 0;
  for (const row of dataRows) {
    const value = (target: LedgerField) => {
      const index = byTarget.get(target);
      return index === undefined ? '' : cellText(row.cells[index]);
    };
    const where = (target: LedgerField) => cellRef(byTarget.get(target)!, row.row);
    const text = (target: LedgerField) => value(target) || null;
    const content = value('content');
    if (!content) {
      if ([...byTarget.values()].some((index) => cellText(row.cells[index]))) {
        issue('error', where('content'), '内容为空');
        rows.push({ row: row.row, item: { ...emptyItem(ledger, seq), content: '' }, error: true });
      }
      continue;
    }
    if (/^(合计|小计|总计)$/.test(content)) continue;
    let error = false;
    if (content.length > 2000) {
      issue('error', where('content'), '内容过长，最多2000字');
      error = true;
    }
    let progress = text('progress');
    const statusText = value('status');
    const status = statusText ? readLedgerStatus(statusText) : null;
    if (statusText && !status) {
      // Not a status word: the item is still imported, without a status, and nothing of what the
      // office wrote is lost — it becomes the progress text when the sheet has no column for that.
      const kept = !byTarget.has('progress');
      if (kept) progress = statusText;
      issue('warning', where('status'), `推进状态“${statusText}”无法识别（应为已完成、序时推进或滞后），推进状态留空${kept ? '，原文记入推进情况' : ''}`);
    }
    const onTrackText = value('onTrack');
    const onTrack = onTrackText === '' ? null : /^(是|达到|已达到|√|✓|Y|yes)$/i.test(onTrackText) ? true : /^(否|未达到|没有|×|✗|N|no)$/i.test(onTrackText) ? false : undefined;
    if (onTrack === undefined) {
      issue('error', where('onTrack'), `“${onTrackText}”应为是或否`);
      error = true;
    }
    rows.push({
      row: row.row,
      error,
      item: {
        ...emptyItem(ledger, ++seq),
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
        progress,
        status,
        unit: text('unit'),
        baseline: text('baseline'),
        target: text('target'),
        actual: text('actual'),
        onTrack: onTrack ?? null,
      },
    });
  }
  return rows;
}

function emptyItem(ledger: LedgerKind, seq: number): LedgerDraft {
  return {
    ledger, seq, code: null, content: '', leader: null, department: null, office: null, staff: null, q1: null, q2: null, q3: null, q4: null,
    progress: null, status: null, unit: null, baseline: null, target: null, actual: null, onTrack: null,
  };
}
