/**
 * Headers that do not line up with their data, the family REAL-DOCUMENTS.md describes: a header
 * merged over two columns with the data in one; data one column right or left of its header (an
 * empty header over a column of values beside a header over an empty column); a band whose
 * sub-headers are offset from its data; the 序号 column without a header. Which column is read is
 * decided from the data rows; when the rows do not decide it the import is refused naming
 * 工作表!单元格, until the user maps the column. Each shape is built with exceljs, imported through
 * the contract (and kpw), and every project's stored figures compared with what was written.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReport } from '../../electron/db/progress';
import { describeIssue, type ProjectImportPreview } from '../../shared/import';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, tempDir, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
let lib: TempLibrary;
const { call, refused, list } = contractCaller(() => lib.ctx);

beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

const 万 = (n: number) => Math.round(n * 10_000);

async function preview(rows: CellInput[][], merges: string[] = [], mapping?: Record<string, string | null>): Promise<ProjectImportPreview> {
  const data = (await buildWorkbook([{ name: '清单', rows, merges }])).toString('base64');
  return call('import.projects.preview', { source: { fileName: '清单.xlsx', data }, year: 2025, ...(mapping ? { mapping: mapping as never } : {}) });
}

async function commit(p: ProjectImportPreview, mapping?: Record<string, string | null>) {
  return call('import.projects.commit', { token: p.token, year: p.year, sheet: p.sheet, validOnly: false, ...(mapping ? { mapping: mapping as never } : {}) });
}

const targets = (p: ProjectImportPreview) => p.columns.filter((c) => c.target !== null).map((c) => [c.letter, c.target]);
const figures = async () => (await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan]);
const errors = (p: ProjectImportPreview) => p.issues.filter((i) => i.severity === 'error').map(describeIssue);

describe('a header merged over two columns', () => {
  it('is read in the column that holds the values, left or right', async () => {
    const p = await preview(
      [
        ['项目名称', '总投资', null, '年度计划投资', null],
        ['海洋牧场', 3000, null, null, 1200],
        ['渔港改造', 4500.5, null, null, 800],
      ],
      ['B1:C1', 'D1:E1'],
    );
    expect(targets(p)).toEqual([['A', 'name'], ['B', 'totalInvestment'], ['E', 'annualPlan']]);
    expect(p.issues).toEqual([]);
    await commit(p);
    expect(await figures()).toEqual([['海洋牧场', 万(3000), 万(1200)], ['渔港改造', 万(4500.5), 万(800)]]);
  });

  it('with values in both columns is refused naming its cell, and imported once the user maps one', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '总投资', null, '年度计划投资'],
      ['海洋牧场', 3000, 2800, 1200],
      ['渔港改造', 4500, 4400, 800],
    ];
    const p = await preview(rows, ['B1:C1']);
    expect(errors(p)).toEqual(['清单!B1: 表头“总投资”合并了B、C列，其中B、C列都有数据，无法确定哪一列是“总投资”：请在列对应关系中指定，或把数据放在同一列']);
    // Neither column is read meanwhile: both are offered, by their letter.
    expect(p.columns.filter((c) => c.header.startsWith('总投资')).map((c) => [c.letter, c.header, c.target])).toEqual([['B', '总投资（B列）', null], ['C', '总投资（C列）', null]]);
    const error = await refused('import.projects.commit', { token: p.token, year: 2025, validOnly: true, allowMissing: ['totalInvestment'] });
    expect(error.message).toMatch(/清单!B1: 表头“总投资”合并了B、C列/);
    expect(await list(2025)).toEqual([]);
    const mapping = { '2': 'totalInvestment' };
    const mapped = await call('import.projects.preview', { source: { token: p.token }, year: 2025, mapping: mapping as never });
    expect(errors(mapped)).toEqual([]);
    await commit(mapped, mapping);
    expect(await figures()).toEqual([['海洋牧场', 万(2800), 万(1200)], ['渔港改造', 万(4400), 万(800)]]);
  });
});

describe('data one column beside its header', () => {
  it('a header over an empty column reads the column of values without a header on its left', async () => {
    const p = await preview([
      ['序号', '项目名称', null, '总投资', '年度计划投资'],
      [1, '海洋牧场', 3000, null, 1200],
      [2, '渔港改造', 4500, null, 800],
    ]);
    expect(targets(p)).toEqual([['A', 'seq'], ['B', 'name'], ['C', 'totalInvestment'], ['E', 'annualPlan']]);
    expect(p.notes).toContain('D列“总投资”下没有数据，数据在其左边没有表头的C列：按C列读取');
    await commit(p);
    expect(await figures()).toEqual([['海洋牧场', 万(3000), 万(1200)], ['渔港改造', 万(4500), 万(800)]]);
  });

  it('with values both left and right of the empty column, is refused naming the header cell; mapping decides', async () => {
    const rows: CellInput[][] = [
      ['项目名称', null, '总投资', null, '年度计划投资'],
      ['海洋牧场', 3000, null, 2900, 1200],
      ['渔港改造', 4500, null, 4300, 800],
    ];
    const p = await preview(rows);
    expect(errors(p)).toEqual(['清单!C1: 表头“总投资”下的C列没有数据，而左边的B列和右边的D列都有数据且没有表头，无法确定数据错到了哪一边：请在列对应关系中指定']);
    await expect(commit(p)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/清单!C1: /) });
    expect(await list(2025)).toEqual([]);
    const mapping = { '3': 'totalInvestment' };
    const mapped = await call('import.projects.preview', { source: { token: p.token }, year: 2025, mapping: mapping as never });
    await commit(mapped, mapping);
    expect(await figures()).toEqual([['海洋牧场', 万(2900), 万(1200)], ['渔港改造', 万(4300), 万(800)]]);
  });

  it('kpw exits 1 with the “工作表!单元格: 原因” line and writes nothing', async () => {
    const dir = tempDir('kpw-columns-');
    try {
      const rows: CellInput[][] = [['项目名称', null, '总投资', null, '年度计划投资'], ['海洋牧场', 3000, null, 2900, 1200]];
      fs.writeFileSync(path.join(dir, 'list.xlsx'), await buildWorkbook([{ name: '清单', rows }]));
      const kpw = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args], { encoding: 'utf8', cwd: dir });
      expect(kpw('init', '--db', 'lib.kpw').status).toBe(0);
      const run = kpw('import', 'projects', 'list.xlsx', '--db', 'lib.kpw', '--year', '2025');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/清单!C1: 表头“总投资”下的C列没有数据/);
      const db = new Database(path.join(dir, 'lib.kpw'), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM projects').get()).toEqual({ n: 0 });
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a band whose sub-headers are offset from its data', () => {
  it('the run of sub-headers is moved under the band its data fill, with the band’s unit', async () => {
    // 总投资 and 年度计划投资 were typed one cell right of the band their values are under.
    const p = await preview(
      [
        ['单位：万元'],
        ['序号', '项目名称', '投资情况（亿元）', null, null, '备注'],
        [null, null, null, '总投资', '年度计划投资', null],
        [1, '海洋牧场', 2.5, 0.8, null, '续建'],
        [2, '渔港改造', 1.25, 0.3, null, null],
      ],
      ['A2:A3', 'B2:B3', 'C2:D2', 'F2:F3'],
    );
    expect(targets(p)).toEqual([['A', 'seq'], ['B', 'name'], ['C', 'totalInvestment'], ['D', 'annualPlan']]);
    expect(p.columns.find((c) => c.target === 'annualPlan')?.unit).toBe('亿元');
    expect(p.notes).toContain('D、E列（“总投资”“年度计划投资”）的数据整体错左一列：按C、D列读取');
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    await commit(p);
    expect(await figures()).toEqual([['海洋牧场', 万(25000), 万(8000)], ['渔港改造', 万(12500), 万(3000)]]);
  });

  it('a run of one-row headers beside an empty column is never moved on that alone', async () => {
    // 项目编号 left empty and a helper column after the table: nothing shifts, nothing is guessed.
    const p = await preview([
      ['项目编号', '项目名称', '总投资', '年度计划投资', null],
      [null, '海洋牧场', 3000, 1200, 'x'],
      [null, '渔港改造', 4500, 800, 'y'],
    ]);
    expect(targets(p)).toEqual([['A', 'code'], ['B', 'name'], ['C', 'totalInvestment'], ['D', 'annualPlan']]);
    await commit(p);
    expect(await figures()).toEqual([['海洋牧场', 万(3000), 万(1200)], ['渔港改造', 万(4500), 万(800)]]);
  });
});

describe('the 序号 column without its header', () => {
  it('is the 序号 column, so its section markers make headings, not projects', async () => {
    const p = await preview([
      [null, '项目名称', '项目类别', '总投资', '年度计划投资'],
      ['一', '工业项目', null, null, null],
      [1, '海洋牧场', null, 3000, 1200],
      [2, '渔港改造', null, 4500, 800],
      ['二', '城建项目', null, null, null],
      [1, '乳山口大桥', null, 9000, 2000],
    ]);
    expect(targets(p)).toEqual([['A', 'seq'], ['B', 'name'], ['C', 'category'], ['D', 'totalInvestment'], ['E', 'annualPlan']]);
    expect(p.notes).toContain('A列没有表头，其中是1、2、3…的编号：作为序号列');
    expect(p.rows.map((r) => r.name)).toEqual(['海洋牧场', '渔港改造', '乳山口大桥']);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.category, r.totalInvestment, r.annualPlan])).toEqual([
      ['海洋牧场', '工业', 万(3000), 万(1200)],
      ['渔港改造', '工业', 万(4500), 万(800)],
      ['乳山口大桥', '城建', 万(9000), 万(2000)],
    ]);
  });
});

describe('the same in a dispatch sheet (one header finder)', () => {
  it('a cumulative column beside its header is read there; undecided, the sheet is refused naming the cell', async () => {
    await commit(await preview([['项目名称', '总投资', '年度计划投资'], ['海洋牧场', 3000, 1200], ['渔港改造', 4500, 800]]));
    const sheet = async (rows: CellInput[][]) => {
      const data = (await buildWorkbook([{ name: '7月调度', rows }])).toString('base64');
      return call('import.progress.preview', { files: [{ fileName: '7月.xlsx', data }], year: 2025, month: 7 });
    };
    const shifted = await sheet([['项目名称', '1-7月完成投资', null], ['海洋牧场', null, 700], ['渔港改造', null, 350.5]]);
    expect(shifted.previews[0]!.completedFrom?.letters).toEqual(['C']);
    await call('import.progress.commit', { token: shifted.token, year: 2025, month: 7 });
    const ids = Object.fromEntries((await list(2025)).map((r) => [r.name, r.projectId]));
    expect(['海洋牧场', '渔港改造'].map((n) => readReport(lib.ctx.library!.db, ids[n]!, 2025, 7)?.completed_to_date)).toEqual([万(700), 万(350.5)]);
    const undecided = await sheet([['项目名称', null, '1-7月完成投资', null], ['海洋牧场', 690, null, 700]]);
    expect(undecided.previews[0]!.issues.filter((i) => i.severity === 'error').map(describeIssue)).toEqual([
      '7月调度!C1: 表头“1-7月完成投资”下的C列没有数据，而左边的B列和右边的D列都有数据且没有表头，无法确定数据错到了哪一边：请在列对应关系中指定',
    ]);
    await expect(call('import.progress.commit', { token: undecided.token, year: 2025, month: 7 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
