/**
 * A project's life cycle (issue 19): its stage on each year's list (储备 → 前期 → 在建 → 竣工 → 投产)
 * with the day it changed, the preparatory procedures (前期手续) that gate a start, and what the
 * engine counts of them as of a month end. Pure: dates are ISO text (YYYY-MM-DD), compared as text.
 */
import { monthEndDate, type Stage } from './domain';

export { monthEndDate };
import { money, type Money } from './money';

export const STAGE_ORDER: readonly Stage[] = ['reserve', 'preparation', 'construction', 'completed', 'production'];

/** Stages at which a project has started (开工). */
const STARTED_STAGES: ReadonlySet<Stage> = new Set(['construction', 'completed', 'production']);
export const hasStarted = (stage: Stage | null): boolean => stage !== null && STARTED_STAGES.has(stage);


/** A project's stage on a year's list and where it came from, as stored. */
export interface StageRecord {
  stage: Stage | null;
  previousStage: Stage | null;
  stageChangedOn: string | null;
}

/** The stage on the list as of a day: before the change, the stage it came from. */
export function stageAt(r: StageRecord, date: string): Stage | null {
  return r.stageChangedOn !== null && r.stageChangedOn > date ? r.previousStage : r.stage;
}

/** Which conversions a stage change of year Y by `date` is: 储备→前期 (or further), 前期→开工 (from 储备 or 前期 to a started stage). */
export function conversionsOf(r: StageRecord, year: number, date: string): { reserveToPreparation: boolean; preparationToStart: boolean } {
  const within = r.stageChangedOn !== null && r.stageChangedOn >= `${year}-01-01` && r.stageChangedOn <= date;
  const forward = within && r.stage !== null && r.previousStage !== null && STAGE_ORDER.indexOf(r.stage) > STAGE_ORDER.indexOf(r.previousStage);
  return {
    reserveToPreparation: forward && r.previousStage === 'reserve',
    preparationToStart: forward && (r.previousStage === 'reserve' || r.previousStage === 'preparation') && hasStarted(r.stage),
  };
}

/** A group's stage counts as of a month end. */
export interface StageCounts {
  /** Projects on the list (under the filter). */
  projects: number;
  /** By stage as of the month end; a project without a stage counts in none. */
  stages: Record<Stage, number>;
  /** At the year's start: the populations the conversions are rates of. */
  reserveAtStart: number;
  preparationAtStart: number;
  /** Stage changes of the year by the month end. 前期→开工 is 提前开工 for a 前期 list. */
  reserveToPreparation: number;
  preparationToStart: number;
  /** Completed investment this year of the projects converted to a start (元). */
  preparationToStartCompleted: Money;
  /** 前期 projects (as of the month end) with a 年度工作目标. */
  workTargets: number;
}

export interface KeyedStageCounts extends StageCounts {
  key: string;
}

/** Stage counts and conversions for year Y as of month M, overall and by every breakdown of the statistics. */
export interface StageStatistics {
  year: number;
  month: number;
  asOf: string;
  overall: StageCounts;
  byLevel: KeyedStageCounts[];
  byCategory: KeyedStageCounts[];
  byDistrict: KeyedStageCounts[];
  byLeadDepartment: KeyedStageCounts[];
  byContactLeader: KeyedStageCounts[];
  byTag: KeyedStageCounts[];
}

export function emptyStageCounts(): StageCounts {
  return {
    projects: 0,
    stages: { reserve: 0, preparation: 0, construction: 0, completed: 0, production: 0 },
    reserveAtStart: 0,
    preparationAtStart: 0,
    reserveToPreparation: 0,
    preparationToStart: 0,
    preparationToStartCompleted: money(0),
    workTargets: 0,
  };
}

// ——— Preparatory procedures (前期手续) ———

/** What the offices' sentences count a kind as: "其中立项、备案N个，施工许可证N个". */
export type ProcedureRole = 'approval' | 'constructionPermit';

export interface ProcedureKind {
  id: number;
  name: string;
  role: ProcedureRole | null;
  sortOrder: number;
  /** Retired (设置): hidden from the grid, the wall chart, the counts and the warnings; its data kept. */
  retired: boolean;
}

/** One procedure of one project, as stored. */
export interface ProcedureRecord {
  kindId: number;
  plannedDate: string | null;
  /** The day it was obtained, when known. */
  obtainedDate: string | null;
  /** The day it was recorded as obtained (null: not obtained). */
  recordedOn: string | null;
  documentNumber: string | null;
}

/** done: obtained by the day; overdue: planned date passed, not obtained; due: planned, still ahead; none: no plan. */
export type ProcedureStatus = 'done' | 'due' | 'overdue' | 'none';

export const PROCEDURE_STATUS_LABELS: Record<ProcedureStatus, string> = { done: '已办', due: '待办', overdue: '逾期', none: '未计划' };

/** The day a procedure counts as obtained from: its date, else the day it was recorded so. */
export function obtainedOn(p: ProcedureRecord): string | null {
  return p.recordedOn === null ? null : (p.obtainedDate ?? p.recordedOn);
}

/** A procedure's status as of a day (a procedure obtained after it is not yet done). */
export function procedureStatus(p: ProcedureRecord, date: string): ProcedureStatus {
  const on = obtainedOn(p);
  if (on !== null && on <= date) return 'done';
  if (p.plannedDate === null) return 'none';
  return p.plannedDate < date ? 'overdue' : 'due';
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A project with its procedures, as the grid and the wall chart show it. */
export interface ProcedureRow {
  projectId: number;
  code: string | null;
  name: string;
  district: string | null;
  category: string | null;
  stage: Stage | null;
  plannedStartMonth: number | null;
  startDate: string | null;
  /** By kind id. */
  procedures: Record<number, ProcedureRecord & { status: ProcedureStatus }>;
}

/** An overdue procedure: the warning it raises, with its colour by how late. */
export interface OverdueProcedure {
  projectId: number;
  name: string;
  district: string | null;
  kind: string;
  plannedDate: string;
  daysOverdue: number;
  /** Red from the warning rule's red days (设置 > 预警规则, 30 by default), else yellow. */
  warning: 'red' | 'yellow';
  reason: string;
}

export function overdueReason(kind: string, plannedDate: string, days: number): string {
  return `${kind}计划${plannedDate}办结，已逾期${days}天未取得`;
}

/** "取得手续N个，其中立项、备案N个，施工许可证N个" and 提前开工, as of a month end. */
export interface ProcedureCounts {
  year: number;
  month: number;
  asOf: string;
  /** Projects of the list counted (under the filter). */
  projects: number;
  /** Procedures obtained in year Y by the month end (before the year: not counted as this year's work). */
  obtained: number;
  approval: number;
  constructionPermit: number;
  /** By kind, in the list's order. */
  byKind: { kindId: number; name: string; obtained: number; overdue: number }[];
  /** Obtained procedures whose date is not known (counted from the day recorded). */
  undated: number;
  overdue: number;
  /** Projects with at least one overdue procedure. */
  overdueProjects: number;
  /** 提前开工: 前期 projects converted to a start this year by the month end, and their completed investment. */
  earlyStarts: number;
  earlyStartCompleted: Money;
}
