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

const STATUSES = ['已完成', '序时推进', '滞后', '序时推进'];
const DEPARTMENTS = ['市发展改革委', '市科技局', '市工业和信息化局', '市生态环境局', '市住房城乡建设局'];

/** Seed 003's ledgers, with the column names and title rows an office uses (not our export's). */
export async function seedLedgerWorkbook(): Promise<Buffer> {
  const sheet = (name: string, contentTitle: string, n: number, indicator = false) => {
    const header: CellInput[] = ['序号', contentTitle, ...(indicator ? ['计量单位', '2022年基数', '2025年目标', '当前值', '是否达到序时'] : []), '分管市领导', '牵头部门', '责任科室', '具体负责人', '第一季度', '第二季度', '第三季度', '第四季度', '进展情况', '推进状态'];
    const rows: CellInput[][] = [[`威海市深化新旧动能转换推动绿色低碳高质量发展三年行动计划——${name}台账`], ['填报单位：市指挥部办公室'], header];
    for (let i = 1; i <= n; i++) {
      const d = DEPARTMENTS[i % DEPARTMENTS.length]!;
      rows.push([
        i,
        `${name}第${i}项：推动${['绿色低碳', '产业升级', '科技创新', '城市更新'][i % 4]}相关工作=${i % 7 === 0 ? '+重点' : ''}`,
        ...(indicator ? ['%', `${50 + (i % 30)}`, `≥${80 + (i % 15)}`, i % 5 === 0 ? null : `${60 + (i % 25)}`, i % 5 === 0 ? null : i % 3 === 0 ? '否' : '是'] : []),
        ['谷衍宁', '隋同朋', '刘俊'][i % 3]!,
        d,
        `${['综合', '规划', '产业'][i % 3]}科`,
        `张${i}`,
        `一季度完成${i}%`,
        i % 6 === 0 ? null : '二季度推进',
        '三季度推进',
        '年底完成',
        i % 9 === 0 ? null : `已完成阶段性任务${i}`,
        i % 11 === 0 ? null : STATUSES[i % STATUSES.length]!,
      ]);
    }
    return { name, rows };
  };
  return buildWorkbook([sheet('工作任务', '工作任务', 168), sheet('重点任务', '重点任务', 28), sheet('重点指标', '指标名称', 55, true), sheet('试点示范', '试点示范项目', 11), sheet('创新性工作', '创新事项', 25)]);
}
