/**
 * The contract's methods of 材料生成: a draft (新闻发布会材料, 提案答复, 通报, 包联, 督办单, 台账
 * report, 年度工作总结 — shared/drafts.ts) built from the statistics engine as blocks and the
 * figures they use, saved as .docx, and the office's templates, fonts and 办复类别 (the replies'
 * answer categories, 设置 > 办复类别). Spread into `api`
 * (shared/api.ts); the builders are electron/services/drafts/.
 */
import * as z from 'zod';
import { DRAFT_KINDS, FONT_KEYS, type Draft, type DraftFonts, type TemplateDef } from './drafts';
import { method, month, none, year, type SavedFile } from './api-schemas';
import type { ReplyCategory } from './drafts-reply';

const fontName = z.string().max(100, '字体名称过长').optional();
const replyCategory = z
  .object({
    code: z.string().min(1, '请填写办复类别代号').max(8, '办复类别代号过长'),
    definition: z.string().min(1, '请填写办复类别的含义').max(200, '办复类别的含义过长，最多200字'),
  })
  .strict();
const draftArgs = z
  .object({ kind: z.enum(DRAFT_KINDS), year, month, params: z.record(z.string().max(100), z.string().max(5000)).optional() })
  .strict();

export const draftsApi = {
  /** 材料生成: a draft's blocks and the figures they use, built now from the statistics engine (the preview). */
  'drafts.build': method(draftArgs).returns<Draft>(),
  /** Save a draft as .docx: through the save dialog in Electron (written atomically), as bytes in the browser. */
  'drafts.export': method(draftArgs).returns<DraftExport>(),
  /** The drafts' templates: the office's text, the default, and the fields each may use. */
  'drafts.templates': method(none).returns<TemplateState[]>(),
  /** Change a template; an unknown field or an unpaired brace is refused with a message. */
  'drafts.setTemplate': method(z.object({ key: z.string().max(100), text: z.string().max(5000, '模板过长（最多5000字）') }).strict()).returns<TemplateState[]>(),
  /** Back to the default wording: one template (key) or all. */
  'drafts.resetTemplates': method(z.object({ key: z.string().max(100).optional() }).strict()).returns<TemplateState[]>(),
  /** The fonts of the drafts (offices have 仿宋_GB2312 or 仿宋, and so on). */
  'drafts.fonts': method(none).returns<DraftFonts>(),
  /** Change some of the fonts (a font not given keeps its saved name); returns them all. */
  'drafts.setFonts': method(
    z.object({ body: fontName, title: fontName, heading1: fontName, heading2: fontName, pageNumber: fontName, latin: fontName } satisfies Record<(typeof FONT_KEYS)[number], unknown>).strict(),
  ).returns<DraftFonts>(),
  /** The office's 办复类别 (A–D, 甲乙丙 or its own), each with its definition; the default A–D until changed. */
  'drafts.replyCategories': method(none).returns<ReplyCategory[]>(),
  /** Replace the scheme; a missing code or definition, or a code twice, is refused with the reason. */
  'drafts.setReplyCategories': method(z.object({ categories: z.array(replyCategory).min(1, '请至少设置一个办复类别').max(12, '办复类别最多12个') }).strict()).returns<ReplyCategory[]>(),
} as const;

/** A saved draft: where it went (or its bytes), and what a writer still has to do with it. */
export interface DraftExport extends SavedFile {
  /** Figures taken from the statistics, and 【请补充：…】 placeholders left to fill. */
  figures: number;
  placeholders: number;
  /** Templates that could not be used (Draft.problems). */
  problems: string[];
}

export interface TemplateState extends TemplateDef {
  defaultText: string;
  changed: boolean;
}
