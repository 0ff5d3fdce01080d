/**
 * The set-up of the project-list shape tests (tests/unit/import-shapes*.test.ts): a fresh library
 * per test with three districts, the contract called as the import dialog calls it, and the
 * exact money of 万元 and 亿元 in 元.
 */
import { afterEach, beforeEach } from 'vitest';
import { addDistrict } from '../../electron/db/lists';
import { describeIssue, type ProjectImportPreview } from '../../shared/import';
import { contractCaller } from './contract';
import { createTempLibrary, type TempLibrary } from './library';
import { buildWorkbook, type CellInput } from './workbooks';

export const 万 = (n: number) => Math.round(n * 10_000);
export const 亿 = (n: number) => Math.round(n * 100_000_000);

/** Call at the top of a test file: each test gets its own library; returns the calls the tests make. */
export function importShapesLibrary() {
  let lib: TempLibrary;
  const { call, refused, list } = contractCaller(() => lib.ctx);

  beforeEach(() => {
    lib = createTempLibrary();
    for (const d of ['环翠区', '文登区', '荣成市']) addDistrict(lib.ctx.library!.db, d);
  });
  afterEach(() => lib.close());

  /** Preview a one-sheet workbook through the contract, as the import dialog does. */
  async function preview(rows: CellInput[][], merges: string[] = [], year = 2025, name = '清单'): Promise<ProjectImportPreview> {
    const data = (await buildWorkbook([{ name, rows, merges }])).toString('base64');
    return call('import.projects.preview', { source: { fileName: `${name}.xlsx`, data }, year });
  }

  async function commit(p: ProjectImportPreview, extra: { allowMissing?: ('totalInvestment' | 'annualPlan')[]; mapping?: Record<string, never> } = {}) {
    return call('import.projects.commit', { token: p.token, year: p.year, sheet: p.sheet, validOnly: false, ...extra });
  }

  const target = (p: ProjectImportPreview, letter: string) => p.columns.find((c) => c.letter === letter);
  const warnings = (p: ProjectImportPreview) => p.issues.filter((i) => i.severity === 'warning').map(describeIssue);
  return { call, refused, list, preview, commit, target, warnings };
}
