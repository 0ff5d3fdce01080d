/**
 * The contract's methods of 项目库: one year's list of key projects as the grid shows and edits
 * it — list, one project's detail, a cell changed, add, remove, copy to next year, and a block
 * pasted from Excel or WPS. Every write is its own transaction and one undoable step
 * (api-history.ts). Spread into `api` (shared/api.ts); importing and exporting lists is api-import.ts.
 */
import * as z from 'zod';
import type { ProjectDetail, ProjectRow, ProjectTable } from './domain';
import { id, method, moneyUnit, year } from './api-schemas';

const cellInput = z.union([z.string().max(50_000, '内容过长'), z.number(), z.null()]);
const ids = z.array(id).min(1, '请先选择项目').max(100_000);

export const projectsApi = {
  /** Every project on year Y's list, one row each, as a compact table (see rowsFromTable). */
  'projects.list': method(z.object({ year }).strict()).returns<ProjectTable>(),
  /** One project on a year's list with all fields, the years it is listed in and its change history. */
  'projects.get': method(z.object({ projectId: id, year }).strict()).returns<ProjectDetail>(),
  /**
   * Change one field of one project on a year's list. `value` is what the user typed; money is read
   * in `unit`. Validated, committed in its own transaction, logged for undo; returns the saved row.
   */
  'projects.update': method(
    z.object({ projectId: id, year, field: z.string().max(64), value: cellInput, unit: moneyUnit }).strict(),
  ).returns<ProjectRow>(),
  /** Add a new project to year Y's list (name required); returns its row. */
  'projects.add': method(z.object({ year, name: z.string().max(200) }).strict()).returns<ProjectRow>(),
  /** Take projects off year Y's list (undoable). The project and its other years stay. */
  'projects.remove': method(z.object({ year, projectIds: ids }).strict()).returns<{ removed: number }>(),
  /**
   * Put continuing projects of year Y on year Y+1's list as 续建 (annual plan left empty). Projects
   * whose 竣工年份 is before Y+1, or that are already on Y+1's list, are skipped and counted.
   */
  'projects.copyToNextYear': method(z.object({ year, projectIds: ids }).strict()).returns<{
    copied: number;
    skippedFinished: number;
    skippedPresent: number;
  }>(),
  /**
   * Paste a block of cells (as copied from Excel or WPS) onto the grid: `projectIds` are the rows
   * and `fields` the columns it lands on. Every cell is validated first; if any is refused nothing is
   * written and the errors are returned. Otherwise all cells are written as one undoable change.
   */
  'projects.paste': method(
    z
      .object({
        year,
        projectIds: ids,
        fields: z.array(z.string().max(64)).min(1).max(100),
        cells: z.array(z.array(z.string().max(50_000))).max(100_000),
        unit: moneyUnit,
      })
      .strict(),
  ).returns<PasteOutcome>(),
} as const;

export interface PasteOutcome {
  /** Cells written (0 when any cell was refused). */
  written: number;
  /** Every refused cell with its position in the pasted block (1-based) and the reason. */
  errors: { row: number; column: number; field: string; message: string }[];
}
