/**
 * exceljs.ts remembers exceljs's style ids for the simple styles (none, or a number format alone);
 * the workbooks must come out byte for byte as exceljs writes them without it: the project list
 * with figure columns, dates, tags and a formula-like name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import { exportProjectsToFile } from '../../electron/services/export/project-list';
import { loadExcelJS } from '../../electron/services/export/exceljs';
import { readZipDirectory, readZipEntry } from '../../electron/services/spreadsheet/zip';
import { fillDemoLibrary } from '../../electron/services/demo';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
beforeEach(() => (lib = createTempLibrary()));
afterEach(() => lib.close());

/** Every part of the workbook but its timestamps (docProps/core.xml). */
function parts(file: string): Record<string, string> {
  const buf = fs.readFileSync(file);
  const out: Record<string, string> = {};
  for (const [name, entry] of readZipDirectory(buf)) if (name !== 'docProps/core.xml') out[name] = readZipEntry(buf, entry).toString('utf8');
  return out;
}

/** Runs `write` with the memo out of play: each lookup gets a new, empty memo. */
async function withoutMemo(write: () => Promise<unknown>): Promise<void> {
  const proto = StylesXform.prototype;
  Object.defineProperty(proto, 'kpwSimpleStyles', { configurable: true, get: () => new Map(), set: () => undefined });
  try {
    await write();
  } finally {
    delete (proto as { kpwSimpleStyles?: unknown }).kpwSimpleStyles;
  }
}

describe('remembered simple styles', () => {
  it('write the same workbook as exceljs alone', async () => {
    await loadExcelJS();
    fillDemoLibrary(lib.ctx.library!.db, '2024-09-01T00:00:00.000Z');
    const db = lib.ctx.library!.db;
    db.prepare("UPDATE projects SET name = '=HYPERLINK(\"http://x\")' WHERE id = (SELECT min(id) FROM projects)").run();
    const args = { year: 2024, unit: '万元' as const, month: 8, columns: ['name', 'code', 'totalInvestment', 'annualPlan', 'startDate', 'tags', 'completedToDate', 'completionRate', 'warning'] as never };
    const [a, b] = [path.join(lib.dir, 'a.xlsx'), path.join(lib.dir, 'b.xlsx')];
    await exportProjectsToFile(lib.ctx, args, a);
    await withoutMemo(() => exportProjectsToFile(lib.ctx, args, b));
    const [ours, theirs] = [parts(a), parts(b)];
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const name of Object.keys(theirs)) expect(ours[name], name).toBe(theirs[name]);
    expect(ours['xl/styles.xml']).toContain('quotePrefix="1"');
    expect((ours['xl/worksheets/sheet1.xml']!.match(/<c /g) ?? []).length).toBeGreaterThan(1000);
  });
});
