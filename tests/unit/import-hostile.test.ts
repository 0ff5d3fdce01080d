/** Spreadsheets as they really arrive (RELIABILITY.md, "Spreadsheets coming in"). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically, safeFileName } from '../../electron/services/export/safe-file';
import { commitProjectImport, previewProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { describeIssue } from '../../shared/import';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, minimalXlsx, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { list } = contractCaller(() => lib.ctx);
const book = async (rows: CellInput[][], options: { date1904?: boolean } = {}) => readWorkbook(await buildWorkbook([{ name: '表', rows }], options), 'f.xlsx');

beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

describe('messy and hostile cells', () => {
  it('cleans control characters and U+FFFE from names, keeps HTML as text', async () => {
    const wb = await book([
      ['项目名称', '建设单位'],
      ['海堤\u0007修复\uFFFE', '<script>alert(1)</script>公司'],
    ]);
    commitProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025, allowMissing: ['totalInvestment', 'annualPlan'] });
    expect((await list(2025)).map((r) => [r.name, r.ownerUnit])).toEqual([['海堤修复', '<script>alert(1)</script>公司']]);
  });

  it('sees names differing only by spaces, full-width letters or zero-width characters as the same project', async () => {
    const wb = await book([
      ['项目名称', '总投资'],
      ['ＡＢＣ产业园', 1],
      ['ABC 产业园', 1],
      ['ABC\u200b产业园', 1],
    ]);
    const preview = previewProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025 });
    expect(preview.issues.map(describeIssue)).toEqual(['表!第3行: 与第2行是同一个项目（名称“ABC 产业园”）', '表!第4行: 与第2行是同一个项目（名称“ABC产业园”）']);
  });

  it('reads numbers as people type them and refuses absurd ones, naming the cell', async () => {
    const wb = await book([
      ['项目名称', '总投资（亿元）', '年度计划投资（万元）'],
      ['甲', '1,234.5', '１２３'],
      ['乙', ' ', '—'],
      ['丙', 1e308, 5],
      ['丁', '1e3', -0],
    ]);
    const preview = previewProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025 });
    expect(preview.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([
      expect.stringMatching(/^表!B4: 总投资：/),
      '表!B5: 总投资：“1e3”不是有效的金额',
    ]);
    commitProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025, validOnly: true });
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['甲', 123_450_000_000, 1_230_000],
      ['乙', null, null],
    ]);
  });

  it('reads dates as serials, Chinese text and dotted text, in a 1904 workbook, whatever the time zone', async () => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const rows: CellInput[][] = [
        ['项目名称', '实际开工时间', '计划开工时间'],
        ['甲', new Date(Date.UTC(2024, 0, 31)), '2025年3月'],
        ['乙', '2024年1月31日', 2025.3],
        ['丙', '2024.1.31', new Date(Date.UTC(2025, 2, 1))],
      ];
      for (const date1904 of [false, true]) {
        const l = createTempLibrary();
        commitProjectImport(l.ctx, await book(rows, { date1904 }), 'f.xlsx', { year: 2025, allowMissing: ['totalInvestment', 'annualPlan'] });
        const got = contractCaller(() => l.ctx);
        expect((await got.list(2025)).map((r) => [r.startDate, r.plannedStartMonth]), `date1904=${date1904}`).toEqual([
          ['2024-01-31', 3],
          ['2024-01-31', 3],
          ['2024-01-31', 3],
        ]);
        l.close();
      }
    } finally {
      process.env.TZ = previousTz;
    }
  });

  it('refuses formulas without a saved result and error values', async () => {
    const wb = await book([
      ['项目名称', '总投资'],
      ['甲', { formula: 'A1*2' }],
      ['乙', { error: '#REF!' }],
    ]);
    expect(previewProjectImport(lib.ctx, wb, 'f.xlsx', { year: 2025 }).issues.map(describeIssue)).toEqual([
      '表!B2: 公式没有计算结果，请在 Excel/WPS 中重新计算并保存后再导入',
      '表!B3: 单元格是错误值 #REF!',
    ]);
  });

  it('reads a sheet with merged title cells and inline strings written by other tools', async () => {
    const xml =
      '<worksheet><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>2025年计划表</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><r><t>项目</t></r><r><t>名称</t></r></is></c><c r="B3" t="inlineStr"><is><t>总投资</t></is></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>海堤修复</t></is></c><c r="B4"><v>100</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const wb = readWorkbook(minimalXlsx(xml), 'g.xlsx');
    commitProjectImport(lib.ctx, wb, 'g.xlsx', { year: 2025, allowMissing: ['annualPlan'] });
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment])).toEqual([['海堤修复', 1_000_000]]);
  });
});

describe('files going out', () => {
  it('never leaves a broken file over a good one when writing fails', async () => {
    const target = path.join(lib.dir, 'good.xlsx');
    fs.writeFileSync(target, 'the good file');
    await expect(
      writeFileAtomically(target, async (temp) => {
        fs.writeFileSync(temp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readFileSync(target, 'utf8')).toBe('the good file');
    expect(fs.readdirSync(lib.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('cleans file names of reserved names, separators and control characters', () => {
    expect(safeFileName('CON.xlsx')).toBe('_CON.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a:b?c*d\u0001.xlsx')).toBe('a_b_c_d_.xlsx');
  });
});
