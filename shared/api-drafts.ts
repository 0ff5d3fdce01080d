/**
 * The contract's methods of 材料生成: a draft (新闻发布会材料, 提案答复, 通报, 包联, 督办单, 台账
 * report, 年度工作总结 — shared/drafts.ts) built from the statistics engine as blocks and the
 * figures they use, saved as .docx, and the office's templates and fonts. Spread into `api`
 * (shared/api.ts); the builders are electron/services/drafts/.
 */
import { z } from 'zod';
import { DRAFT_KINDS, FONT_KEYS, type Draft, type DraftFonts, type TemplateDef } from './drafts';
import { method, month, none, year, type SavedFile } from './api-schemas';

const fontName = z.string().max(100, '字体名称过长').optional();
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
