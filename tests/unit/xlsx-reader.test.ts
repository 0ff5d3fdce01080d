import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../electron/services/spreadsheet/read-any';
import { readXlsx, serialToIsoDate, type Cell } from '../../electron/services/spreadsheet/xlsx-reader';
import { buildWorkbook, buildZip, minimalXlsx, zeroBomb } from '../helpers/workbooks';

const cellsOf = (rows: { cells: (Cell | undefined)[] }[]) => rows.map((r) => Array.from(r.cells, (c) => (c ? ('v' in c ? c.v : c.t) : null)));

describe('xlsx reader', () => {
  it('reads strings, numbers with their exact text, dates, booleans, formula results and errors', async () => {
    const buf = await buildWorkbook([
      {
        name: '2025年清单',
        rows: [
          ['2025年××市重点建设项目计划表', null, null],
          ['项目名称', '总投资', '开工'],
          ['海堤修复', 1234.5, new Date(Date.UTC(2025, 2, 21))],
          ['  含空格 ', { formula: 'B3*2', result: 2469 }, true],
          ['公式无结果', { formula: 'B3*3' }, { error: '#N/A' }],
        ],
        merges: ['A1:C1'],
      },
    ]);
    const wb = readXlsx(buf);
    expect(wb.sheets.map((s) => s.name)).toEqual(['2025年清单']);
    const rows = wb.sheets[0]!.rows;
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(cellsOf(rows)).toEqual([
      ['2025年××市重点建设项目计划表'],
      ['项目名称', '总投资', '开工'],
      ['海堤修复', 1234.5, '2025-03-21'],
      ['  含空格 ', 2469, true],
      ['公式无结果', 'f', '#N/A'],
    ]);
    expect(rows[2]!.cells[1]).toEqual({ t: 'n', v: 1234.5, text: '1234.5' });
  });

  it('reads dates of a 1904 workbook and never shifts them by time zone', async () => {
    const buf = await buildWorkbook([{ name: 'S', rows: [[new Date(Date.UTC(2024, 0, 31))]] }], { date1904: true });
    expect(cellsOf(readXlsx(buf).sheets[0]!.rows)).toEqual([['2024-01-31']]);
    expect(serialToIsoDate(45322, false)).toBe('2024-01-31');
    expect(serialToIsoDate(45322 - 1462, true)).toBe('2024-01-31');
  });

  it('refuses what is not an xlsx with a clear Chinese message', () => {
    expect(() => readXlsx(Buffer.alloc(0))).toThrow(/文件是空的/);
    expect(() => readXlsx(Buffer.from('项目名称,总投资\n海堤,100\n'))).toThrow(/不是有效的 \.xlsx 文件/);
    expect(() => readXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toThrow(/旧版 Excel/);
    expect(() => readXlsx(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)))).toThrow(/不是有效的/);
    expect(() => readXlsx(buildZip([{ name: 'x', stored: Buffer.from('a'), declaredSize: 1, encrypted: true }]))).toThrow(/已加密/);
  });

  it('the import pipeline (readSpreadsheet) reads by content what readXlsx refuses, and still refuses the rest', () => {
    const formats = path.resolve(import.meta.dirname, '../fixtures/formats');
    // A real .xls (LibreOffice's Excel 97 filter) is read now; a password-protected one is refused.
    expect(readSpreadsheet(fs.readFileSync(path.join(formats, '项目清单.xls'))).sheets[0]!.rows[2]!.cells[1]).toEqual({ t: 's', v: '项目名称' });
    expect(() => readSpreadsheet(fs.readFileSync(path.join(formats, '加密.xls')))).toThrow(/文件设有打开密码（已加密）/);
    expect(() => readSpreadsheet(fs.readFileSync(path.join(formats, '加密.xlsx')))).toThrow(/文件设有打开密码（已加密）/);
    // An OLE signature with nothing behind it, a CSV, random bytes, an empty file.
    expect(() => readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toThrow(/文件已损坏/);
    expect(cellsOf(readSpreadsheet(Buffer.from('项目名称,总投资\n海堤,100\n')).sheets[0]!.rows)).toEqual([['项目名称', '总投资'], ['海堤', '100']]);
    expect(() => readSpreadsheet(Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)))).toThrow(/不是文本文件/);
    expect(() => readSpreadsheet(Buffer.alloc(0))).toThrow(/文件是空的/);
    expect(() => readSpreadsheet(buildZip([{ name: 'x', stored: Buffer.from('a'), declaredSize: 1, encrypted: true }]))).toThrow(/已加密/);
  });

  it('refuses a zip bomb quickly, by declared size or by what inflating would produce', () => {
    const bomb = zeroBomb(1024); // ~1 MB that inflates to 1 GB
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const honest = minimalXlsx('<worksheet/>', [{ name: 'xl/media/big.bin', stored: bomb, declaredSize: 1024 * 1024 * 1024 - 1 }]);
    const t = performance.now();
    expect(() => readXlsx(honest)).toThrow(/压缩炸弹/);
    // The sheet itself lies: it declares 100 bytes and inflates to 1 GB.
    const liar = buildZip([
      { name: 'xl/workbook.xml', stored: zlib.deflateRawSync(Buffer.from('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>')), declaredSize: 67 },
      { name: 'xl/_rels/workbook.xml.rels', stored: zlib.deflateRawSync(Buffer.from('<Relationships><Relationship Id="rId1" Target="s.xml"/></Relationships>')), declaredSize: 72 },
      { name: 'xl/s.xml', stored: bomb, declaredSize: 100 },
    ]);
    expect(() => readXlsx(liar)).toThrow(/压缩炸弹|大小与声明不符/);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('refuses unsafe entry names and entity declarations', () => {
    expect(() => readXlsx(buildZip([{ name: '../../evil.sh', stored: Buffer.from('x'), method: 0, declaredSize: 1 }]))).toThrow(/不安全/);
    const xxe = minimalXlsx(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
    );
    expect(() => readXlsx(xxe)).toThrow(/实体声明/);
  });

  it('bounds a huge cell, and skips a million blank styled rows quickly', () => {
    const huge = minimalXlsx(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat(40_000)}</t></is></c></row></sheetData></worksheet>`);
    expect(() => readXlsx(huge)).toThrow(/单元格内容过长/);
    const blank = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}" s="1" customFormat="1"/>`).join('');
    const styled = minimalXlsx(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row>${blank}</sheetData></worksheet>`);
    const t = performance.now();
    expect(cellsOf(readXlsx(styled).sheets[0]!.rows)).toEqual([['项目名称']]);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('decodes escaped characters and keeps control characters for the cleaner to remove', () => {
    const sheet = minimalXlsx('<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>&lt;img src=x onerror=alert(1)&gt;_x0007_&#x4e2d;</t></is></c></row></sheetData></worksheet>');
    expect(cellsOf(readXlsx(sheet).sheets[0]!.rows)).toEqual([[null, '<img src=x onerror=alert(1)>\u0007中']]);
  });
});
