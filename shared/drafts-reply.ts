/**
 * 提案（建议）答复 of every kind (REAL-DOCUMENTS.md "Replies"; DOCUMENTS.md): 政协提案 or 人大建议,
 * 答复 or 答复函, from the 主办 or a 协办 unit, to one member or "×××等N名代表"; the office's
 * 办复类别 scheme (A–D or 甲乙丙, definitions kept in 设置); 抄送; the 信函格式; and the public
 * version, which drops the contact details.
 */
/** A parameter as shared/drafts.ts's DraftParam (which lists these), written here without importing it (no import cycle). */
interface Param {
  key: string;
  label: string;
  type: 'text' | 'lines' | 'choice';
  choices?: string[];
  placeholder?: string;
}

/** One 办复类别 of the office's scheme: its code as printed ("A", "甲") and what it means. */
export interface ReplyCategory {
  code: string;
  definition: string;
}

/** The schemes offices use; 设置 starts from one and may change every definition. */
export const REPLY_CATEGORY_PRESETS: Record<'A-D' | '甲乙丙', ReplyCategory[]> = {
  'A-D': [
    { code: 'A', definition: '所提问题已经解决或基本解决' },
    { code: 'B', definition: '所提问题正在解决或已列入计划逐步解决' },
    { code: 'C', definition: '所提问题因条件限制留作参考' },
    { code: 'D', definition: '所提问题因政策等原因难以解决，已作解释说明' },
  ],
  甲乙丙: [
    { code: '甲', definition: '所提问题已经解决或采纳' },
    { code: '乙', definition: '所提问题正在解决或列入计划解决' },
    { code: '丙', definition: '所提问题因条件限制暂不能解决，留作参考' },
  ],
};
export const DEFAULT_REPLY_CATEGORIES: ReplyCategory[] = REPLY_CATEGORY_PRESETS['A-D'];

/** Why a scheme cannot be saved, or null: codes short, distinct, each with its definition. */
export function replyCategoriesProblem(list: ReplyCategory[]): string | null {
  if (list.length === 0) return '请至少设置一个办复类别';
  const seen = new Set<string>();
  for (const [i, c] of list.entries()) {
    const code = c.code.trim();
    if (!code) return `第${i + 1}个办复类别缺少代号`;
    if ([...code].length > 4) return `办复类别代号“${code}”过长（最多4个字）`;
    if (!c.definition.trim()) return `办复类别“${code}”缺少含义`;
    if (seen.has(code)) return `办复类别代号“${code}”重复`;
    seen.add(code);
  }
  return null;
}

export const REPLY_PARAMS: Param[] = [
  { key: 'proposalKind', label: '类型', type: 'choice', choices: ['政协提案', '人大建议'] },
  { key: 'replyForm', label: '文种', type: 'choice', choices: ['答复', '答复函'] },
  { key: 'role', label: '办理方式', type: 'choice', choices: ['主办', '协办'] },
  // The choices on screen are the office's scheme (设置 > 办复类别); these are the default's.
  { key: 'answerCategory', label: '办复类别', type: 'choice', choices: DEFAULT_REPLY_CATEGORIES.map((c) => c.code) },
  { key: 'signer', label: '签发人', type: 'text' },
  { key: 'session', label: '会议', type: 'text', placeholder: '市政协十四届三次会议' },
  { key: 'proposalNumber', label: '提案（建议）号', type: 'text' },
  { key: 'proposalTitle', label: '提案（建议）题目', type: 'text', placeholder: '关于加快推进重点项目建设的提案' },
  { key: 'addressee', label: '提案人（领衔代表）', type: 'text' },
  { key: 'coProposers', label: '提出人数（多人联名时）', type: 'text', placeholder: '如 5；一人提出留空' },
  { key: 'consulted', label: '会商单位（主办时）', type: 'text', placeholder: '市自然资源和规划局、市住房城乡建设局' },
  { key: 'leadUnit', label: '主办单位（协办时）', type: 'text', placeholder: '市住房城乡建设局' },
  { key: 'contactUnit', label: '联系单位', type: 'text', placeholder: '市发展改革委重点项目科' },
  { key: 'contact', label: '联系人', type: 'text' },
  { key: 'phone', label: '联系电话', type: 'text' },
  { key: 'copyTo', label: '抄送', type: 'text', placeholder: '市政府督查室，市政协提案委' },
  { key: 'closingTopic', label: '结束语中感谢关心的工作', type: 'text', placeholder: '全市重点项目建设工作' },
  { key: 'letterFormat', label: '信函格式', type: 'choice', choices: ['否', '是'] },
  { key: 'letterhead', label: '发文机关标志（信函格式）', type: 'text', placeholder: '留空则为署名机关' },
  { key: 'version', label: '版本', type: 'choice', choices: ['报送版', '公开版'] },
];

/** What the reply's parameters say, read once (defaults: 政协提案, 答复, 主办, one proposer, 报送版). */
export interface ReplyKind {
  suggestion: boolean;
  /** 提案 or 建议. */
  noun: string;
  /** 委员 or 代表. */
  member: string;
  letter: boolean;
  form: '答复' | '答复函';
  assisting: boolean;
  /** Proposers when several signed it ("王媛等5名代表"), else null. */
  proposers: number | null;
  public: boolean;
}

export function replyKind(params: Record<string, string>): ReplyKind {
  const suggestion = params.proposalKind?.trim() === '人大建议';
  const n = Number((params.coProposers ?? '').trim());
  return {
    suggestion,
    noun: suggestion ? '建议' : '提案',
    member: suggestion ? '代表' : '委员',
    letter: params.letterFormat?.trim() === '是',
    form: params.replyForm?.trim() === '答复函' ? '答复函' : '答复',
    assisting: params.role?.trim() === '协办',
    proposers: Number.isInteger(n) && n > 1 ? n : null,
    public: params.version?.trim() === '公开版',
  };
}
