/**
 * The typed statements of electron/db (statements.ts: query, tupleQuery, valueQuery, queryFamily),
 * the checked readers of what better-sqlite3 leaves untyped (sqlite.ts), and the report bits
 * (report-flags.ts) round-tripped through a real library: every combination of started, resumed and
 * reported, read back by the SQL and by the engine.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { LATEST_VERSION } from '../../electron/db/migrations';
import { writeReport } from '../../electron/db/progress';
import { insertProjectRecords } from '../../electron/db/projects';
import { REPORT_FLAG, readReportFlags } from '../../electron/db/report-flags';
import { checkPragma, errorCode, errorMessage, numberPragma } from '../../electron/db/sqlite';
import { query, queryFamily, stmt, tupleQuery, valueQuery } from '../../electron/db/statements';
import { latestReportsBefore, reportsOfMonth } from '../../electron/db/statistics';
import { projectFigures } from '../../electron/services/statistics';
import { money } from '../../shared/money';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

let lib: TempLibrary;
const db = (): Db => lib.ctx.library!.db;
beforeEach(() => {
  lib = createTempLibrary();
});
afterEach(() => lib.close());

/** Projects on year 2024's list, one per nature given; returns their ids in order. */
function addProjects(natures: readonly ('new' | 'continued')[]): number[] {
  return insertProjectRecords(
    db(),
    natures.map((nature, i) => ({
      project: {
        code: `P${i + 1}`, name: `项目${i + 1}`, name_initials: '', district_id: null, owner_unit: null, scope: null, start_year: null, end_year: null,
        start_date: null, stage: null, total_investment: money(1000), contact_leader_id: null, responsible_unit: null, responsible_person: null, phone: null,
        created_at: 'x', updated_at: 'x',
      },
      yearPlan: { year: 2024, level: 'city', category_id: null, lead_department: null, nature, annual_plan: money(100), planned_start_month: null },
    })),
  ).map((r) => r.id);
}

function report(projectId: number, month: number, started: boolean, resumed: boolean): void {
  writeReport(db(), {
    project_id: projectId, year: 2024, month, completed_to_date: money(10 * month), started: started ? 1 : 0, resumed: resumed ? 1 : 0,
    start_date: null, in_statistics: 0, completed: 0, in_production: 0, visual_progress: null, reported_at: 'x',
  });
}

const CODE = query<[code: string], { id: number; name: string }>('SELECT id, name FROM projects WHERE code = ?');
const CODES = tupleQuery<[{ from: number }], [id: number, code: string | null]>('SELECT id, code FROM projects WHERE id >= @from ORDER BY id');
const COUNT = valueQuery<[], number>('SELECT count(*) FROM projects');
const NAME_OF = valueQuery<[id: number], string>('SELECT name FROM projects WHERE id = ?');

describe('typed statements', () => {
  it('give rows as objects, arrays or single values, typed by their declaration', () => {
    const [a, b] = addProjects(['new', 'continued']);
    expect(CODE(db()).get('P2')).toEqual({ id: b, name: '项目2' });
    expect(CODE(db()).get('none')).toBeUndefined();
    expect(CODE(db()).all('P1')).toEqual([{ id: a, name: '项目1' }]);
    expect(CODES(db()).all({ from: a! })).toEqual([[a, 'P1'], [b, 'P2']]);
    expect(COUNT(db()).one()).toBe(2);
    expect(NAME_OF(db()).all(b!)).toEqual(['项目2']);
    expectTypeOf(CODE(db()).get).returns.toEqualTypeOf<{ id: number; name: string } | undefined>();
    expectTypeOf(CODES(db()).all).returns.toEqualTypeOf<[id: number, code: string | null][]>();
    expectTypeOf(COUNT(db()).one).returns.toEqualTypeOf<number>();
    // @ts-expect-error the parameters are typed too: a code is text
    expect(() => CODE(db()).get(1, 2)).toThrow();
  });

  it('say which query gave no row when one was required', () => {
    expect(() => NAME_OF(db()).one(12345)).toThrow('查询未返回结果：SELECT name FROM projects WHERE id = ?');
  });

  it('are prepared once per connection, each connection with its own statement and data', () => {
    addProjects(['new']);
    expect(CODE(db())).toBe(CODE(db()));
    const other = createTempLibrary();
    try {
      const otherDb = other.ctx.library!.db;
      expect(CODE(otherDb)).not.toBe(CODE(db()));
      expect(COUNT(otherDb).one()).toBe(0);
      expect(COUNT(db()).one()).toBe(1);
    } finally {
      other.close();
    }
  });

  it('keep their row shape to themselves: the same SQL read as objects elsewhere still gives objects', () => {
    addProjects(['new']);
    const sql = 'SELECT id, name FROM projects ORDER BY id';
    const asArrays = tupleQuery<[], [number, string]>(sql);
    expect(asArrays(db()).one()).toEqual([expect.any(Number), '项目1']);
    expect(stmt(db(), sql).get()).toEqual({ id: expect.any(Number), name: '项目1' });
    expect(query<[], { id: number; name: string }>(sql)(db()).one()).toEqual({ id: expect.any(Number), name: '项目1' });
  });

  it('make one query per name of a family, on first use', () => {
    const countOf = queryFamily((table: 'projects' | 'tags') => valueQuery<[], number>(`SELECT count(*) FROM ${table}`));
    expect(countOf('projects')).toBe(countOf('projects'));
    expect(countOf('tags').sql).toBe('SELECT count(*) FROM tags');
    addProjects(['new', 'new']);
    expect(countOf('projects')(db()).one()).toBe(2);
  });
});

describe('what better-sqlite3 leaves untyped, read with a check', () => {
  it('reads number pragmas and refuses one that is not a number', () => {
    expect(numberPragma(db(), 'user_version')).toBe(LATEST_VERSION);
    expect(() => numberPragma(db(), 'journal_mode')).toThrow('PRAGMA journal_mode 返回了 wal');
  });

  it('reads the check pragmas', () => {
    expect(checkPragma(db(), 'quick_check')).toBe('ok');
    expect(checkPragma(db(), 'integrity_check')).toBe('ok');
  });

  it('reads the code and message of what was thrown', () => {
    addProjects(['new']);
    let thrown: unknown;
    try {
      db().prepare("INSERT INTO projects (id, name, name_initials, created_at, updated_at) VALUES ((SELECT min(id) FROM projects), 'x', '', 'x', 'x')").run();
    } catch (err) {
      thrown = err;
    }
    expect(errorCode(thrown)).toMatch(/^SQLITE_CONSTRAINT/);
    expect(errorMessage(thrown)).toMatch(/constraint/i);
    expect(errorCode(new Error('plain'))).toBe('');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('text thrown')).toBe('text thrown');
  });
});

describe('the report bits', () => {
  const COMBINATIONS = [false, true].flatMap((started) => [false, true].map((resumed) => ({ started, resumed })));

  it('are one bit each', () => {
    const masks = Object.values(REPORT_FLAG);
    expect(masks.every((m) => m > 0 && (m & (m - 1)) === 0)).toBe(true);
    expect(masks.reduce((a, m) => a | m, 0)).toBe(masks.reduce((a, m) => a + m, 0));
  });

  it('come back from the SQL as they were written, for every combination, in the month and carried forward', () => {
    const ids = addProjects(COMBINATIONS.map(() => 'new'));
    COMBINATIONS.forEach((c, i) => report(ids[i]!, 3, c.started, c.resumed));
    const inMonth = new Map(reportsOfMonth(db(), 2024, 3).map(([id, flags]) => [id, flags]));
    const carried = new Map(latestReportsBefore(db(), 2024, 5, ids).map(([id, flags, , , month]) => [id, { flags, month }]));
    COMBINATIONS.forEach((c, i) => {
      expect(readReportFlags(inMonth.get(ids[i]!)!)).toEqual({ ...c, reported: false });
      expect(carried.get(ids[i]!)).toEqual({ flags: inMonth.get(ids[i]!), month: 3 });
      // The engine's own bit leaves the report's bits as they were.
      expect(readReportFlags(inMonth.get(ids[i]!)! | REPORT_FLAG.reported)).toEqual({ ...c, reported: true });
    });
  });

  it('reach the engine as written: every combination of started, resumed and reported, for new and continued projects', () => {
    const cases = (['new', 'continued'] as const).flatMap((nature) =>
      COMBINATIONS.flatMap((c) => [false, true].map((reported) => ({ nature, ...c, reported }))),
    );
    const ids = addProjects(cases.map((c) => c.nature));
    // Reported: a report of August itself. Not reported: July's, carried forward to August.
    cases.forEach((c, i) => report(ids[i]!, c.reported ? 8 : 7, c.started, c.resumed));
    const figures = new Map(projectFigures(db(), 2024, 8).map((f) => [f.projectId, f]));
    cases.forEach((c, i) => {
      const f = figures.get(ids[i]!)!;
      expect({ reported: f.reported, startedNew: f.startedNew, resumed: f.resumed, completed: f.completedToDate }).toEqual({
        reported: c.reported,
        startedNew: c.nature === 'new' && c.started,
        resumed: c.nature === 'continued' && c.resumed,
        completed: c.reported ? 80 : 70,
      });
    });
  });
});
