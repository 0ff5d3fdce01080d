/**
 * Every format a list arrives in goes through the one pipeline (readSpreadsheet → the import
 * services): .xlsx, .xls, CSV in UTF-8, GBK and UTF-16, and a table in a .docx, read by content
 * whatever the file's name. The fixtures are real files made by tests/fixtures/make-fixtures.ts
 * (LibreOffice for the .xls, .doc and the password-protected .xls); hostile files are built here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../electron/db/lists';
import { readSpreadsheet } from '../../electron/services/spreadsheet/read-any';
import { workerReader } from '../../electron/services/spreadsheet/read-off-thread';
import { DEFAULT_READ_LIMITS, WorkbookError, type Workbook } from '../../electron/services/spreadsheet/xlsx-reader';
import type { ProjectRow } from '../../shared/domain';
import { describeIssue } from '../../shared/import';
import { expectedRows } from '../fixtures/project-list-data';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, tempDir, type TempLibrary } from '../helpers/library';
import { buildZip, zeroBomb } from '../helpers/workbooks';
import { buildXls, formulaCell, integerRow, numberCell, record, textCell } from '../helpers/xls';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const source = (fileName: string, bytes: Buffer = fixture(fileName)) => ({ fileName, data: bytes.toString('base64') });
const WORKER = new URL('../../electron/services/spreadsheet/read-worker-tsx.mjs', import.meta.url);
const DISTRICTS = ['荣成市', '文登区', '高区'];

let lib: TempLibrary;
const { call, refused, list } = contractCaller(() => lib.ctx);
beforeEach(() => {
  lib = createTempLibrary();
  for (const d of DISTRICTS) addDistrict(lib.ctx.library!.db, d);
});
afterEach(() => lib.close());

const FIELDS = ['name', 'ownerUnit', 'nature', 'level', 'district', 'category', 'startYear', 'endYear', 'totalInvestment', 'annualPlan', 'plannedStartMonth', 'scope'] as const;
const pick = (r: ProjectRow) => Object.fromEntries(FIELDS.map((f) => [f, r[f]]));

/** The reader's refusal (a WorkbookError), or a failure if it read the file. */
function refusal(read: () => Workbook): WorkbookError {
  try {
    read();
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
  throw new Error('the file should have been refused');
}

const LIST_FILES = ['项目清单.xlsx', '项目清单.xls', '项目清单-utf8.csv', '项目清单-gbk.csv', '项目清单-unicode.txt', '项目清单.docx'];

describe('every format imports through the contract', () => {
  for (const name of LIST_FILES) {
    it(`${name}: previewed and committed, every figure as the fixture script wrote it`, async () => {
      const preview = await call('import.projects.preview', { source: source(name), year: 2025 });
      expect(preview.counts).toEqual({ new: 5, update: 0, unchanged: 0, error: 0 });
      // The 合计 row agrees with the rows: amounts were read exactly (1234.5678, not the shown 1,234.57).
      expect(preview.issues.map(describeIssue)).toEqual([]);
      expect(preview.columns.find((c) => c.target === 'totalInvestment')).toMatchObject({ unit: '万元' });
      const result = await call('import.projects.commit', { token: preview.token, year: 2025, validOnly: false });
      expect(result).toMatchObject({ added: 5, updated: 0 });
      expect((await list(2025)).map(pick)).toEqual(expectedRows());
    });
  }

  it('reads by content, not by name: a CSV named .xls and an .xls named .xlsx import the same', async () => {
    for (const [file, as] of [['项目清单-gbk.csv', '清单.xls'], ['项目清单.xls', '清单.xlsx']] as const) {
      const preview = await call('import.projects.preview', { source: source(as, fixture(file)), year: 2025 });
      expect(preview.counts, file).toEqual({ new: 5, update: 0, unchanged: 0, error: 0 });
    }
  });

  it('reads every format in the worker thread exactly as in place, and imports an .xls through it', async () => {
    const reader = workerReader({ script: WORKER });
    for (const name of LIST_FILES) expect(await reader(fixture(name)), name).toEqual(readSpreadsheet(fixture(name)));
    lib.ctx.readWorkbook = reader;
    const preview = await call('import.projects.preview', { source: source('项目清单.xls'), year: 2025 });
    expect(preview.counts.new).toBe(5);
  });

  it('an .xls holds the cells and merged blocks of the .xlsx LibreOffice converted it from', () => {
    const xlsx = readSpreadsheet(fixture('项目清单.xlsx')).sheets[0]!;
    const xls = readSpreadsheet(fixture('项目清单.xls')).sheets[0]!;
    expect(xls).toEqual(xlsx);
    expect(xls.rows[4]!.cells[7]).toEqual({ t: 'n', v: 1605000, text: '1605000' });
    expect(xls.rows[5]!.cells[9]).toEqual({ t: 'd', v: '2025-04-01' });
  });

  it('a Word table: the lines above it first, gridSpan and vMerge as merged blocks, the next table as 表2', () => {
    const { sheets } = readSpreadsheet(fixture('项目清单.docx'));
    expect(sheets.map((s) => s.name)).toEqual(['表1', '表2']);
    const [list, contacts] = sheets as [Workbook['sheets'][0], Workbook['sheets'][0]];
    expect(list.rows.slice(0, 3).map((r) => r.cells[0])).toEqual([
      { t: 's', v: '附件1' },
      { t: 's', v: '2025年××市重点建设项目计划表' },
      { t: 's', v: '单位：万元' },
    ]);
    expect(list.merges).toEqual([
      { firstRow: 5, lastRow: 5, firstColumn: 0, lastColumn: 11 }, // 一、工业项目（2个）
      { firstRow: 6, lastRow: 7, firstColumn: 11, lastColumn: 11 }, // 备注 merged down
      { firstRow: 8, lastRow: 8, firstColumn: 0, lastColumn: 11 },
      { firstRow: 12, lastRow: 12, firstColumn: 0, lastColumn: 6 }, // 合计 across 序号…建设起止年限
    ]);
    // The covered cell of the vertical merge is empty, as in Excel; paragraphs of a cell are lines.
    expect(list.rows[6]!.cells[11]).toBeUndefined();
    expect(list.rows[5]!.cells[10]).toEqual({ t: 's', v: '新建两台机组\n配套送出工程' });
    // The 合计 cell spans seven grid columns: its sums sit under 总投资 and 年度计划投资.
    expect(list.rows[11]!.cells.slice(7, 9)).toEqual([{ t: 's', v: '1762340.4999' }, { t: 's', v: '129711.2378' }]);
    expect(contacts.rows.map((r) => r.cells.map((c) => (c?.t === 's' ? c.v : null)))).toEqual([['附：填报联系人'], ['联系人', '联系电话'], ['张三', '0631-5212345']]);
  });

  it('refuses password-protected workbooks and files that are no workbook, naming the file and the reason', async () => {
    expect((await refused('import.projects.preview', { source: source('加密.xls'), year: 2025 })).message).toBe(
      '“加密.xls”无法导入：文件设有打开密码（已加密），无法读取。请在 Excel/WPS 中打开并取消密码后另存，再导入',
    );
    expect((await refused('import.projects.preview', { source: source('加密.xlsx'), year: 2025 })).message).toMatch(/^“加密\.xlsx”无法导入：文件设有打开密码/);
    expect((await refused('import.projects.preview', { source: source('项目清单.doc'), year: 2025 })).message).toMatch(/^“项目清单\.doc”无法导入：这是旧版 Word 文档（\.doc），不是工作簿/);
    const pdf = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    expect((await refused('import.projects.preview', { source: source('清单.xls', pdf), year: 2025 })).message).toMatch(/“清单\.xls”无法导入：这是 PDF 文件/);
    expect(await list(2025)).toEqual([]);
  });
});

describe('CSV as offices export it', () => {
  it('semicolons, tabs, quoted fields with delimiters, doubled quotes and line breaks, Excel’s sep= line', () => {
    const cells = (text: string) => readSpreadsheet(Buffer.from(text, 'utf8')).sheets[0]!.rows.map((r) => r.cells.map((c) => (c?.t === 's' ? c.v : null)));
    expect(cells('项目名称;总投资\r\n"海堤;一期";"1.234,5"\r\n')).toEqual([['项目名称', '总投资'], ['海堤;一期', '1.234,5']]);
    expect(cells('项目名称\t总投资\n海堤\t100\n')).toEqual([['项目名称', '总投资'], ['海堤', '100']]);
    expect(cells('sep=|\n项目名称|总投资\n"说""明"|"第一行\r\n第二行"\n')).toEqual([['项目名称', '总投资'], ['说"明', '第一行\n第二行']]);
    // Blank lines take no row, but rows keep their numbers (a message names the line people see).
    expect(readSpreadsheet(Buffer.from('a,b\n\n,,\nc,d', 'utf8')).sheets[0]!.rows.map((r) => r.row)).toEqual([1, 4]);
  });
});

describe('hostile files in the new formats', () => {
  it('an .xls claiming a whole sheet (65,536 × 256) with two cells is read at the cost of two cells', () => {
    const xls = buildXls('清单', [textCell(0, 0, '项目名称'), textCell(0, 1, '总投资'), textCell(1, 0, '海堤修复'), numberCell(1, 1, 1234.5678)], { rows: 65_536, columns: 256 });
    const t = performance.now();
    const { sheets } = readSpreadsheet(xls);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, cells: [{ t: 's', v: '项目名称' }, { t: 's', v: '总投资' }] },
      { row: 2, cells: [{ t: 's', v: '海堤修复' }, { t: 'n', v: 1234.5678, text: '1234.5678' }] },
    ]);
  });

  it('an .xls with a cell past the column limit, or more rows than allowed, is refused before it is parsed', () => {
    const wide = buildXls('宽表', [textCell(0, 0, '项目名称'), numberCell(3, 230, 1)], { rows: 4, columns: 231 });
    expect(refusal(() => readSpreadsheet(wide))).toMatchObject({ message: '工作表“宽表”的列数过多（超过200列）', sheet: '宽表', cellRef: 'HW4' });
    const huge = buildXls('大表', Array.from({ length: 65_536 }, (_, r) => integerRow(r, 40, r)), { rows: 65_536, columns: 40 });
    const t = performance.now();
    expect(refusal(() => readSpreadsheet(huge, { ...DEFAULT_READ_LIMITS, maxRows: 60_000 })).message).toBe('工作表“大表”的行数过多（超过60000行）');
    // SheetJS would take seconds and a gigabyte for these cells; the record scan refuses first.
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a huge .xls sheet (2.6 million numbers) is refused within the worker’s memory limit', async () => {
    const huge = buildXls('大表', Array.from({ length: 65_536 }, (_, r) => integerRow(r, 40, r)), { rows: 65_536, columns: 40 });
    const t = performance.now();
    await expect(workerReader({ script: WORKER, maxHeapMb: 128 })(huge)).rejects.toThrow('文件过大，读取时超出内存限制');
    expect(performance.now() - t).toBeLessThan(20_000);
  }, 60_000);

  it('an .xls whose document properties claim two billion entries is read without parsing them', () => {
    // The property set beside the workbook stream ([MS-OLEPS]): its first section's property count
    // set to 0x6F000005. SheetJS, given the whole container, allocates for each until it runs out
    // of memory (4 GB); the list itself never needs the properties.
    const cfb = XLSX.CFB.read(fixture('项目清单.xls'), { type: 'buffer' });
    const properties = XLSX.CFB.find(cfb, '/\u0005DocumentSummaryInformation') as { content: Uint8Array };
    const set = Buffer.from(properties.content);
    set.writeUInt32LE(0x6f000005, set.readUInt32LE(44) + 4);
    properties.content = set;
    const hostile = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    const t = performance.now();
    expect(readSpreadsheet(hostile)).toEqual(readSpreadsheet(fixture('项目清单.xls')));
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('an .xls with damaged records (on which SheetJS itself never returns) is read, keeping saved results', () => {
    // A FORMULA record too short to hold its formula's length (SheetJS reads past it and loops on
    // NaN), one whose tokens overrun the length it declares, and an empty BIFF2 STRING record
    // (SheetJS runs out of memory on it); the saved result is what counts.
    const short = record(0x0006, Buffer.from('0a00000009002c010000000000010f00', 'hex'));
    const overrun = formulaCell(1, 1, 1334.5678, Buffer.from([0x1e, 0x01, 0x00]), 2);
    const biff2String = record(0x0007, Buffer.alloc(0));
    const xls = buildXls('表', [textCell(0, 0, '项目名称'), short, biff2String, textCell(1, 0, '合计'), overrun], { rows: 2, columns: 2 });
    const t = performance.now();
    expect(readSpreadsheet(xls).sheets[0]!.rows).toEqual([
      { row: 1, cells: [{ t: 's', v: '项目名称' }] },
      { row: 2, cells: [{ t: 's', v: '合计' }, { t: 'n', v: 1334.5678, text: '1334.5678' }] },
    ]);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('a CSV with a 40,000-character field is refused, naming the cell', () => {
    const csv = Buffer.from(`项目名称,建设内容\n海堤,"${'很'.repeat(40_000)}"\n`, 'utf8');
    expect(refusal(() => readSpreadsheet(csv))).toMatchObject({ message: expect.stringMatching(/^单元格内容过长/), sheet: '表1', cellRef: 'B2' });
    const unquoted = Buffer.from(`项目名称,建设内容\n海堤,${'很'.repeat(40_000)}\n`, 'utf8');
    expect(refusal(() => readSpreadsheet(unquoted))).toMatchObject({ message: '单元格内容过长（40000字，最多32767字）', cellRef: 'B2' });
  });

  it('a CSV of a million rows is refused at the row limit, quickly', () => {
    const csv = Buffer.from(`项目名称,总投资\n${'海堤,1\n'.repeat(1_000_000)}`, 'utf8');
    const t = performance.now();
    expect(refusal(() => readSpreadsheet(csv)).message).toBe('工作表“表1”的行数过多（超过200000行）');
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('a CSV with NUL bytes, an unclosed quote, undecodable bytes or a web page inside is refused with the reason', () => {
    expect(refusal(() => readSpreadsheet(Buffer.from('项目名称,总投资\n海堤\0,1\n', 'utf8'))).message).toMatch(/^不是文本文件（含有二进制内容）/);
    expect(refusal(() => readSpreadsheet(Buffer.from('项目名称,总投资\n"海堤,1\n乙,2\n', 'utf8')))).toMatchObject({ message: expect.stringMatching(/^第2行A列的引号没有闭合/), cellRef: 'A2' });
    expect(refusal(() => readSpreadsheet(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0x0a]))).message).toMatch(/无法识别文件的文字编码/);
    expect(refusal(() => readSpreadsheet(Buffer.from('\ufeff<html><table><tr><td>项目名称</td></tr></table></html>', 'utf8'))).message).toMatch(/^这是网页（HTML）或 XML 格式的表格/);
  });

  const docx = (documentXml: string, extra: { name: string; stored: Buffer; declaredSize: number }[] = []) =>
    buildZip([{ name: 'word/document.xml', stored: zlib.deflateRawSync(Buffer.from(documentXml)), declaredSize: Buffer.byteLength(documentXml) }, ...extra]);
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const tc = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('a .docx with a DOCTYPE (entity expansion) is refused', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:tbl><w:tr>${tc('&b;')}</w:tr></w:tbl></w:body></w:document>`;
    expect(refusal(() => readSpreadsheet(docx(xml))).message).toMatch(/含有不允许的 XML 实体声明/);
  });

  it('a .docx zip bomb (its document inflating to 1 GB, declared honestly or not) is refused before it is inflated', () => {
    const bomb = zeroBomb(1024);
    const honest = buildZip([{ name: 'word/document.xml', stored: bomb, declaredSize: 1024 * 1024 * 1024 - 1 }]);
    const liar = buildZip([{ name: 'word/document.xml', stored: bomb, declaredSize: 100 }]);
    const t = performance.now();
    expect(refusal(() => readSpreadsheet(honest)).message).toMatch(/压缩炸弹/);
    expect(refusal(() => readSpreadsheet(liar)).message).toMatch(/压缩炸弹|大小与声明不符/);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('a .docx without a table is refused; a table nested in a cell is flattened into that cell’s text', () => {
    expect(refusal(() => readSpreadsheet(docx(`<w:document ${W}><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>`))).message).toMatch(/Word 文档中没有表格/);
    const nested = `<w:tbl><w:tr>${tc('甲')}${tc('乙')}</w:tr></w:tbl>`;
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr>${tc('项目名称')}${tc('建设内容')}</w:tr><w:tr>${tc('海堤')}<w:tc><w:p><w:r><w:t>说明</w:t></w:r></w:p>${nested}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const { sheets } = readSpreadsheet(docx(xml));
    expect(sheets).toEqual([{ name: '表1', rows: [{ row: 1, cells: [{ t: 's', v: '项目名称' }, { t: 's', v: '建设内容' }] }, { row: 2, cells: [{ t: 's', v: '海堤' }, { t: 's', v: '说明\n甲\n乙' }] }] }]);
  });
});

describe('kpw import of every format', () => {
  it('imports a project list from .xls, .csv and .docx, and a dispatch sheet from a GBK CSV', () => {
    const dir = tempDir('kpw-cli-formats-');
    try {
      const kpw = (...args: string[]) => spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs'), ...args], { encoding: 'utf8', cwd: dir });
      expect(kpw('init', '--db', 'lib.kpw').status).toBe(0);
      for (const name of ['项目清单-gbk.csv', '项目清单.docx', '项目清单.xls']) {
        fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
        // The first two checked only (nothing written), the .xls imported.
        const r = kpw('import', 'projects', name, '--db', 'lib.kpw', '--year', '2025', ...(name.endsWith('.xls') ? [] : ['--dry-run']));
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout, name).toMatch(/新增5个/);
      }
      // August's dispatch sheet in GBK (iconv), as Excel on Chinese Windows saves a CSV.
      const sheet = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '项目名称,1-8月完成投资,是否开工\r\n石岛湾核电站扩建一期,"1,234.5678",是\r\n' });
      fs.writeFileSync(path.join(dir, '8月调度.csv'), sheet.stdout);
      const r = kpw('import', 'progress', '8月调度.csv', '--db', 'lib.kpw', '--year', '2025', '--month', '8');
      expect(r.status, r.stderr).toBe(0);
      const stats = kpw('stats', '--db', 'lib.kpw', '--year', '2025', '--month', '8', '--json');
      expect(JSON.parse(stats.stdout).overall).toMatchObject({ projects: 5, completedToDate: 1234.5678 });
      const refused = kpw('import', 'projects', path.join(FIXTURES, '加密.xls'), '--db', 'lib.kpw', '--year', '2025');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/“加密\.xls”无法导入：文件设有打开密码/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
