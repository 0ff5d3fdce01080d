/**
 * The rows of a project list, top to bottom: which are projects and which are headings (sections
 * at every level, districts, units, nature groups), closing rows (合计/小计/总计) or notes, and
 * each project's fields parsed. A heading is told from a project by its shape (a section number, a
 * declared count, a nature or level word) and by having nothing else in the row: no code, no other
 * field, no figures (a numbered section may carry subtotals, which are checked).
 */
import type { Lists } from '../../../shared/domain';
import { FIELD_BY_KEY, parseFieldInput, type FieldValue, type ProjectField } from '../../../shared/fields';
import type { ImportColumn, ImportHeading, ImportIssue, ImportTarget, RequiredMoneyTarget } from '../../../shared/import';
import { money, moneyFromSpreadsheetNumber, normaliseNumberText, parseMoney, UNIT_SCALE, type Money, type MoneyUnit } from '../../../shared/money';
import type { Cell, Sheet, SheetRow } from '../spreadsheet/xlsx-reader';
import { countCell, isBareMarker, isNoteText, isStrongMarker, looksLikePlaceOrUnit, parseHeading, readLevelGroup, readNature, totalLabel } from './list-headings';
import { SectionTracker, type Amounts } from './list-sections';
import { matchCategory, normaliseName, tidyName, type MappedColumns } from './project-columns';
import { cellRef, cellText, isPlaceholder, normaliseHeader, type HeaderMatch } from './sheet-table';

/** One project row of the file, parsed. */
export interface ParsedRow {
  row: number;
  values: Partial<Record<ProjectField, FieldValue>>;
  name: string;
  code: string | null;
  errors: ImportIssue[];
}

export interface RowsReading {
  parsed: ParsedRow[];
  /** Warnings about the list as a whole: counts, sums, headings. Row errors are in `parsed`. */
  issues: ImportIssue[];
  headings: ImportHeading[];
  sheetTotal: Amounts;
  notes: string[];
}

const MONEY_TARGETS: readonly RequiredMoneyTarget[] = ['totalInvestment', 'annualPlan'];
/** Fields whose value a cell merged down over several project rows gives to each of them. */
const SHARED_BY_MERGE = new Set<ImportTarget>(['district', 'category', 'level', 'nature', 'stage', 'leadDepartment', 'contactLeader', 'responsibleUnit']);
/** Names: stray spaces inside Chinese text are removed before storing and matching. */
const NAME_FIELDS = new Set<ProjectField>(['name', 'ownerUnit', 'responsibleUnit', 'leadDepartment', 'contactLeader', 'district', 'category', 'responsiblePerson']);
/** "1.海港智能产业园", "12、石岛湾…": a list numbered in the name cell (not "3、4号楼", not "1.5万吨"). */
const NUMBERED_NAME = /^[0-9０-９]{1,3}\s*[、.．]\s*(?=[\u3400-\u9fff])/;
const YEARS_RANGE = /^(\d{4})\s*年?\s*(?:[-—–~～至到]+\s*(\d{4})\s*年?)?$/;

type RowKind =
  | { kind: 'skip' }
  | { kind: 'total'; label: string; cell: string; scope: 'section' | 'sheet'; count: number | null }
  | { kind: 'heading'; text: string; cell: string; marker: string; title: string; count: number | null }
  | { kind: 'project' };

export function readProjectRows(sheet: Sheet, header: HeaderMatch<ImportTarget>, mapped: MappedColumns, lists: Lists): RowsReading {
  const { columns, byTarget } = mapped;
  const issues: ImportIssue[] = [];
  const warn = (cell: string, message: string) => issues.push({ severity: 'warning', sheet: sheet.name, cell, message });
  const tracker = new SectionTracker(warn);
  const fieldColumns = columns.filter((c): c is ImportColumn & { target: ProjectField | 'years' } => c.target !== null && c.target !== 'seq' && c.target !== 'planSplit');
  const moneyColumns = MONEY_TARGETS.flatMap((t) => (byTarget.has(t) ? [{ target: t, column: byTarget.get(t)! }] : []));
  const nameColumn = byTarget.get('name')!;
  const seqColumn = byTarget.get('seq');
  const codeColumn = byTarget.get('code');
  const moneyIndex = new Set(moneyColumns.map((m) => m.column.index));
  // A bare name row is a heading only where the list has other columns a project would fill.
  const hasOtherColumns = columns.some((c) => c.index !== nameColumn.index && c.target !== 'seq');
  const mergedAbove = verticalMerges(sheet, fieldColumns.filter((c) => SHARED_BY_MERGE.has(c.target)).map((c) => c.index));
  // 打包项目: a name merged down over the rows of its parts (one per 责任单位, say).
  const nameMergedDown = verticalMerges(sheet, [nameColumn.index]);
  const beyond = new Map<string, number[]>();
  const packaged: string[] = [];

  const amountsOf = (row: SheetRow): Amounts => {
    const out: Amounts = {};
    for (const { target, column } of moneyColumns) {
      const r = parseCell(target, row.cells[column.index], column.unit ?? '万元');
      if ('value' in r && typeof r.value === 'number') out[target] = { value: money(r.value), cell: cellRef(column.index, row.row), step: writtenStep(cellText(row.cells[column.index]), column.unit ?? '万元') };
    }
    return out;
  };

  const figures = (texts: { index: number; text: string }[]) => texts.some((t) => moneyIndex.has(t.index) && !isPlaceholder(t.text));

  const classify = (row: SheetRow): RowKind => {
    // A formula without a result is something written in the cell, though it reads as nothing.
    const texts: { index: number; text: string }[] = [];
    for (let index = 0; index < row.cells.length; index++) {
      const c = row.cells[index];
      if (c === undefined) continue;
      const text = c.t === 'f' ? '=' : cellText(c);
      if (text !== '') texts.push({ index, text });
    }
    const labels = texts.filter((t) => !moneyIndex.has(t.index));
    if (labels.length === 0 || isColumnNumbers(texts)) return { kind: 'skip' };
    // Only a number in 序号 (a row left empty): nothing to read.
    if (labels.length === 1 && labels[0]!.index === seqColumn?.index && (/^\d+$/.test(labels[0]!.text) || isBareMarker(labels[0]!.text)) && !figures(texts)) return { kind: 'skip' };
    for (const t of labels) {
      if (!(t.index <= nameColumn.index || t.index < 4)) continue;
      const total = totalLabel(t.text);
      if (total) return { kind: 'total', label: t.text, cell: cellRef(t.index, row.row), scope: total.scope, count: total.count ?? labels.map((l) => countCell(l.text)).find((n) => n !== null) ?? null };
    }
    if (isNoteText(labels[0]!.text)) return { kind: 'skip' };
    const nameText = cellText(row.cells[nameColumn.index]);
    // The header again (printed on every page): not a project.
    if (REPEATED_HEADER.test(normaliseHeader(nameText).header)) return { kind: 'skip' };
    const seqText = seqColumn ? cellText(row.cells[seqColumn.index]) : '';
    // "一" in 序号 and "产业项目" in 项目名称 are one title: "一、产业项目".
    const markerInSeq = seqText !== '' && isBareMarker(seqText);
    const titleCell = nameText ? nameColumn.index : labels[0]!.index;
    // A code in 项目编号 (not a count, not a placeholder) makes the row a project whatever else it holds:
    // decided before the title is read as a heading, which most rows of a coded list then need not be.
    const isOther = (t: { index: number }) => t.index !== titleCell && !(markerInSeq && t.index === seqColumn!.index);
    if (codeColumn && labels.some((t) => t.index === codeColumn.index && isOther(t) && !isPlaceholder(t.text) && countCell(t.text) === null)) return { kind: 'project' };
    const titleText = nameText ? (markerInSeq ? `${seqText}${/[、.．)）]$/.test(seqText) ? '' : '、'}${nameText}` : nameText) : labels[0]!.text;
    const heading = parseHeading(titleText);
    const hasFigures = figures(texts);
    let count = heading.count;
    let otherFields = 0;
    let otherText = 0;
    let placeholders = texts.some((t) => moneyIndex.has(t.index) && isPlaceholder(t.text));
    for (const t of labels) {
      if (!isOther(t)) continue;
      if (isPlaceholder(t.text)) {
        placeholders = true; // "—" written for a value: a row someone filled in
        continue;
      }
      const n = countCell(t.text);
      if (n !== null) {
        count ??= n;
        continue;
      }
      if (t.index === codeColumn?.index) continue; // unreached: a code returned above
      if (t.index === seqColumn?.index) otherText += /^\d+$/.test(t.text) ? 1 : 0;
      else if (fieldColumns.some((c) => c.index === t.index)) otherFields++;
      else otherText++;
    }
    const asHeading = (): RowKind => ({ kind: 'heading', text: titleText, cell: cellRef(titleCell, row.row), marker: heading.marker ?? (readNature(heading.title) ? 'natureGroup' : 'group'), title: heading.title, count });
    if (isStrongMarker(heading.marker)) return asHeading();
    if (otherFields > 0) return { kind: 'project' };
    // Only exact words here: "工业园区道路" with figures is a project, not the category 工业.
    const names = readNature(heading.title) !== null || readLevelGroup(heading.title) !== null || isCategoryName(lists, heading.title);
    // A count a heading declares is in brackets when the row has figures ("建设充电桩200个" is a name).
    const declares = count !== null && (!hasFigures || heading.bracketed || heading.count === null);
    if (heading.marker && (!hasFigures || declares || names)) return asHeading();
    if (otherText > 0) return { kind: 'project' };
    if (declares || names) return asHeading();
    if (!hasFigures && !placeholders && hasOtherColumns) return asHeading(); // only a name and nothing else in the row
    return { kind: 'project' };
  };

  const parsed: ParsedRow[] = [];
  for (const row of sheet.rows) {
    if (row.row <= header.row.row) continue;
    const last = parsed[parsed.length - 1];
    if (last && !cellText(row.cells[nameColumn.index]) && nameMergedDown.has(`${row.row}:${nameColumn.index}`)) {
      const added = joinPart(sheet.name, row, last, fieldColumns);
      tracker.addAmounts(added);
      packaged.push(`第${row.row}行是第${last.row}行“${last.name}”的一部分（项目名称合并单元格）：并入该项目${Object.keys(added).length ? '，金额相加' : ''}`);
      continue;
    }
    const kind = classify(row);
    if (kind.kind === 'skip') continue;
    if (kind.kind === 'total') {
      tracker.total({ row: row.row, cell: kind.cell, label: kind.label, scope: kind.scope, count: kind.count, values: amountsOf(row) });
      continue;
    }
    if (kind.kind === 'heading') {
      const nature = readNature(kind.title);
      const exact = matchCategory(lists.categories, kind.title);
      // "工业园区" is a place, not the category 工业: a place or unit names a category only exactly.
      const category = exact && (!looksLikePlaceOrUnit(kind.title) || lists.categories.some((c) => c.name === kind.title)) ? exact : null;
      const district = lists.districts.find((d) => normaliseName(d.name) === normaliseName(kind.title))?.name ?? null;
      const level = readLevelGroup(kind.title);
      tracker.heading({
        kind: kind.marker,
        row: row.row,
        cell: kind.cell,
        text: kind.text,
        title: kind.title,
        declared: kind.count,
        category,
        nature: nature?.nature ?? null,
        stage: nature?.stage ?? null,
        level,
        district,
        natureWord: nature?.beyond ?? null,
        isGroup: category === null && (nature !== null || level !== null || district !== null || looksLikePlaceOrUnit(kind.title)),
        own: amountsOf(row),
      });
      continue;
    }
    const p = parseProjectRow(sheet.name, row, fieldColumns, (index) => mergedAbove.get(`${row.row}:${index}`));
    const amounts: Partial<Record<RequiredMoneyTarget, Money>> = {};
    for (const t of MONEY_TARGETS) if (typeof p.values[t] === 'number') amounts[t] = money(p.values[t]);
    const set = tracker.project(amounts);
    if (p.values.nature === undefined && set.nature) p.values.nature = set.nature;
    if (p.values.stage === undefined && set.stage) p.values.stage = set.stage;
    if (p.values.level === undefined && set.level) p.values.level = set.level;
    if (p.values.district === undefined && set.district) p.values.district = set.district;
    if (p.values.category === undefined && set.category) p.values.category = set.category;
    if (typeof p.values.category === 'string') {
      const matched = matchCategory(lists.categories, p.values.category);
      if (matched) p.values.category = matched;
      else p.errors.push({ severity: 'error', sheet: sheet.name, cell: cellRef(byTarget.get('category')?.index ?? nameColumn.index, row.row), message: `项目类别“${p.values.category}”不在类别列表中` });
    } else tracker.uncategorised();
    const word = p.beyond ?? (p.values.nature === set.nature || p.values.stage === set.stage ? set.natureWord : null);
    if (word) beyond.set(word, [...(beyond.get(word) ?? []), row.row]);
    judgePlanWords(sheet.name, p, byTarget.get('annualPlan'), issues);
    parsed.push(p);
  }
  const headings = tracker.finish();
  // Checks made when a section closes come out late: in the order of the rows they are about.
  issues.sort((a, b) => rowOf(a.cell) - rowOf(b.cell));
  const notes = [...[...beyond].map(([word, rows]) => natureNote(word, rows)), ...packaged];
  return { parsed, issues, headings, sheetTotal: tracker.sheetTotal, notes };
}

const REPEATED_HEADER = /^(项目名称|项目名)$/;

function isCategoryName(lists: Lists, title: string): boolean {
  const t = title.replace(/\s/g, '');
  return lists.categories.some((c) => c.name === t || c.name === t.replace(/(重点项目|项目|类|领域)$/, ''));
}

/** The row number of "D8" or "第8行". */
function rowOf(cell: string): number {
  return Number(/(\d+)行?$/.exec(cell)?.[1] ?? 0);
}

/** The row of column numbers some offices put under the header ("1 2 3 …", "甲 乙 1 2 …"). */
function isColumnNumbers(texts: { text: string }[]): boolean {
  const numbers = texts.map((t) => t.text).filter((t) => !/^[甲乙丙丁戊]$/.test(t));
  if (numbers.length < 3 || numbers.length < texts.length - 5) return false;
  return numbers.every((t, i) => /^\d+$/.test(t) && (i === 0 || Number(t) === Number(numbers[i - 1]) + 1));
}

/** The precision an amount was written to, in 元: "13.58" in 亿元 → 1,000,000 (0.01亿元). */
function writtenStep(text: string, unit: MoneyUnit): Money {
  const decimals = /\.(\d+)/.exec(normaliseNumberText(text))?.[1]?.length ?? 0;
  const step = UNIT_SCALE[unit] / 10n ** BigInt(decimals);
  return money(step > 1n ? Number(step) : 1);
}

/** Text fields a part of a 打包项目 adds to the project ("环翠区住建局、文登区住建局"). */
const JOINED_FIELDS = new Set<ImportTarget>(['ownerUnit', 'responsibleUnit', 'responsiblePerson', 'phone', 'contactLeader', 'scope']);

/**
 * A row that continues the project above (its name merged down over it): its own units and
 * people are added to the project's, its own amounts added to the project's. Returns the amounts.
 */
function joinPart(sheetName: string, row: SheetRow, project: ParsedRow, fieldColumns: (ImportColumn & { target: ProjectField | 'years' })[]): Partial<Record<RequiredMoneyTarget, Money>> {
  const added: Partial<Record<RequiredMoneyTarget, Money>> = {};
  for (const c of fieldColumns) {
    const cell = row.cells[c.index];
    if (!cell || cellText(cell) === '') continue;
    if (c.target === 'totalInvestment' || c.target === 'annualPlan') {
      const r = parseCell(c.target, cell, c.unit ?? '万元');
      if ('error' in r) project.errors.push({ severity: 'error', sheet: sheetName, cell: cellRef(c.index, row.row), message: r.error });
      else if (typeof r.value === 'number') {
        added[c.target] = money(r.value);
        project.values[c.target] = (typeof project.values[c.target] === 'number' ? (project.values[c.target] as number) : 0) + r.value;
      }
    } else if (JOINED_FIELDS.has(c.target)) {
      const text = tidyName(cellText(cell));
      const old = project.values[c.target as ProjectField];
      const parts = typeof old === 'string' && old ? old.split('、') : [];
      if (!parts.includes(text)) project.values[c.target as ProjectField] = [...parts, text].join('、');
    }
  }
  return added;
}

/** Cells merged down over several rows, in the given columns: "row:column" → the cell holding the value. */
function verticalMerges(sheet: Sheet, columns: number[]): Map<string, Cell | undefined> {
  const out = new Map<string, Cell | undefined>();
  if (columns.length === 0 || !sheet.merges?.length) return out;
  const byNumber = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const m of sheet.merges) {
    if (m.lastRow === m.firstRow) continue;
    const top = byNumber.get(m.firstRow)?.cells[m.firstColumn];
    for (const c of columns) {
      if (c < m.firstColumn || c > m.lastColumn) continue;
      for (let r = m.firstRow + 1; r <= m.lastRow && r <= m.firstRow + 10_000; r++) out.set(`${r}:${c}`, top);
    }
  }
  return out;
}

interface ParsedProject extends ParsedRow {
  /** The office's nature word the library has no nature for ("竣工投产", "前期"). */
  beyond: string | null;
  /** An annual plan written as words (a 前期 project's goal for the year), kept to judge later. */
  planWords: string | null;
}

function parseProjectRow(sheetName: string, row: SheetRow, fieldColumns: (ImportColumn & { target: ProjectField | 'years' })[], merged: (index: number) => Cell | undefined): ParsedProject {
  const values: ParsedRow['values'] = {};
  const errors: ImportIssue[] = [];
  const err = (index: number, message: string) => errors.push({ severity: 'error', sheet: sheetName, cell: cellRef(index, row.row), message });
  let beyond: string | null = null;
  let planWords: string | null = null;
  for (const c of fieldColumns) {
    const target = c.target;
    const cell = row.cells[c.index] ?? merged(c.index);
    const text = cellText(cell);
    if (target === 'years') {
      if (text === '' || isPlaceholder(text)) continue;
      const m = YEARS_RANGE.exec(text.normalize('NFKC').replace(/\s/g, ''));
      const start = m ? Number(m[1]) : NaN;
      const end = m ? Number(m[2] ?? m[1]) : NaN;
      if (!m || start < 1949 || end > 2100 || start > end) err(c.index, `建设起止年限“${text}”无法识别，应如“2024-2026”`);
      else Object.assign(values, { startYear: start, endYear: end });
      continue;
    }
    if (target === 'nature' && text !== '' && !isPlaceholder(text)) {
      const reading = readNature(text);
      if (reading) {
        if (reading.nature) values.nature = reading.nature;
        if (reading.stage) values.stage ??= reading.stage;
        beyond = reading.beyond;
        continue;
      }
    }
    const r = parseCell(target, cell, c.unit ?? '万元');
    if ('error' in r) {
      if (target === 'annualPlan' && cell?.t === 's' && !/[0-9０-９]/.test(text)) planWords = text;
      else err(c.index, r.error);
    } else if (r.value !== null && !(Array.isArray(r.value) && r.value.length === 0)) {
      values[target] = typeof r.value === 'string' && NAME_FIELDS.has(target) ? tidyName(target === 'name' ? r.value.replace(NUMBERED_NAME, '') : r.value) : r.value;
    }
  }
  if (typeof values.startYear === 'number' && typeof values.endYear === 'number' && values.startYear > values.endYear) {
    errors.push({ severity: 'error', sheet: sheetName, cell: `第${row.row}行`, message: `开工年份（${values.startYear}）晚于竣工年份（${values.endYear}）` });
  }
  const name = typeof values.name === 'string' ? values.name : '';
  const nameColumn = fieldColumns.find((f) => f.target === 'name')!;
  if (!name) err(nameColumn.index, '缺少项目名称');
  return { row: row.row, values, name, code: typeof values.code === 'string' ? values.code : null, errors, beyond, planWords };
}

/**
 * An annual plan written in words: a 前期/储备 project writes its goal for the year there (said,
 * the plan left empty); for any other project it is an error like any amount that is not one.
 */
function judgePlanWords(sheetName: string, p: ParsedProject, column: ImportColumn | undefined, issues: ImportIssue[]): void {
  if (p.planWords === null || !column) return;
  const cell = cellRef(column.index, p.row);
  if (p.values.stage === 'preparation' || p.values.stage === 'reserve') {
    // A 前期 project's plan is its 年度工作目标: kept as such, unless the sheet has that column too.
    p.values.workTarget ??= p.planWords;
    issues.push({ severity: 'warning', sheet: sheetName, cell, message: `“${p.name}”是前期（储备）项目，年度计划投资一栏写的是“${p.planWords}”：记为年度工作目标，年度计划投资留空` });
  } else p.errors.push({ severity: 'error', sheet: sheetName, cell, message: `年度计划投资：“${p.planWords}”不是有效的金额` });
}

function natureNote(word: string, rows: number[]): string {
  const where = `第${rows.slice(0, 5).join('、')}行${rows.length > 5 ? '等' : ''}${rows.length}个项目`;
  if (word.startsWith('竣工') || word.includes('投产')) return `${where}的建设性质为“${word}”：按“续建”导入（年内竣工投产的项目在本年以前已开工）`;
  return `${where}的建设性质为“${word}”：尚未开工，建设性质留空，项目阶段记为“${word.startsWith('储备') || word.startsWith('谋划') ? '储备' : '前期'}”`;
}

export function parseCell(target: ProjectField, cell: Cell | undefined, unit: MoneyUnit): { value: FieldValue } | { error: string } {
  const text = cellText(cell);
  const def = FIELD_BY_KEY[target];
  if (cell?.t === 'e') return { error: `单元格是错误值 ${cell.v}` };
  if (cell?.t === 'f') return { error: '公式没有计算结果，请在 Excel/WPS 中重新计算并保存后再导入' };
  if (text === '' || ((def.kind === 'money' || def.kind === 'date' || def.kind === 'month' || def.kind === 'year') && isPlaceholder(text))) {
    return { value: null };
  }
  if (def.kind === 'money') {
    const r = cell?.t === 'n' ? moneyFromSpreadsheetNumber(cell.v, unit) : parseMoney(text, unit);
    return r.ok ? { value: r.value } : { error: `${def.label}：${r.message}` };
  }
  if (def.kind === 'month' && cell?.t === 'd') return { value: Number(cell.v.slice(5, 7)) };
  const r = parseFieldInput(target, text, { unit });
  if (!r.ok && def.kind === 'enum') {
    // "省重点项目", "在建项目": the value with the word 项目 after it.
    const bare = parseFieldInput(target, text.replace(/\s/g, '').replace(/(项目|类)$/, ''), { unit });
    if (bare.ok) return { value: bare.value };
  }
  return r.ok ? { value: r.value } : { error: r.message };
}
