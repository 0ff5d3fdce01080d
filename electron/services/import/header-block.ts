/**
 * The header of a list as offices draw it: one row, or two or three rows where a band ("投资情况",
 * "项目资金来源", "建设规模") is merged across the columns whose own names are in the row below,
 * and cells merged down over the rows of the band are one column each. A header cell merged across
 * two data columns is one column, read where the values are. Lines such as "报送单位：…" and
 * "单位：万元" are not columns, wherever they stand.
 *
 * How it is found: every block of one to three consecutive rows among the first 30 is composed into
 * column names (band + own cell) and scored by the columns it recognises; a block is only a
 * candidate when its upper rows really are bands (merged over cells below, not a title), and no
 * merge crosses its edges. The best score wins; on a tie the deeper block, which keeps the bands
 * (and their units).
 */
import { cleanText } from '../../../shared/fields';
import type { MoneyUnit } from '../../../shared/money';
import { columnLetter, type Cell, type MergeRange, type Sheet, type SheetRow } from '../spreadsheet/xlsx-reader';
import { placeColumns, type Composed, type HeaderAmbiguity, type HeaderColumn } from './header-columns';

export type { HeaderAmbiguity, HeaderColumn };

/** One header cell and the block it covers (itself, or its merged range). */
interface Span {
  text: string;
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Merged in the file, or inferred as a band over the cells below (a header nobody merged). */
  wide: boolean;
  inferred?: boolean;
}

export interface HeaderBlock<T extends string> {
  firstRow: number;
  /** The last row of the header: the data follow it. */
  row: SheetRow;
  columns: HeaderColumn<T>[];
  /** The sheet's unit line ("单位：万元") above the header or beside it, if any. */
  sheetUnit: MoneyUnit | null;
  /** "报送单位：××区发展和改革局", if the sheet says. */
  reportingUnit: string | null;
  /** Headers whose data column the rows do not decide (header-columns.ts): refused until mapped. */
  ambiguities: HeaderAmbiguity<T>[];
  /** Columns read elsewhere than under their header, as the preview says it. */
  notes: string[];
}

/** A header's text without spaces, line breaks, asterisks or its unit ("（亿元）", "(万)", "（单位：万元）"). */
export function normaliseHeader(text: string): { header: string; unit: MoneyUnit | null } {
  const compact = text.normalize('NFKC').replace(/[\s\u200b*※]/g, '');
  const bracketed = /[(（[【](?:单位[:：])?(万元|亿元|万|亿)[)）\]】]/.exec(compact);
  const suffix = /(万元|亿元)$/.exec(compact);
  const found = bracketed?.[1] ?? suffix?.[1];
  const unit = found ? (found.startsWith('亿') ? '亿元' : '万元') : null;
  const header = compact.replace(/[(（[【](?:单位[:：])?(万元|亿元|万|亿)[)）\]】]/g, '').replace(/(万元|亿元)$/, '');
  return { header, unit };
}

/** Lines that describe the sheet, not a column: "报送单位：…", "单位：万元", "填报日期：…", "联系人：…". */
const META_LINE = /^[(（]?(?:报送|填报|制表|编制|统计|主管|金额|计量|货币)?(?:单位|日期|时间|人|联系人|联系电话|电话|审核人|负责人)[:：]/;

export function isMetaLine(text: string): boolean {
  return META_LINE.test(text.normalize('NFKC').replace(/\s/g, ''));
}

const UNIT_TOKEN = /^(万元|亿元|万|亿|元|个|项|宗|平方米|亩|公里|千米|千瓦|%)(?=$|[、，,/;；)）\]】\s])/;

/** The money unit a "单位：万元" / "（单位：个、亿元）" text declares; null for "报送单位：××局". */
export function unitLineOf(text: string): MoneyUnit | null {
  const t = text.normalize('NFKC');
  for (const m of t.matchAll(/单位\s*[:：]\s*/g)) {
    let rest = t.slice(m.index + m[0].length);
    for (let token = UNIT_TOKEN.exec(rest); token; token = UNIT_TOKEN.exec(rest)) {
      if (token[1] === '万元' || token[1] === '万') return '万元';
      if (token[1] === '亿元' || token[1] === '亿') return '亿元';
      rest = rest.slice(token[1]!.length).replace(/^[、，,/;；\s]+/, '');
    }
  }
  return null;
}

function reportingUnitOf(text: string): string | null {
  const m = /(?:报送|填报|上报)单位\s*[:：]\s*(.+)$/.exec(text.normalize('NFKC'));
  if (!m) return null;
  // "报送单位：××局      单位：万元" in one cell: the name ends where the next label begins.
  const name = m[1]!.split(/\s{2,}|\u3000|(?:金额)?单位\s*[:：]|填报日期|日期\s*[:：]/)[0]!.trim();
  return name || null;
}

function textOf(row: SheetRow | undefined, column: number): string {
  const cell = row?.cells[column];
  return cell && cell.t === 's' ? cleanText(cell.v) : '';
}

/** A number (not a year such as a band "2025") or a date: what data rows hold, header rows do not. */
function isFigure(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.t === 'd') return true;
  return cell.t === 'n' && !(Number.isInteger(cell.v) && cell.v >= 1949 && cell.v <= 2100);
}

/** Header candidates come from the first 30 rows that hold anything (as before multi-row headers). */
const SCAN_ROWS = 30;
const MAX_DEPTH = 3;

/** Leaf names that stand for their band: "合计" under "2025年计划投资" is the year's plan. */
const TOTAL_LEAF = /^(合计|小计|总计|计|金额|投资额|数额|全年|全年合计|全年计划|年度|本年|调度数|调度|平台数|平台报表数)$/;

type Synonyms<T extends string> = readonly (readonly [T, RegExp])[];

export function findHeaderBlock<T extends string>(sheet: Sheet, synonyms: Synonyms<T>, required: T): HeaderBlock<T> | null {
  const byNumber = new Map(sheet.rows.map((r) => [r.row, r]));
  const scanned = sheet.rows.slice(0, SCAN_ROWS);
  const zone = new MergeZone(sheet.merges ?? [], (scanned[scanned.length - 1]?.row ?? 0) + MAX_DEPTH);
  let best: { score: number; depth: number; first: number; last: number; columns: Composed<T>[] } | null = null;
  for (const last of scanned) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const first = last.row - depth + 1;
      if (first < 1) break;
      const rows = blockSpans(byNumber, zone, first, last.row);
      if (!rows) continue;
      const columns = compose(rows, synonyms, last.row);
      const targets = new Set(columns.map((c) => c.target).filter((t) => t !== null));
      if (!targets.has(required) || columns.length < 2) continue;
      // Equal scores: the deeper block (its bands carry units and years); else the first found.
      if (!best || targets.size > best.score || (targets.size === best.score && depth > best.depth)) best = { score: targets.size, depth, first, last: last.row, columns };
    }
  }
  if (!best) return null;
  // A row of units under the header ("亿元 | 万元 | 个"): each column's own unit, and still header.
  const unitsRow = unitsRowAfter(sheet, best.last);
  if (unitsRow) {
    for (const c of best.columns) {
      const unit = c.indices.map((i) => unitsRow.units.get(i)).find((u) => u !== undefined);
      if (unit && !c.ownUnit) c.unit = unit;
    }
    best.last = unitsRow.row;
  }
  const headerRow = byNumber.get(best.last)!;
  let sheetUnit: MoneyUnit | null = null;
  let reportingUnit: string | null = null;
  // Unit and reporting lines: anywhere above the header (title row included), or beside it in its rows.
  for (const row of sheet.rows) {
    if (row.row > best.last) break;
    for (const cell of row.cells) {
      if (!cell || cell.t !== 's') continue;
      if (row.row >= best.first && !isMetaLine(cell.v)) continue;
      sheetUnit = unitLineOf(cell.v) ?? sheetUnit;
      reportingUnit ??= reportingUnitOf(cell.v);
    }
  }
  // The 序号 column is the target "序号" names; found without a header when the rows number themselves.
  const sequenceTarget = synonyms.find(([, re]) => re.test('序号'))?.[0] ?? null;
  const { columns, ambiguities, notes } = placeColumns(sheet, best.last, best.columns, sequenceTarget);
  return { firstRow: best.first, row: headerRow, columns, sheetUnit, reportingUnit, ambiguities, notes };
}

/** The merges that touch the rows a header may be in, by top-left cell and by every cell they cover. */
class MergeZone {
  readonly list: MergeRange[];
  private readonly byTopLeft = new Map<string, MergeRange>();
  private readonly covering = new Map<string, MergeRange>();
  constructor(merges: MergeRange[], lastRow: number) {
    this.list = merges.filter((m) => m.firstRow <= lastRow);
    for (const m of this.list) {
      this.byTopLeft.set(`${m.firstRow}:${m.firstColumn}`, m);
      for (let r = m.firstRow; r <= Math.min(m.lastRow, lastRow); r++) for (let c = m.firstColumn; c <= m.lastColumn; c++) this.covering.set(`${r}:${c}`, m);
    }
  }
  at(row: number, column: number): MergeRange | undefined {
    return this.byTopLeft.get(`${row}:${column}`);
  }
  covers(row: number, column: number): boolean {
    return this.covering.has(`${row}:${column}`);
  }
}

/**
 * The header cells of rows first..last, each with the block it covers; null when these rows are no
 * header block: a merge crosses its top or bottom edge, or an upper row is not a band row.
 */
function blockSpans(byNumber: Map<number, SheetRow>, zone: MergeZone, first: number, last: number): Span[][] | null {
  if (zone.list.some((m) => (m.firstRow < first && m.lastRow >= first) || (m.firstRow >= first && m.firstRow <= last && m.lastRow > last))) return null;
  const rows: Span[][] = [];
  for (let r = first; r <= last; r++) {
    const spans: Span[] = [];
    byNumber.get(r)?.cells.forEach((cell, column) => {
      const text = cell && cell.t === 's' ? cleanText(cell.v) : '';
      if (!text || isMetaLine(text)) return;
      const merge = zone.at(r, column);
      if (merge) {
        spans.push({ text, firstRow: r, lastRow: merge.lastRow, firstColumn: merge.firstColumn, lastColumn: merge.lastColumn, wide: true });
      } else if (!zone.covers(r, column)) {
        spans.push({ text, firstRow: r, lastRow: r, firstColumn: column, lastColumn: column, wide: false });
      }
    });
    rows.push(spans);
  }
  if (rows[rows.length - 1]!.length === 0) return null;
  if (rows.length === 1) return rows;
  // Header rows hold names: a row with amounts or dates is data, never the lower rows of a header.
  for (let r = first; r <= last; r++) if (byNumber.get(r)?.cells.some(isFigure)) return null;
  // Where nobody merged (a CSV, or a band typed in its first cell only), a band is the cell with
  // names below it, reaching right over the empty, unmerged cells that also have names below.
  for (let i = 0; i < rows.length - 1; i++) {
    const r = first + i;
    const below = byNumber.get(r + 1);
    const here = byNumber.get(r);
    for (const span of rows[i]!) {
      if (span.wide || !textOf(below, span.firstColumn)) continue;
      let end = span.firstColumn;
      while (!textOf(here, end + 1) && !zone.covers(r, end + 1) && !zone.covers(r + 1, end + 1) && textOf(below, end + 1)) end++;
      if (end > span.firstColumn) Object.assign(span, { lastColumn: end, wide: true, inferred: true });
    }
  }
  // A title is one text over everything: the top row of a header block names two columns at least,
  // and does not consist only of texts that merely happen to stand over names (附件1 | ××表).
  if (rows[0]!.length < 2 || rows[0]!.every((s) => s.inferred)) return null;
  for (let i = 0; i < rows.length - 1; i++) {
    const isBandRow = rows[i]!.some(
      (span) =>
        span.lastRow > span.firstRow ||
        (span.wide && span.lastColumn > span.firstColumn && rows.slice(i + 1).some((lower) => lower.some((c) => c.firstColumn >= span.firstColumn && c.lastColumn <= span.lastColumn))),
    );
    if (!isBandRow) return null;
  }
  return rows;
}

const UNIT_CELL = /^[(（]?(万元|亿元|万|亿|元|个|项|宗|年|月|%|平方米|亩|公里|千瓦|人)[)）]?$/;

/** The row right under a header when it holds only units, at least one of them money: its units by column. */
function unitsRowAfter(sheet: Sheet, headerRow: number): { row: number; units: Map<number, MoneyUnit> } | null {
  const row = sheet.rows.find((r) => r.row > headerRow);
  if (!row || row.row !== headerRow + 1) return null;
  const units = new Map<number, MoneyUnit>();
  let cells = 0;
  for (const [index, cell] of row.cells.entries()) {
    if (!cell) continue;
    const m = cell.t === 's' ? UNIT_CELL.exec(cell.v.normalize('NFKC').replace(/\s/g, '')) : null;
    if (!m) return null;
    cells++;
    if (m[1]!.startsWith('万')) units.set(index, '万元');
    if (m[1]!.startsWith('亿')) units.set(index, '亿元');
  }
  return cells > 0 && units.size > 0 ? { row: row.row, units } : null;
}

/** Each column's parts from top to bottom, columns covered by the same parts taken as one. */
function compose<T extends string>(rows: Span[][], synonyms: Synonyms<T>, lastRow: number): Composed<T>[] {
  const maxColumn = Math.max(-1, ...rows.flat().map((s) => s.lastColumn));
  const groups: { indices: number[]; parts: Span[] }[] = [];
  for (let column = 0; column <= maxColumn; column++) {
    const parts: Span[] = [];
    for (const spans of rows) {
      const span = spans.find((s) => s.firstColumn <= column && s.lastColumn >= column);
      if (span && !parts.includes(span)) parts.push(span);
    }
    if (parts.length === 0) continue;
    const previous = groups[groups.length - 1];
    if (previous && previous.indices[previous.indices.length - 1] === column - 1 && previous.parts.length === parts.length && previous.parts.every((p, i) => p === parts[i])) {
      previous.indices.push(column);
    } else groups.push({ indices: [column], parts });
  }
  const used = new Set<T>();
  return groups.map(({ indices, parts }) => {
    const normal = parts.map((p) => normaliseHeader(p.text));
    const names = normal.map((n) => n.header);
    const leaf = names[names.length - 1]!;
    // Own cell first, then with its bands ("2025年" + "计划投资"); a "合计" leaf means its band.
    const band = parts[parts.length - 2];
    const candidates = TOTAL_LEAF.test(leaf) && band && band.lastColumn > band.firstColumn ? [names[names.length - 2]!, names.slice(0, -1).join('')] : [leaf, ...names.slice(0, -1).map((_, k) => names.slice(k).join('')).reverse()];
    let target: T | null = null;
    let name = leaf;
    for (const candidate of candidates) {
      const hit = synonyms.find(([t, re]) => !used.has(t) && re.test(candidate));
      if (hit) {
        target = hit[0];
        name = candidate;
        used.add(target);
        break;
      }
    }
    const unit = [...normal].reverse().find((n) => n.unit)?.unit ?? null;
    const raw = parts.map((p) => p.text.replace(/\s+/g, ''));
    const own = parts[parts.length - 1]!;
    const bandSpan = band && band.lastColumn > band.firstColumn ? ([band.firstColumn, band.lastColumn] as const) : null;
    return {
      indices, header: raw.join('／'), name, band: raw.length > 1 ? raw.slice(0, -1).join('／') : null, target, unit, ownUnit: normal[normal.length - 1]!.unit !== null,
      ownCell: own.lastRow >= lastRow, cell: `${columnLetter(own.firstColumn)}${own.firstRow}`, bandSpan: own.lastRow >= lastRow ? bandSpan : own.lastColumn > own.firstColumn ? [own.firstColumn, own.lastColumn] : null,
    };
  });
}
