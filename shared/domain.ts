/**
 * Domain types and their Chinese labels, named as in ../shared/domain/GLOSSARY.md.
 * Code uses the English names; users see the labels.
 */
import type { Money } from './money';

export const LEVEL_LABELS = { province: '省重点', city: '市重点', county: '县重点' } as const;
export type Level = keyof typeof LEVEL_LABELS;

export const NATURE_LABELS = { new: '新建', continued: '续建' } as const;
export type Nature = keyof typeof NATURE_LABELS;

export const STAGE_LABELS = {
  reserve: '储备',
  preparation: '前期',
  construction: '在建',
  completed: '竣工',
  production: '投产',
} as const;
export type Stage = keyof typeof STAGE_LABELS;

/** One project as it stands on one year's list: the project's own fields and that year's plan. */
export interface ProjectRow {
  projectId: number;
  year: number;
  code: string | null;
  name: string;
  /** Pinyin initials of the name ("hdxf" for 海堤修复), for quick search. */
  nameInitials: string;
  district: string | null;
  ownerUnit: string | null;
  scope: string | null;
  level: Level | null;
  category: string | null;
  leadDepartment: string | null;
  nature: Nature | null;
  startYear: number | null;
  endYear: number | null;
  plannedStartMonth: number | null;
  startDate: string | null;
  /** The stage on this year's list (储备 … 投产). */
  stage: Stage | null;
  /** The stage it came from, and the day it changed (conversions count these). */
  previousStage: Stage | null;
  stageChangedOn: string | null;
  /** 年度工作目标: what a 前期 project is to achieve this year, in place of an investment plan. */
  workTarget: string | null;
  totalInvestment: Money | null;
  annualPlan: Money | null;
  contactLeader: string | null;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  phone: string | null;
  tags: string[];
}

/** The columns of a ProjectTable, in order. */
export const PROJECT_ROW_KEYS = [
  'projectId', 'year', 'code', 'name', 'nameInitials', 'district', 'ownerUnit', 'scope', 'level', 'category',
  'leadDepartment', 'nature', 'startYear', 'endYear', 'plannedStartMonth', 'startDate', 'stage', 'previousStage', 'stageChangedOn', 'workTarget', 'totalInvestment',
  'annualPlan', 'contactLeader', 'responsibleUnit', 'responsiblePerson', 'phone', 'tags',
] as const satisfies readonly (keyof ProjectRow)[];

/**
 * A year's list as a table: one array per project, values in PROJECT_ROW_KEYS order, tags joined
 * with "、". Half the size of an array of objects, which is what makes 20,000 projects reach a
 * painted grid in time (the key names were most of the bytes).
 */
export interface ProjectTable {
  keys: typeof PROJECT_ROW_KEYS;
  rows: unknown[][];
}

/** Turn a ProjectTable back into rows. */
export function rowsFromTable(table: ProjectTable): ProjectRow[] {
  const keys = table.keys;
  const tagsAt = keys.indexOf('tags');
  return table.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
    const tags = values[tagsAt] as string | null;
    row.tags = tags ? tags.split('、') : [];
    return row as unknown as ProjectRow;
  });
}

export interface Category {
  id: number;
  name: string;
  leadDepartment: string;
}

/** The editable lists a library keeps, and the years that have a list. */
export interface Lists {
  categories: Category[];
  districts: { id: number; name: string }[];
  tags: { id: number; name: string }[];
  contactLeaders: { id: number; name: string; title: string | null }[];
  years: number[];
}

/** GLOSSARY.md defaults for a new library: six categories, each with its lead department. */
export const DEFAULT_CATEGORIES: readonly Omit<Category, 'id'>[] = [
  { name: '基础设施及公共服务', leadDepartment: '发展改革委' },
  { name: '科技创新', leadDepartment: '科技局' },
  { name: '工业', leadDepartment: '工业和信息化局' },
  { name: '城建', leadDepartment: '住房城乡建设局' },
  { name: '乡村振兴', leadDepartment: '农业农村局' },
  { name: '海洋产业', leadDepartment: '海洋发展局' },
];

export const DEFAULT_TAGS: readonly string[] = [
  '十强产业',
  '先进制造业',
  '新质生产力',
  '涉海',
  '七网基础设施',
  '民生',
  '智改数转',
  '产业链',
  '新能源及绿色化',
];

/** One change of one field, as the change log keeps it. */
export interface ChangeEntry {
  id: number;
  changeSetId: number;
  at: string;
  label: string;
  /** `done`, `undone` (by 撤销) or `discarded` (undone and then replaced by a newer edit). */
  state: 'done' | 'undone' | 'discarded';
  projectId: number;
  year: number | null;
  op: 'update' | 'insert' | 'delete';
  field: string | null;
  oldText: string;
  newText: string;
}

export interface ProjectDetail {
  row: ProjectRow;
  /** Years whose list the project is on. */
  years: number[];
  history: ChangeEntry[];
}

export interface LibraryInfo {
  path: string;
  readOnly: boolean;
  /** Why the library is read-only, in Chinese, when it is. */
  readOnlyReason: string | null;
  schemaVersion: number;
  years: number[];
  /** Set when the file is on a network file system (NFS, SMB/CIFS, a Windows share): a warning. */
  networkShare: NetworkShare | null;
}

/** A library on a network share: SQLite's locking is unsafe there (electron/services/network-share.ts). */
export interface NetworkShare {
  /** The file system: NFS4, CIFS, SMBFS, Windows 共享（SMB）… */
  kind: string;
  /** The share: server:/export, //server/share, \\server\share. */
  where: string;
  /** The warning for the user, in Chinese, naming localCopyFolder. */
  warning: string;
  /** Where library.openLocalCopy puts the copy. */
  localCopyFolder: string;
}

/** A backup of the open library (备份与恢复). */
export interface BackupInfo {
  name: string;
  path: string;
  /** When it was made, "YYYY-MM-DD HH:MM:SS" on the user's clock. */
  at: string;
  /** Why it was made, as its file name begins: 导入前, 定时, 手动, 恢复前, 迁移前. */
  reason: string;
  /** What it preceded, in words: "导入 荣成市8月调度 之前", "恢复 … 的备份之前", "迁移到第10版之前", "手动备份". */
  label: string;
  /** The folder it is in, in full. */
  folder: string;
  size: number;
  /** Made automatically (rotated) rather than on request (kept). */
  automatic: boolean;
}

export interface HistoryState {
  undoLabel: string | null;
  redoLabel: string | null;
}

/** The last day of month M of year Y as YYYY-MM-DD: what "截至M月底" means. */
export function monthEndDate(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
}
