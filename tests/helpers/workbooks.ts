/** Workbooks for tests: built with exceljs as offices write them, and hostile ones built by hand. */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

export type CellInput = string | number | Date | boolean | null | { formula: string; result?: number | string } | { error: string };

/** An .xlsx with one sheet per entry, rows as given (null leaves a cell empty). */
export async function buildWorkbook(
  sheets: { name: string; rows: CellInput[][]; merges?: string[]; dateFormat?: string }[],
  options: { date1904?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((values, r) => {
      values.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = s.dateFormat ?? 'yyyy-mm-dd';
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface RawEntry {
  name: string;
  /** Bytes as stored (deflated when method is 8). */
  stored: Buffer;
  method?: 0 | 8;
  /** The uncompressed size the archive declares (may lie). */
  declaredSize: number;
  encrypted?: boolean;
}

/** A zip archive assembled byte by byte, so tests can make it lie. */
export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.encrypted ? 1 : 0, 6);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.encrypted ? 1 : 0, 8);
    central.writeUInt16LE(e.method ?? 8, 10);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Raw deflate data that inflates to `megabytes` MB of zeros, built from one repeated block. */
export function zeroBomb(megabytes: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/** The parts of a minimal workbook around one sheet's XML, for hand-made hostile sheets. */
export function minimalXlsx(sheetXml: string, extra: RawEntry[] = []): Buffer {
  const deflate = (text: string): RawEntry['stored'] => zlib.deflateRawSync(Buffer.from(text, 'utf8'));
  const entry = (name: string, text: string): RawEntry => ({ name, stored: deflate(text), declaredSize: Buffer.byteLength(text) });
  return buildZip([
    entry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    entry(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    entry('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    entry('xl/worksheets/sheet1.xml', sheetXml),
    ...extra,
  ]);
}
