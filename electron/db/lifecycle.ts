/**
 * SQL of the life cycle (migration 0009): stages on a year's list, procedure kinds and each
 * project's procedures. Dates are ISO text.
 */
import type { Stage } from '../../shared/domain';
import type { ProcedureKind, ProcedureRole } from '../../shared/lifecycle';
import type { Db } from './connection';
import { query, stmt, tupleQuery, valueQuery } from './statements';

type StageRecord = [projectId: number, stage: Stage | null, previous: Stage | null, changedOn: string | null, hasTarget: number];
const STAGE_RECORDS = tupleQuery<[year: number], StageRecord>(
  `SELECT project_id, stage, previous_stage, stage_changed_on, (coalesce(trim(work_target), '') <> '') FROM year_plans WHERE year = ?`,
);

/** Year Y's list: each project's stage, the stage it came from, the day it changed and whether it has a 年度工作目标. */
export function stageRecordsOfYear(db: Db, year: number): StageRecord[] {
  return STAGE_RECORDS(db).all(year);
}

const KINDS = query<[], Omit<ProcedureKind, 'retired'> & { retired: number }>('SELECT id, name, role, sort_order AS sortOrder, retired FROM procedure_kinds ORDER BY sort_order, id');
const NEXT_KIND_ORDER = valueQuery<[], number>('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM procedure_kinds');
const KIND_USES = valueQuery<[id: number], number>('SELECT count(*) AS n FROM project_procedures WHERE kind_id = ?');

/** Every kind in order, the retired ones too (hidden, their data kept: migration 0010). */
export function procedureKinds(db: Db): ProcedureKind[] {
  return KINDS(db).all().map((r) => ({ ...r, retired: r.retired === 1 }));
}

export function setProcedureKindRetired(db: Db, id: number, retired: boolean): void {
  stmt(db, 'UPDATE procedure_kinds SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
}

/** Put the kinds in the order given (ids), numbered from 1. */
export function orderProcedureKinds(db: Db, ids: readonly number[]): void {
  ids.forEach((id, i) => stmt(db, 'UPDATE procedure_kinds SET sort_order = ? WHERE id = ?').run(i + 1, id));
}

export function insertProcedureKind(db: Db, name: string, role: ProcedureRole | null): number {
  const order = NEXT_KIND_ORDER(db).one();
  return Number(stmt(db, 'INSERT INTO procedure_kinds (name, role, sort_order) VALUES (?, ?, ?)').run(name, role, order).lastInsertRowid);
}

export function updateProcedureKind(db: Db, id: number, name: string, role: ProcedureRole | null): void {
  stmt(db, 'UPDATE procedure_kinds SET name = ?, role = ? WHERE id = ?').run(name, role, id);
}

export function procedureKindInUse(db: Db, id: number): number {
  return KIND_USES(db).one(id);
}

export function deleteProcedureKind(db: Db, id: number): void {
  stmt(db, 'DELETE FROM procedure_kinds WHERE id = ?').run(id);
}

/** One procedure as stored (and as the change log keeps it for undo). */
export interface ProcedureSnapshot {
  project_id: number;
  kind_id: number;
  planned_date: string | null;
  obtained_date: string | null;
  recorded_on: string | null;
  document_number: string | null;
}

const PROCEDURES_OF_YEAR = query<[year: number], ProcedureSnapshot>(
  `SELECT pp.project_id, pp.kind_id, pp.planned_date, pp.obtained_date, pp.recorded_on, pp.document_number
   FROM project_procedures pp JOIN year_plans yp ON yp.project_id = pp.project_id AND yp.year = ?`,
);
const PROCEDURE = query<[projectId: number, kindId: number], ProcedureSnapshot>('SELECT * FROM project_procedures WHERE project_id = ? AND kind_id = ?');

/** The procedures of year Y's projects. */
export function proceduresOfYear(db: Db, year: number): ProcedureSnapshot[] {
  return PROCEDURES_OF_YEAR(db).all(year);
}

export function readProcedure(db: Db, projectId: number, kindId: number): ProcedureSnapshot | null {
  return PROCEDURE(db).get(projectId, kindId) ?? null;
}

/** Write a procedure; one with nothing in it is removed. */
export function writeProcedure(db: Db, p: ProcedureSnapshot): void {
  if (p.planned_date === null && p.obtained_date === null && p.recorded_on === null && p.document_number === null) {
    deleteProcedure(db, p.project_id, p.kind_id);
    return;
  }
  stmt(
    db,
    `INSERT OR REPLACE INTO project_procedures (project_id, kind_id, planned_date, obtained_date, recorded_on, document_number)
     VALUES (@project_id, @kind_id, @planned_date, @obtained_date, @recorded_on, @document_number)`,
  ).run(p);
}

export function deleteProcedure(db: Db, projectId: number, kindId: number): void {
  stmt(db, 'DELETE FROM project_procedures WHERE project_id = ? AND kind_id = ?').run(projectId, kindId);
}

export interface ProcedureProject {
  projectId: number;
  code: string | null;
  name: string;
  startDate: string | null;
}
const PROCEDURE_PROJECTS = query<[year: number], ProcedureProject>(
  `SELECT p.id AS projectId, p.code, p.name, p.start_date AS startDate FROM year_plans yp JOIN projects p ON p.id = yp.project_id
   WHERE yp.year = ? ORDER BY yp.sort_order, p.id`,
);

/** The project fields the procedure grid shows beside the procedures. */
export function procedureProjects(db: Db, year: number): ProcedureProject[] {
  return PROCEDURE_PROJECTS(db).all(year);
}
