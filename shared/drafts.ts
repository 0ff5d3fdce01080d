/**
 * Word drafts (材料生成): what a draft is made of, its parameters, and the templates around its
 * numbers. A draft is built in the main process (electron/services/drafts/) as a list of blocks;
 * the same blocks become the HTML preview in the renderer and the .docx in the main process, so
 * what the writer sees is what Word gets. Every number in a block is a figure: a value of the
 * statistics engine written by the one formatter, with its definition and the projects behind it.
 */
import type { ChartSpec } from './charts';
import type { DrillSource, FigureMeasure } from './drill-down';
import { leaveOutClauses } from './draft-clauses';
import { GROUP_FIELDS } from './draft-fields';
import { TWO_FIGURE_TEMPLATES } from './drafts-two-figures';
import { REPLY_PARAMS } from './drafts-reply';

export { FIELD_LABELS } from './draft-fields';

export const DRAFT_KINDS = ['press-conference', 'proposal-reply', 'bulletin', 'leader-pages', 'supervision', 'ledger-report', 'work-summary'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  'press-conference': '新闻发布会材料',
  'proposal-reply': '提案（建议）答复',
  bulletin: '重点项目建设情况通报',
  'leader-pages': '领导包联项目情况（每人一页）',
  supervision: '重点项目督办单',
  'ledger-report': '行动计划台账季度推进情况',
  'work-summary': '年度工作总结',
};

/** A stretch of text: plain, a figure (by id), or a placeholder the writer must replace. */
export interface Run {
  text: string;
  figure?: string;
  placeholder?: boolean;
  bold?: boolean;
}

export interface TableColumn {
  title: string;
  /** Width in millimetres (WPS ignores a table's width unless every column has one). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** 2号 方正小标宋, centred, a blank line after. */
  | { kind: 'title'; text: string }
  /** Under the title, centred, 楷体 (a date or an issuing line). */
  | { kind: 'subtitle'; text: string }
  /** Flush right above the title (答复类别, 签发人). */
  | { kind: 'mark'; text: string }
  /** 主送: flush left, ending with "：". */
  | { kind: 'addressee'; text: string }
  /** 一、 (黑体), （一） (楷体), 1. (仿宋 bold): indented two characters like the body. */
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; noIndent?: boolean }
  | { kind: 'table'; caption: string; columns: TableColumn[]; rows: Run[][][]; note?: string }
  | { kind: 'chart'; chart: string; caption: string }
  | { kind: 'attachments'; items: string[] }
  /** 发文机关署名 and 成文日期, placed as GB/T 9704 says (7.3.5.2). */
  | { kind: 'signature'; office: string; date: string }
  /** 签发人 (GB/T 9704 7.2.4): flush right one character in, "签发人：" in 仿宋 and the name (its runs) in 楷体. */
  | { kind: 'signer'; runs: Run[] }
  /** A new page headed "附件N" and the attachment's title. */
  | { kind: 'attachment'; number: number; title: string }
  /** What follows starts a new page. */
  | { kind: 'pageBreak' }
  /** 期号 and 发文字号 above the title, centred (the two apart by two full-width spaces). */
  | { kind: 'documentNumber'; text: string }
  /** 版记 (GB/T 9704 7.4): 抄送 and the 印发机关 with the 印发日期, between separator lines. */
  | { kind: 'colophon'; copyTo: string | null; printer: string | null; printDate: string };

/** A number in a draft, and where it comes from. */
export interface Figure {
  id: string;
  /** What it is: "重点项目个数（工业）". */
  label: string;
  /** As written in the draft: "311个", "1246.2亿元", "45.7%". */
  text: string;
  /** Its definition (STATISTICS.md), in Chinese. */
  definition: string;
  /** The projects behind it: year, month, the scope's filter and the conditions of what it counts. */
  source: DrillSource;
  /** What it says of those projects (their count, an amount's sum), or null for a rate, a growth… */
  measure: FigureMeasure;
}

export interface Draft {
  kind: DraftKind;
  /** The suggested file name, without extension. */
  name: string;
  blocks: Block[];
  figures: Figure[];
  charts: ChartSpec[];
  /** Templates that could not be used (an unknown field in a stored template), in Chinese. */
  problems: string[];
  /**
   * 信函格式 (GB/T 9704 10.2): the issuing office's name printed in red 30 mm from the top of the
   * first page over a red double line 170 mm long, a second one 20 mm from the bottom, and no page
   * number on the first page.
   */
  letterhead?: string;
}

/** A parameter of a draft: the dialog's field and the command line's `--set key=value`. */
export interface DraftParam {
  key: string;
  label: string;
  /** 'lines': several lines (speakers: one per line, "姓名|职务|牵头部门"). */
  type: 'text' | 'lines' | 'choice';
  choices?: string[];
  placeholder?: string;
}

const COMMON: DraftParam[] = [
  { key: 'title', label: '标题', type: 'text', placeholder: '留空则按年度和月份生成' },
  { key: 'office', label: '署名机关', type: 'text' },
  { key: 'date', label: '成文日期', type: 'text', placeholder: '如 2024年9月30日；留空为今天' },
];

export const DRAFT_PARAMS: Record<DraftKind, DraftParam[]> = {
  'press-conference': [
    ...COMMON,
    { key: 'host', label: '主持人', type: 'text' },
    { key: 'organizer', label: '主办单位', type: 'text', placeholder: '市政府新闻办' },
    {
      key: 'speakers',
      label: '发布人（每行一位：姓名|职务|牵头部门|称呼，称呼可省略）',
      type: 'lines',
      placeholder: '张宗浩|市发展改革委党组书记、主任|发展改革委',
    },
    { key: 'media', label: '参会媒体', type: 'text', placeholder: '上级媒体、网站驻威新闻机构，威海市新闻媒体，威海发布等' },
    { key: 'focusTags', label: '发布词重点方面（标签，逗号分隔）', type: 'text', placeholder: '留空则按十强产业、先进制造业、新能源、涉海、七网、民生（清单中有的）' },
    { key: 'contactUnit', label: '会后联系单位', type: 'text', placeholder: '市发展改革委重点科' },
    { key: 'contactPhone', label: '会后联系电话', type: 'text', placeholder: '5208106' },
  ],
  'proposal-reply': [...COMMON, ...REPLY_PARAMS],
  bulletin: [
    ...COMMON.map((p) => (p.key === 'date' ? { ...p, placeholder: '如 2024年9月5日；留空为当月关账或报送的日期' } : p)),
    { key: 'addressee', label: '主送机关', type: 'text', placeholder: '各区市人民政府，市有关部门' },
    { key: 'issueNumber', label: '期号', type: 'text', placeholder: '如 第8期（留空不印）' },
    { key: 'documentNumber', label: '发文字号', type: 'text', placeholder: '如 威发改〔2024〕12号（留空不印）' },
    { key: 'copyTo', label: '抄送', type: 'text', placeholder: '如 市委办公室，市政府办公室（留空不印版记）' },
    { key: 'printer', label: '印发机关', type: 'text', placeholder: '如 威海市发展和改革委员会办公室' },
    { key: 'printDate', label: '印发日期', type: 'text', placeholder: '留空同成文日期' },
  ],
  'leader-pages': [
    { key: 'leader', label: '包联领导', type: 'text', placeholder: '留空则每位领导一页' },
    { key: 'office', label: '编制单位', type: 'text' },
    { key: 'date', label: '日期', type: 'text', placeholder: '留空为今天' },
  ],
  'ledger-report': [
    { key: 'plan', label: '行动计划', type: 'text', placeholder: '台账中的行动计划名称' },
    { key: 'quarter', label: '季度', type: 'choice', choices: ['一', '二', '三', '四'] },
    { key: 'title', label: '标题', type: 'text', placeholder: '留空则按计划和季度生成' },
    { key: 'office', label: '署名机关', type: 'text' },
    { key: 'date', label: '成文日期', type: 'text', placeholder: '留空为今天' },
  ],
  'work-summary': [...COMMON],
  supervision: [
    { key: 'supervisionId', label: '督办记录', type: 'text', placeholder: '从督办页生成时自动填写' },
    { key: 'projectName', label: '项目名称', type: 'text', placeholder: '督办的项目（从问题清单生成时自动填写）' },
    { key: 'problemId', label: '问题编号', type: 'text', placeholder: '从问题清单生成时自动填写' },
    { key: 'addressee', label: '主送单位', type: 'text', placeholder: '留空则为问题的责任部门' },
    { key: 'deadline', label: '办理时限', type: 'text', placeholder: '如 2024年10月15日' },
    { key: 'office', label: '督办单位', type: 'text' },
    { key: 'date', label: '日期', type: 'text', placeholder: '留空为今天' },
  ],
};

/** The fonts of the official layout (a setting: offices have 仿宋_GB2312 or FangSong, and so on). */
export interface DraftFonts {
  body: string;
  title: string;
  heading1: string;
  heading2: string;
  pageNumber: string;
  latin: string;
}

export const FONT_KEYS = ['body', 'title', 'heading1', 'heading2', 'pageNumber', 'latin'] as const satisfies readonly (keyof DraftFonts)[];

export const FONT_LABELS: Record<keyof DraftFonts, string> = {
  body: '正文（仿宋）',
  title: '标题（小标宋）',
  heading1: '一级标题（黑体）',
  heading2: '二级标题（楷体）',
  pageNumber: '页码（宋体）',
  latin: '数字和西文',
};

export const DEFAULT_FONTS: DraftFonts = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/**
 * The sentences around the numbers, by key: the office may rewrite them (设置 in 材料生成), using
 * the fields listed for each; `{field}` is replaced by the figure's text.
 */
export interface TemplateDef {
  key: string;
  /** Where it is used: "发布词·总体情况". */
  label: string;
  /** The fields it may use (see FIELD_LABELS). */
  fields: readonly string[];
  text: string;
}

export const TEMPLATES: readonly TemplateDef[] = [
  {
    key: 'press.overall',
    label: '发布词·总体情况',
    fields: GROUP_FIELDS,
    text: '{year}年，全市共确定省市县三级重点项目{projects}个，总投资{totalInvestment}，年度计划投资{annualPlan}，与去年相比，{growthList}，重点项目建设保持良好发展势头。',
  },
  {
    key: 'press.management',
    label: '发布词·分级分类管理',
    fields: [...GROUP_FIELDS, 'leaders', 'provinceCityProjects', 'countyProjects', 'categoryCount', 'categoryList', 'departmentList'],
    text:
      '在项目服务上，{provinceCityProjects}个省市重点项目，由{leaders}位市级领导联系分包；{countyProjects}个县级重点项目，由所在区市领导联系分包。' +
      '在项目推进上，将{projects}个项目分为{categoryList}{categoryCount}个大类，分别由{departmentList}等{categoryCount}个部门牵头，分类保障推进。',
  },
  {
    key: 'press.category',
    label: '答记者问·类别情况',
    fields: [...GROUP_FIELDS, 'sizeList', 'tagList'],
    text:
      '{year}年，{scope}重点项目计划实施{projects}个，总投资{totalInvestment}，年度计划投资{annualPlan}，{annualPlanChange}。' +
      '其中，新建项目{newProjects}个，占比{newShare}；续建项目{continuedProjects}个，占比{continuedShare}。{sizeList}{tagList}' +
      '截至{month}月底，{startClause}；累计完成投资{completed}，占年度计划投资的{completionRate}。',
  },
  {
    key: 'reply.overall',
    label: '答复·重点建设项目情况',
    fields: GROUP_FIELDS,
    text:
      '今年安排{scope}重点建设项目{projects}项，总投资{totalInvestment}，年计划投资{annualPlan}。{period}，完成投资{completed}，投资完成率{completionRate}；' +
      '已开工{startedNew}项，开工率{newStartRate}；已复工{resumed}项，复工率{resumeRate}。',
  },
  {
    key: 'reply.province',
    label: '答复·省重点项目情况',
    fields: GROUP_FIELDS,
    text:
      '今年列入{scope}重点建设项目{projects}项，总投资{totalInvestment}，年计划投资{annualPlan}。{period}，完成投资{completed}，投资完成率{completionRate}；' +
      '已开工{startedNew}项，开工率{newStartRate}；已复工{resumed}项，复工率{resumeRate}。',
  },
  {
    key: 'reply.problems',
    label: '答复·问题解决情况',
    fields: ['year', 'period', 'month', 'problems', 'solvedProblems', 'openProblems', 'problemProjects'],
    text: '截至{month}月底，{problemProjects}个项目需解决问题{problems}个，已解决{solvedProblems}个。',
  },
  {
    key: 'bulletin.overall',
    label: '通报·总体情况',
    fields: GROUP_FIELDS,
    text:
      '{year}年全市共安排重点项目{projects}个，总投资{totalInvestment}，年度计划投资{annualPlan}。{period}，累计完成投资{completed}，投资完成率{completionRate}，' +
      '{progressGap}；完成投资同比{completedGrowth}。{startClause}。{warningClause}，未报送{unreported}个。',
  },
  {
    key: 'bulletin.districts',
    label: '通报·区市推进情况',
    fields: ['year', 'period', 'month', 'best', 'worst', 'timeProgress'],
    text: '从各区市看，投资完成率居前三位的是{best}；居后三位的是{worst}。',
  },
  {
    key: 'bulletin.problems',
    label: '通报·问题情况',
    fields: ['year', 'period', 'month', 'problems', 'solvedProblems', 'openProblems', 'problemProjects', 'problemTypes'],
    text: '截至{month}月底，{problemProjects}个项目共反映问题{problems}个，已解决{solvedProblems}个，尚未解决{openProblems}个。{problemTypes}',
  },
  ...TWO_FIGURE_TEMPLATES,
];

export const TEMPLATE_BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));

/** The fields a template text uses, in order; throws a Chinese message for a malformed brace. */
export function templateFields(text: string): string[] {
  const fields: string[] = [];
  const re = /\{([^{}]*)\}|[{}]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === undefined) throw new Error(`第${m.index + 1}个字符处的“${m[0]}”不成对`);
    fields.push(m[1].trim());
  }
  return fields;
}

/** Why a template text cannot be saved, or null: unknown fields are errors, never blanks in a draft. */
export function templateProblem(def: TemplateDef, text: string): string | null {
  if (text.length > 5000) return '模板过长（最多5000字）';
  let fields: string[];
  try {
    fields = templateFields(text);
  } catch (e) {
    return `模板“${def.label}”${(e as Error).message}`;
  }
  const unknown = fields.filter((f) => !def.fields.includes(f));
  if (unknown.length) return `模板“${def.label}”中的字段${unknown.map((f) => `{${f}}`).join('、')}不存在；可用字段：${def.fields.map((f) => `{${f}}`).join('、')}`;
  return null;
}

/** Fields that are counts (of projects, problems, leaders): a zero one's clause is left out; the counting word the template writes after them follows the office's (设置 > 口径). */
export const COUNT_FIELDS: ReadonlySet<string> = new Set([
  'projects', 'newProjects', 'continuedProjects', 'started', 'startedNew', 'resumed', 'unreported', 'red', 'yellow', 'previousProjects',
  'problems', 'solvedProblems', 'openProblems', 'problemProjects', 'provinceCityProjects', 'countyProjects', 'dueToStart', 'startedDue', 'leaders', 'categoryCount',
]);

/** A figure's text that is an amount or a rate of zero: "0万元", "0.00亿元", "0%". */
const ZERO_AMOUNT = /^0(?:\.0+)?(?:万元|亿元|元|亩|%)$/;

/**
 * The template's text with each {field} replaced by its runs (a figure keeps its id). With a
 * `countWord`, the 个/项/宗 a template writes right after a count field becomes that word, so the
 * office's own templates follow its style too ("{projects}项" prints "896个" when it counts in 个).
 */
export function fillTemplate(text: string, values: Record<string, Run[]>, countWord: string | null = null): Run[] {
  const runs: Run[] = [];
  // A count that is zero, or a field with nothing to say (LEAVE_OUT), takes its clause with it.
  const leftOut = new Set<Run>();
  let last = 0;
  const re = /\{([^{}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    const field = m[1]!.trim();
    const value = values[field] ?? [{ text: `【缺少数据：${m[1]}】`, placeholder: true }];
    const said = value.map((r) => r.text).join('');
    // "—" is a rate without a denominator: it says nothing either; nor does an amount or a rate
    // of zero ("总投资0万元" of a list without amounts, "开工率0%" beside the count left out).
    const marker = value === LEAVE_OUT || said === '—' || ZERO_AMOUNT.test(said) || (COUNT_FIELDS.has(field) && said === '0') ? { text: '' } : null;
    if (marker) leftOut.add(marker);
    runs.push(...(marker ? [marker] : value));
    last = m.index + m[0].length;
    if (countWord && COUNT_FIELDS.has(field) && /^[个项宗]/.test(text.slice(last))) {
      runs.push({ text: countWord });
      last += 1;
    }
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return leaveOutClauses(runs, leftOut);
}

/** A field's value that says nothing here (no 同比 without last year's list): its clause is left out. */
export const LEAVE_OUT: Run[] = [];

/** A visible placeholder for what the database cannot know. */
export function placeholder(what: string): Run {
  return { text: `【请补充：${what}】`, placeholder: true };
}
