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

/** The words that say what a problem is about, by type; 其他 when none appears. */
const PROBLEM_WORDS: readonly (readonly [Exclude<ProblemType, 'other'>, RegExp])[] = [
  ['land', /用地|土地|征地|林地|规划调整|供地|耕地|农转用|用海|海域使用|占补平衡|地块/],
  ['funds', /资金|融资|贷款|专项债|债券|资本金|拨付|拨款|财政/],
  ['environment', /环评|环境影响|环保|排污/],
  ['energy', /能耗|能评|用能|节能审查|能源指标|煤炭指标|碳排放/],
  ['approval', /手续|审批|立项|备案|许可|核准|批复|可研|办证/],
  ['demolition', /拆迁|征收|搬迁|迁改|迁移|安置|腾退/],
];

/**
 * The type of a problem from its words, for a problem a dispatch sheet reports ("用地指标未落实"
 * → 用地). When several types' words appear, the one named first wins: a problem is usually
 * written subject first ("资金不到位导致拆迁滞后" is about 资金). The user can change it afterwards.
 */
export function problemTypeOf(text: string): ProblemType {
  let best: { type: ProblemType; at: number } = { type: 'other', at: Infinity };
  for (const [type, words] of PROBLEM_WORDS) {
    const hit = words.exec(text);
    if (hit && hit.index < best.at) best = { type, at: hit.index };
  }
  return best.type;
}

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
