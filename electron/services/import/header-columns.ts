/**
 * Which data column each header column reads, decided from the data rows (which columns hold
 * values), for headers that do not line up with their data as offices draw them
 * (REAL-DOCUMENTS.md): a header cell merged over two columns with the data in one; data shifted one
 * column right or left of its header (a header over an empty column beside a column of values with
 * no header), a whole run of headers so, or the sub-headers of a band offset from the band's data;
 * and the 序号 column left without a header. When the data do not say which column is meant, the
 * column is not guessed: it is reported (工作表!单元格 and why) and read by none of the candidates,
 * and each candidate is offered for the user's mapping.
 */
import type { MoneyUnit } from '../../../shared/money';
import { columnLetter, type Cell, type Sheet, type SheetRow } from '../spreadsheet/xlsx-reader';

/** A header column as composed from its cells (header-block.ts), before it is placed on the data. */
export interface Composed<T extends string> {
  /** The sheet columns this header column covers (more than one when its cell is merged across). */
  indices: number[];
  header: string;
  name: string;
  band: string | null;
  target: T | null;
  unit: MoneyUnit | null;
  /** The unit is in the column's own cell (not its band's). */
  ownUnit: boolean;
  /** The column has a cell of its own in the header's last row (not only a band above it). */
  ownCell: boolean;
  /** Where its own cell (or its band, without one) is: "D3". */
  cell: string;
  /** The columns its innermost band spans, or null. */
  bandSpan: readonly [number, number] | null;
}

export interface HeaderColumn<T extends string> {
  /** The data column (0-based): for a header merged over several columns, the one holding values. */
  index: number;
  /** The column's name as the sheet draws it: band and own cell, "投资情况／总投资（亿元）". */
  header: string;
  /** The name it was recognised by (or its own cell's), without spaces and unit: "总投资". */
  name: string;
  /** The bands above its own cell, "投资情况", or null. */
  band: string | null;
  target: T | null;
  /** Its own unit, or its band's: "总投资（亿元）", "投资情况（万元）". */
  unit: MoneyUnit | null;
}

/** A header whose data column the rows do not decide: never read; the user maps one of `candidates`. */
export interface HeaderAmbiguity<T extends string> {
  cell: string;
  target: T;
  candidates: number[];
  message: string;
}

export interface PlacedColumns<T extends string> {
  columns: HeaderColumn<T>[];
  ambiguities: HeaderAmbiguity<T>[];
  /** What was read elsewhere than under its header, said in the preview: "F列…按G列读取". */
  notes: string[];
}

/** Rows read to see which columns hold values. */
const SAMPLE_ROWS = 200;

const letters = (indices: number[]) => indices.map(columnLetter).join('、');

export function placeColumns<T extends string>(sheet: Sheet, headerRow: number, composed: Composed<T>[], sequenceTarget: T | null): PlacedColumns<T> {
  const sample = sheet.rows.filter((r) => r.row > headerRow).slice(0, SAMPLE_ROWS);
  const counts = new Map<number, number>();
  for (const r of sample) r.cells.forEach((c, i) => c !== undefined && c.t !== 'f' && counts.set(i, (counts.get(i) ?? 0) + 1));
  const filled = (index: number) => counts.get(index) ?? 0;
  const ambiguities: HeaderAmbiguity<T>[] = [];
  const notes: string[] = [];
  // A column is named when a header column's own cell is over it; one under a band only is not.
  const named = new Set(composed.filter((c) => c.ownCell).flatMap((c) => c.indices));
  const taken = new Set<number>();
  const placed: { c: Composed<T>; index: number | null; empty: boolean }[] = composed.map((c) => {
    const holding = c.indices.filter((i) => filled(i) > 0);
    if (holding.length > 1 && c.ownCell) {
      if (c.target !== null) ambiguities.push({ cell: c.cell, target: c.target, candidates: holding, message: `表头“${c.header}”合并了${letters(c.indices)}列，其中${letters(holding)}列都有数据，无法确定哪一列是“${c.name}”：请在列对应关系中指定，或把数据放在同一列` });
      return { c, index: null, empty: false };
    }
    return { c, index: holding[0] ?? c.indices[0]!, empty: holding.length === 0 && sample.length > 0 };
  });
  for (const p of placed) if (p.index !== null && p.c.ownCell) taken.add(p.index);

  // The 序号 column without a header: the first column, left of every named one, numbered 1, 2, 3 …
  const sequence = sequenceTarget !== null && !composed.some((c) => c.target === sequenceTarget) ? headerlessSequence(sample, named, filled) : null;
  if (sequence !== null) taken.add(sequence);

  // A header over an empty column, its data one column over: the run of adjoining headers it
  // belongs to is shifted as one, towards the column of values that has no header.
  const single = placed.filter((p) => p.c.ownCell && p.c.indices.length === 1 && p.index !== null);
  const at = new Map(single.map((p) => [p.index!, p]));
  const shifted = new Set<(typeof placed)[number]>();
  const free = (i: number) => i >= 0 && !named.has(i) && !taken.has(i) && filled(i) > 0;
  for (const p of single) {
    if (!p.empty || shifted.has(p)) continue;
    // One header and its neighbour; or a run of sub-headers offset from their band, which the
    // band's data fill exactly once the run is moved (a run is never moved on less evidence).
    const runTo = (step: 1 | -1) => {
      if (free(p.index! + step)) return [p];
      const run = [p];
      for (let i = p.index! + step; at.has(i) && !shifted.has(at.get(i)!); i += step) run.push(at.get(i)!);
      if (!free(run[run.length - 1]!.index! + step)) return null;
      const span = [Math.min(...run.map((q) => q.index!)) + step, Math.max(...run.map((q) => q.index!)) + step];
      return run.some((q) => q.c.bandSpan?.[0] === span[0] && q.c.bandSpan?.[1] === span[1]) ? run : null;
    };
    const right = runTo(1);
    const left = runTo(-1);
    if (right && left) {
      if (p.c.target !== null) {
        const candidates = [p.index! - 1, p.index! + 1];
        ambiguities.push({ cell: p.c.cell, target: p.c.target, candidates, message: `表头“${p.c.header}”下的${columnLetter(p.index!)}列没有数据，而左边的${columnLetter(p.index! - 1)}列和右边的${columnLetter(p.index! + 1)}列都有数据且没有表头，无法确定数据错到了哪一边：请在列对应关系中指定` });
      }
      p.index = null;
      continue;
    }
    const run = (right ?? left)?.sort((a, b) => a.index! - b.index!);
    if (!run) continue;
    const step = right ? 1 : -1;
    const before = run.map((q) => q.index!);
    for (const q of run) {
      q.index! += step;
      shifted.add(q);
    }
    taken.add(step > 0 ? run[run.length - 1]!.index! : run[0]!.index!);
    // Moved under a band, a column without a unit of its own takes the band's ("投资情况（亿元）").
    const band = run.length > 1 ? composed.find((c) => !c.ownCell && c.indices[0] === Math.min(...run.map((q) => q.index!))) : undefined;
    if (band?.unit) for (const q of run) if (!q.c.ownUnit) q.c.unit = band.unit;
    const names = run.map((q) => `“${q.c.name}”`).join('');
    notes.push(
      run.length === 1
        ? `${columnLetter(before[0]!)}列${names}下没有数据，数据在其${step > 0 ? '右' : '左'}边没有表头的${columnLetter(run[0]!.index!)}列：按${columnLetter(run[0]!.index!)}列读取`
        : `${letters(before)}列（${names}）的数据整体错${step > 0 ? '右' : '左'}一列：按${letters(run.map((q) => q.index!))}列读取`,
    );
  }

  const columns: HeaderColumn<T>[] = [];
  const used = new Set(placed.flatMap((p) => (p.index !== null && p.c.ownCell ? [p.index] : [])));
  if (sequence !== null) {
    columns.push({ index: sequence, header: '', name: '序号', band: null, target: sequenceTarget, unit: null });
    notes.push(`${columnLetter(sequence)}列没有表头，其中是1、2、3…的编号：作为序号列`);
  }
  for (const p of placed) {
    const base = { header: p.c.header, name: p.c.name, band: p.c.band, unit: p.c.unit };
    if (p.index === null) {
      // Undecided: each candidate is offered, read as nothing until the user maps it.
      const candidates = ambiguities.find((a) => a.cell === p.c.cell)?.candidates ?? [];
      // Named by their letter too, so that a mapping by header (月调度) tells them apart.
      for (const index of candidates) if (!used.has(index) && !columns.some((c) => c.index === index)) columns.push({ index, ...base, header: `${base.header}（${columnLetter(index)}列）`, target: null });
      continue;
    }
    // A band's own column whose data turned out to be a shifted header's: not a column of its own.
    if (!p.c.ownCell && (used.has(p.index) || p.index === sequence)) continue;
    columns.push({ index: p.index, ...base, target: p.c.target });
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, ambiguities, notes };
}

/** A positive whole number, as a cell holds it or as text. */
function wholeNumber(cell: Cell | undefined): number | null {
  if (!cell) return null;
  const n = cell.t === 'n' ? cell.v : cell.t === 's' && /^\s*\d{1,6}\s*$/.test(cell.v) ? Number(cell.v) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * The first column holding values when it has no header, lies left of every named column and
 * counts 1, 2, 3 … (starting again at 1 under a section): a 序号 column whose header was left out.
 */
function headerlessSequence(sample: SheetRow[], named: Set<number>, filled: (i: number) => number): number | null {
  const first = Math.min(...named);
  const index = [...Array(Math.max(0, first)).keys()].find((i) => filled(i) > 0);
  if (index === undefined) return null;
  const numbers = sample.map((r) => wholeNumber(r.cells[index])).filter((n): n is number => n !== null);
  if (numbers.length < 2 || numbers.length * 2 < filled(index)) return null;
  let previous = 0;
  for (const n of numbers) {
    if (n !== previous + 1 && n !== 1) return null;
    previous = n;
  }
  return index;
}
