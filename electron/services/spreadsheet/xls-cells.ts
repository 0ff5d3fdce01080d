/**
 * The cell records of a BIFF8 worksheet (NUMBER, RK, MULRK, LABELSST, LABEL, RSTRING, BOOLERR,
 * FORMULA and its STRING) read straight into our cells while xls-reader walks the records, so that
 * SheetJS, given them skipped, builds none of its own cell objects (some 500 bytes each, with an
 * "A1" name and two `delete`s: three quarters of reading a 20,000-project .xls went to making and
 * collecting them). SheetJS still reads everything else: the shared strings (with their CONTINUE
 * records), the number formats, the merges, the sheets' names and kinds. Cells are kept compact
 * (numbers in arrays) until the strings and formats are known, then made once. A record this
 * does not read (a BIFF5 file, a string continued in a CONTINUE record) is left to SheetJS, and its
 * cells are merged with these.
 */
import { serialToIsoDate, type Cell } from './xlsx-reader';

/** BIFF error codes ([MS-XLS] 2.5.10 BErr), since cell text is not generated (cellText: false). */
export const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

const NUMBER = 0;
const SHARED_STRING = 1;
const BOOLEAN = 2;
const ERROR = 3;
const TEXT = 4;

/** One worksheet's cells as read: kind, row, column, value (a number, or an index into strings), format (XF). */
class SheetCells {
  readonly kinds: number[] = [];
  readonly rows: number[] = [];
  readonly columns: number[] = [];
  readonly values: number[] = [];
  readonly xfs: number[] = [];
  readonly texts: string[] = [];
  /** MERGECELLS, as SheetJS gives them (SheetJS keeps a sheet's merges only when it read its cells). */
  readonly merges: { s: { r: number; c: number }; e: { r: number; c: number } }[] = [];
  add(kind: number, row: number, column: number, value: number, xf: number): void {
    this.kinds.push(kind);
    this.rows.push(row);
    this.columns.push(column);
    this.values.push(value);
    this.xfs.push(xf);
  }
}

const rk = new DataView(new ArrayBuffer(8));
/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the top of a double, perhaps × 100. */
function rkValue(raw: number): number {
  let n: number;
  if (raw & 2) n = raw >> 2;
  else {
    rk.setUint32(0, 0, true);
    rk.setUint32(4, (raw & 0xfffffffc) >>> 0, true);
    n = rk.getFloat64(0, true);
  }
  return raw & 1 ? n / 100 : n;
}

/** An XLUnicodeString's characters (after its count) within one record, or null when they run past it. */
function unicodeText(stream: Buffer, at: number, count: number, end: number): string | null {
  if (at >= end) return count === 0 ? '' : null;
  const wide = stream[at]! & 1;
  const start = at + 1;
  const stop = start + count * (wide ? 2 : 1);
  if (stop > end) return null;
  return wide ? stream.toString('utf16le', start, stop) : stream.toString('latin1', start, stop);
}

/** The workbook's cell records as they are walked, sheet by sheet; XF records give each format. */
export class BiffCells {
  /** Each XF's number format id (XF order: a cell's ixfe indexes it). */
  readonly xfFormats: number[] = [];
  private readonly bySheet = new Map<string, SheetCells>();
  private current: SheetCells | null = null;
  /** A FORMULA whose text result is in the STRING record that follows. */
  private pending: { row: number; column: number; xf: number } | null = null;

  /** A worksheet substream begins; null: its cells are left to SheetJS. */
  beginSheet(name: string | null): void {
    this.current = name === null ? null : new SheetCells();
    if (name !== null) this.bySheet.set(name, this.current!);
    this.pending = null;
  }

  endSheet(): void {
    this.current = null;
  }

  /** A MERGECELLS record of the current sheet: its count, then first row, last row, first column, last column each. */
  seeMerges(stream: Buffer, body: number, length: number): void {
    const sheet = this.current;
    if (!sheet || length < 2) return;
    const count = Math.min(stream.readUInt16LE(body), Math.floor((length - 2) / 8));
    for (let i = 0, at = body + 2; i < count; i++, at += 8) {
      sheet.merges.push({ s: { r: stream.readUInt16LE(at), c: stream.readUInt16LE(at + 4) }, e: { r: stream.readUInt16LE(at + 2), c: stream.readUInt16LE(at + 6) } });
    }
  }

  /** The merges of a sheet read here; null for a sheet left to SheetJS. */
  mergesOf(name: string): SheetCells['merges'] | null {
    return this.bySheet.get(name)?.merges ?? null;
  }

  /** A globals XF record: its number format id. */
  seeXf(stream: Buffer, body: number): void {
    this.xfFormats.push(stream.readUInt16LE(body + 2));
  }

  /**
   * Read a cell record of the current sheet (of at least the length xls-reader checked); true when
   * it was read here, so SheetJS is to skip it. `next` is where the following record starts.
   */
  read(type: number, stream: Buffer, body: number, length: number, next: number): boolean {
    const sheet = this.current;
    if (!sheet) return false;
    const end = body + length;
    const row = stream.readUInt16LE(body);
    const column = stream.readUInt16LE(body + 2);
    const xf = stream.readUInt16LE(body + 4);
    switch (type) {
      case 0x0203: // NUMBER
        sheet.add(NUMBER, row, column, stream.readDoubleLE(body + 6), xf);
        return true;
      case 0x027e: // RK
        sheet.add(NUMBER, row, column, rkValue(stream.readInt32LE(body + 6)), xf);
        return true;
      case 0x00bd: {
        // MULRK: from column on, (ixfe, RK) pairs, then the last column.
        const last = stream.readUInt16LE(end - 2);
        for (let c = column, at = body + 4; c <= last && at + 6 <= end - 2; c++, at += 6) sheet.add(NUMBER, row, c, rkValue(stream.readInt32LE(at + 2)), stream.readUInt16LE(at));
        return true;
      }
      case 0x00fd: // LABELSST
        sheet.add(SHARED_STRING, row, column, stream.readUInt32LE(body + 6), xf);
        return true;
      case 0x0204: // LABEL
      case 0x00d6: {
        // RSTRING: the same string, then formatting runs (not needed)
        const text = unicodeText(stream, body + 8, stream.readUInt16LE(body + 6), end);
        if (text === null) return false;
        sheet.texts.push(text);
        sheet.add(TEXT, row, column, sheet.texts.length - 1, xf);
        return true;
      }
      case 0x0205: // BOOLERR
        sheet.add(stream[body + 7] ? ERROR : BOOLEAN, row, column, stream[body + 6]!, xf);
        return true;
      case 0x0006: // FORMULA: only its saved result
        return this.formula(sheet, stream, body, next, row, column, xf);
      case 0x0207: {
        // STRING: the text result of the FORMULA before it
        const formula = this.pending;
        this.pending = null;
        if (!formula) return false;
        // Its FORMULA is skipped already: a damaged one is dropped, never handed to SheetJS alone.
        const text = unicodeText(stream, body + 2, stream.readUInt16LE(body), end);
        if (text === null) return true;
        sheet.texts.push(text);
        sheet.add(TEXT, formula.row, formula.column, sheet.texts.length - 1, formula.xf);
        return true;
      }
      default:
        return false;
    }
  }

  private formula(sheet: SheetCells, stream: Buffer, body: number, next: number, row: number, column: number, xf: number): boolean {
    this.pending = null;
    if (stream.readUInt16LE(body + 12) !== 0xffff) {
      sheet.add(NUMBER, row, column, stream.readDoubleLE(body + 6), xf);
      return true;
    }
    switch (stream[body + 6]) {
      case 0x00: {
        // A text result, in the STRING record next; one continued past it is left to SheetJS with its formula.
        if (next + 4 > stream.length) return false;
        const after = next + 4 + stream.readUInt16LE(next + 2);
        if (stream.readUInt16LE(next) !== 0x0207 || (after + 2 <= stream.length && stream.readUInt16LE(after) === 0x003c)) return false;
        this.pending = { row, column, xf };
        return true;
      }
      case 0x01:
        sheet.add(BOOLEAN, row, column, stream[body + 8]!, xf);
        return true;
      case 0x02:
        sheet.add(ERROR, row, column, stream[body + 8]!, xf);
        return true;
      default:
        return true; // an empty text result: no value
    }
  }

  has(sheet: string): boolean {
    return this.bySheet.has(sheet);
  }

  /**
   * A sheet's cells made at last, by row (a later record for the same cell wins, as in SheetJS):
   * strings from the shared string table, numbers with a date format as dates.
   */
  rowsOf(name: string, strings: readonly { t?: unknown }[], formats: Readonly<Record<number, unknown>>, date1904: boolean, isDate: (format: string) => boolean): Map<number, (Cell | undefined)[]> {
    const sheet = this.bySheet.get(name);
    const rows = new Map<number, (Cell | undefined)[]>();
    if (!sheet) return rows;
    const dateXf = new Map<number, boolean>();
    const isDateXf = (xf: number) => {
      let date = dateXf.get(xf);
      if (date === undefined) {
        const format = formats[this.xfFormats[xf] ?? 0];
        dateXf.set(xf, (date = typeof format === 'string' && isDate(format)));
      }
      return date;
    };
    for (let i = 0; i < sheet.kinds.length; i++) {
      const value = sheet.values[i]!;
      let cell: Cell | null = null;
      switch (sheet.kinds[i]) {
        case NUMBER:
          if (!Number.isFinite(value)) cell = { t: 'e', v: '#NUM!' };
          else {
            const iso = isDateXf(sheet.xfs[i]!) ? serialToIsoDate(value, date1904) : null;
            // BIFF stores the binary double (or an RK integer/100) and no decimal text: the shortest
            // text that reads back as the same double is what Excel shows at full precision.
            cell = iso ? { t: 'd', v: iso } : { t: 'n', v: value, text: String(value) };
          }
          break;
        case SHARED_STRING: {
          const text = strings[value]?.t;
          cell = typeof text === 'string' ? { t: 's', v: text } : null;
          break;
        }
        case TEXT:
          cell = { t: 's', v: sheet.texts[value]! };
          break;
        case BOOLEAN:
          cell = { t: 'b', v: value !== 0 };
          break;
        case ERROR:
          cell = { t: 'e', v: ERROR_TEXT[value] ?? '#VALUE!' };
      }
      if (!cell) continue;
      const r = sheet.rows[i]!;
      let cells = rows.get(r);
      if (!cells) rows.set(r, (cells = []));
      cells[sheet.columns[i]!] = cell;
    }
    this.bySheet.delete(name);
    return rows;
  }
}

