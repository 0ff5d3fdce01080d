/**
 * Legacy .xls files assembled record by record ([MS-XLS] BIFF8 in an OLE compound file), so tests
 * can make them claim what they like: a DIMENSIONS record of a whole sheet, cells past the column
 * limit, a sheet of 65,536 full rows. Only the records a reader needs: BOF, BOUNDSHEET8, EOF in the
 * globals; BOF, DIMENSIONS, cells, EOF in the sheet.
 */
import * as XLSX from '@e965/xlsx';

/** Any record, as given: type and body. */
export function record(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

function bof(kind: 'globals' | 'sheet'): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(0x0600, 0); // BIFF8
  b.writeUInt16LE(kind === 'globals' ? 0x0005 : 0x0010, 2);
  b.writeUInt16LE(0x0dbb, 4);
  b.writeUInt16LE(0x07cc, 6);
  return record(0x0809, b);
}

const EOF = record(0x000a, Buffer.alloc(0));

function boundSheet(offset: number, name: string): Buffer {
  const chars = Buffer.from(name, 'utf16le');
  const b = Buffer.alloc(8);
  b.writeUInt32LE(offset, 0);
  b.writeUInt8(name.length, 6);
  b.writeUInt8(1, 7); // UTF-16 characters
  return record(0x0085, Buffer.concat([b, chars]));
}

function dimensions(rows: number, columns: number): Buffer {
  const b = Buffer.alloc(14);
  b.writeUInt32LE(0, 0);
  b.writeUInt32LE(rows, 4);
  b.writeUInt16LE(0, 8);
  b.writeUInt16LE(columns, 10);
  return record(0x0200, b);
}

/** A NUMBER record: a double at (row, column), 0-based. */
export function numberCell(row: number, column: number, value: number): Buffer {
  const b = Buffer.alloc(14);
  b.writeUInt16LE(row, 0);
  b.writeUInt16LE(column, 2);
  b.writeUInt16LE(0, 4);
  b.writeDoubleLE(value, 6);
  return record(0x0203, b);
}

/** A LABEL record: text at (row, column), 0-based, without a shared string table. */
export function textCell(row: number, column: number, text: string): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(row, 0);
  b.writeUInt16LE(column, 2);
  b.writeUInt16LE(0, 4);
  b.writeUInt16LE(text.length, 6);
  b.writeUInt8(1, 8);
  return record(0x0204, Buffer.concat([b, Buffer.from(text, 'utf16le')]));
}

/** A MULRK record: integers in `columns` consecutive cells of one row, from column 0. */
export function integerRow(row: number, columns: number, value: number): Buffer {
  const b = Buffer.alloc(6 + columns * 6);
  b.writeUInt16LE(row, 0);
  b.writeUInt16LE(0, 2);
  for (let c = 0; c < columns; c++) {
    b.writeUInt16LE(0, 4 + c * 6);
    b.writeInt32LE((value << 2) | 0x2, 6 + c * 6); // RK: an integer, not ×100
  }
  b.writeUInt16LE(columns - 1, 4 + columns * 6);
  return record(0x00bd, b);
}

/** An .xls with one sheet of the given cell records, its DIMENSIONS claiming `claim` (rows, columns). */
export function buildXls(name: string, cells: Buffer[], claim: { rows: number; columns: number }): Buffer {
  const globalsWithoutSheet = [bof('globals'), boundSheet(0, name), EOF];
  const offset = globalsWithoutSheet.reduce((n, b) => n + b.length, 0);
  const globals = Buffer.concat([bof('globals'), boundSheet(offset, name), EOF]);
  const sheet = Buffer.concat([bof('sheet'), dimensions(claim.rows, claim.columns), ...cells, EOF]);
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/Workbook', Buffer.concat([globals, sheet]));
  XLSX.CFB.utils.cfb_del(cfb, '/\u0001Sh33tJ5'); // SheetJS's placeholder stream
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** A FORMULA record at (row, column) with a saved numeric result and the given parsed-formula bytes (rgce), cce as given. */
export function formulaCell(row: number, column: number, result: number, rgce: Buffer, cce = rgce.length): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt16LE(row, 0);
  b.writeUInt16LE(column, 2);
  b.writeUInt16LE(0, 4);
  b.writeDoubleLE(result, 6);
  b.writeUInt16LE(0, 14); // flags
  b.writeUInt32LE(0, 16); // chn
  b.writeUInt16LE(cce, 20);
  return record(0x0006, Buffer.concat([b, rgce]));
}
