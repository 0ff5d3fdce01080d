/**
 * Formula-like text in exported workbooks keeps its value exactly and is guarded by the
 * xlsx-native quote prefix (cell style quotePrefix="1"), not by a visible apostrophe: the project
 * list, the district template and the ledgers, read back as XML and with exceljs.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry } from '../../electron/services/spreadsheet/zip';
import { contractCaller } from '../helpers/contract';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { writeDistrictTemplate } from '../../electron/services/export/district-template';
import { writeLedgerWorkbook } from '../../electron/services/export/ledger';
import type { LedgerItem } from '../../shared/ledgers';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const RISKY = ['=HYPERLINK("http://x","点我")', '@SUM(A1)', '+86-631', '-1+2'];
const SAFE = '海堤修复';

let lib: TempLibrary;
const { call } = contractCaller(() => lib.ctx);
beforeEach(() => (lib = createTempLibrary()));
afterEach(() => lib.close());

/** Every string cell of a workbook's first sheet, with whether its style has quotePrefix="1". */
function cellsWithQuotePrefix(file: string, sheetIndex = 1): Map<string, boolean> {
  const buf = fs.readFileSync(file);
  const zip = readZipDirectory(buf);
  const part = (name: string) => readZipEntry(buf, zip.get(name)!).toString('utf8');
  const styles = part('xl/styles.xml');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const quoted = [...cellXfs.matchAll(/<xf\b[^>]*?\/?>/g)].map((m) => /\squotePrefix="1"/.test(m[0]));
  const shared = zip.has('xl/sharedStrings.xml') ? [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')) : [];
  const decode = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const out = new Map<string, boolean>();
  for (const c of part(`xl/worksheets/sheet${sheetIndex}.xml`).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (c[2] === undefined) continue; // an empty cell
    const attrs = c[1]!;
    const style = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const type = /\st="(\w+)"/.exec(attrs)?.[1];
    let text: string | undefined;
    if (type === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(c[2]!)![1])];
    else if (type === 'inlineStr' || type === 'str') text = /<t[^>]*>([^<]*)<\/t>/.exec(c[2]!)?.[1] ?? /<v>([^<]*)<\/v>/.exec(c[2]!)?.[1];
    if (text !== undefined) out.set(decode(text), quoted[style] ?? false);
  }
  return out;
}

async function exceljsValues(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && values.push(cell.value))));
  return values;
}

function expectGuarded(cells: Map<string, boolean>, risky: string[]): void {
  for (const text of risky) expect(cells.get(text), text).toBe(true);
  expect(cells.get(SAFE)).toBe(false);
  // No visible apostrophe anywhere.
  expect([...cells.keys()].filter((t) => t.startsWith("'"))).toEqual([]);
}

describe('export: formula-like text gets the quote prefix, its value unchanged', () => {
  async function addProjects(): Promise<void> {
    await call('lists.add', { kind: 'districts', name: '荣成市' });
    for (const name of [...RISKY, SAFE]) {
      const added = await call('projects.add', { year: 2024, name });
      await call('projects.update', { projectId: added.projectId, year: 2024, field: 'district', value: '荣成市', unit: '万元' });
    }
  }

  it('the project list (streaming writer)', async () => {
    await addProjects();
    const file = path.join(lib.dir, 'list.xlsx');
    await exportProjectsToFile(lib.ctx, { year: 2024, unit: '万元' }, file);
    expectGuarded(cellsWithQuotePrefix(file), RISKY);
    expect(await exceljsValues(file)).toEqual(expect.arrayContaining([...RISKY, SAFE]));
  });

  it('the district template', async () => {
    await addProjects();
    const file = path.join(lib.dir, 'template.xlsx');
    await writeDistrictTemplate(lib.ctx, { year: 2024, month: 8, district: '荣成市' }, file);
    expectGuarded(cellsWithQuotePrefix(file), RISKY);
    expect(await exceljsValues(file)).toEqual(expect.arrayContaining([...RISKY, SAFE]));
  });

  it('the ledgers, title and items', async () => {
    const item = (seq: number, content: string): LedgerItem => ({
      id: seq, planId: 1, ledger: 'tasks', seq, code: String(seq), content, leader: null, department: '=1+1', office: null, staff: null,
      q1: null, q2: null, q3: null, q4: null, progress: null, status: null, unit: null, baseline: null, target: null, actual: null, onTrack: null,
    });
    const file = path.join(lib.dir, 'ledger.xlsx');
    await writeLedgerWorkbook('=计划', [item(1, RISKY[0]!), item(2, SAFE)], file);
    const cells = cellsWithQuotePrefix(file);
    expectGuarded(cells, [RISKY[0]!, '=1+1']);
    expect([...cells.keys()].find((t) => t.startsWith('=计划'))).toBeDefined();
    expect(cells.get([...cells.keys()].find((t) => t.startsWith('=计划'))!)).toBe(true);
  });
});
