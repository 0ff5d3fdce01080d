/** 问题清单: the obstacles projects report, closed in a loop (GLOSSARY: 存在问题). */

export const PROBLEM_TYPES = {
  land: '用地',
  funds: '资金',
  environment: '环评',
  energy: '能耗',
  approval: '手续',
  demolition: '拆迁',
  other: '其他',
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export const PROBLEM_STATUS = { open: '未解决', solved: '已解决' } as const;
export type ProblemStatus = keyof typeof PROBLEM_STATUS;

/** An open problem older than this many days is overdue (a setting, this by default). */
export const DEFAULT_OVERDUE_DAYS = 30;

/** One problem as the ledger shows it: the problem and who its project is. */
export interface ProblemRow {
  id: number;
  projectId: number;
  projectName: string;
  district: string | null;
  category: string | null;
  contactLeader: string | null;
  year: number | null;
  type: ProblemType;
  description: string;
  ownerDepartment: string | null;
  raisedDate: string;
  status: ProblemStatus;
  solvedDate: string | null;
  resolution: string | null;
  /** Days open (to today, or to the day it was solved). */
  daysOpen: number;
  overdue: boolean;
}

/** Fields of a problem a user edits in the ledger. */
export const PROBLEM_FIELDS = {
  type: '问题类型',
  description: '问题描述',
  ownerDepartment: '责任部门',
  raisedDate: '提出日期',
  status: '办理状态',
  solvedDate: '解决日期',
  resolution: '解决情况',
} as const;
export type ProblemField = keyof typeof PROBLEM_FIELDS;

export interface ProblemCounts {
  total: number;
  open: number;
  solved: number;
  /** Projects with at least one problem. */
  projects: number;
  overdue: number;
}

/** Counts overall and by project, district, type and responsible department. */
export interface ProblemSummary extends ProblemCounts {
  byType: ({ key: string } & ProblemCounts)[];
  byDistrict: ({ key: string } & ProblemCounts)[];
  byDepartment: ({ key: string } & ProblemCounts)[];
  byProject: ({ key: string; projectId: number } & ProblemCounts)[];
}
