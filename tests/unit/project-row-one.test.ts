/**
 * One project's row (getProjectRow, its tags gathered for it alone) is the row of the year's list
 * (listProjectRows, tags aggregated once for all): on the demo city, every project of every year,
 * tagged or not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProjectRow, listProjectRows } from '../../electron/db/projects';
import { fillDemoLibrary } from '../../electron/services/demo';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
beforeEach(() => (lib = createTempLibrary()));
afterEach(() => lib.close());

describe('a project row', () => {
  it('alone is the row of its list', () => {
    const db = lib.ctx.library!.db;
    fillDemoLibrary(db, '2024-09-01T00:00:00.000Z');
    const years = (db.prepare('SELECT DISTINCT year FROM year_plans ORDER BY year').all() as { year: number }[]).map((r) => r.year);
    expect(years.length).toBeGreaterThan(1);
    let tagged = 0;
    for (const year of years) {
      for (const row of listProjectRows(db, year)) {
        if (row.tags.length > 0) tagged++;
        expect(getProjectRow(db, row.projectId, year)).toEqual(row);
      }
    }
    expect(tagged).toBeGreaterThan(10);
    expect(getProjectRow(db, 999_999, years[0]!)).toBeUndefined();
  });
});
