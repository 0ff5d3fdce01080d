/**
 * 材料生成: build a draft from the statistics engine and the office's templates, preview it, and
 * write it as .docx (atomically; through the native save dialog in Electron, as bytes for the
 * browser harness to download).
 */
import { chartShortNames } from '../chart-names';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_FONTS, type Draft, type DraftFonts, type DraftKind } from '../../../shared/drafts';
import type { DraftExport } from '../../../shared/api';
import { AppError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { safeFileName, writeFileAtomically } from '../export/safe-file';
import { requireDb } from '../library';
import { bulletin } from './bulletin';
import type { DraftInput } from './parts';
import { pressConference } from './press-conference';
import { proposalReply } from './proposal-reply';
import { leaderPages } from './leader-pages';
import { supervisionNotice } from './supervision';
import { ledgerReport } from './ledger-report';
import { workSummary } from './work-summary';
import { templateTexts } from './templates';
import { replyCategories } from './reply-categories';
import { monthDb } from '../month-freeze';
import { numberStyle } from '../number-style';

const BUILDERS: Record<DraftKind, (input: DraftInput) => Draft> = {
  'press-conference': pressConference,
  'proposal-reply': proposalReply,
  bulletin,
  'leader-pages': leaderPages,
  supervision: supervisionNotice,
  'ledger-report': ledgerReport,
  'work-summary': workSummary,
};

export interface DraftArgs {
  kind: DraftKind;
  year: number;
  month: number;
  params?: Record<string, string>;
}

/** The draft's blocks and the figures they use, as of now (a draft re-built after an edit shows the new numbers). */
export function buildDraft(ctx: ServiceContext, args: DraftArgs): Draft {
  const library = requireDb(ctx);
  // The office's wording is today's; the figures of a closed month, and the style they are
  // written in (设置 > 口径), are those it was closed with.
  const templates = templateTexts(library);
  const db = monthDb(ctx, library, args.year, args.month);
  const draft = BUILDERS[args.kind]({
    db,
    year: args.year,
    month: args.month,
    params: args.params ?? {},
    today: ctx.now(),
    text: templates.text,
    style: numberStyle(db),
    shortNames: chartShortNames(library),
    replyCategories: replyCategories(library),
  });
  // The figure list is what the text uses, in reading order (a template may leave some of a
  // group's figures out).
  const byId = new Map(draft.figures.map((f) => [f.id, f]));
  const used = new Set(draft.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.runs : b.kind === 'table' ? b.rows.flat(2) : [])).flatMap((r) => (r.figure ? [r.figure] : [])));
  return { ...draft, figures: [...used].map((id) => byId.get(id)!), problems: [...templates.problems, ...draft.problems] };
}

const FONTS_SETTING = 'drafts.fonts';

export function draftFonts(db: Db): DraftFonts {
  return { ...DEFAULT_FONTS, ...(readSetting<Partial<DraftFonts>>(db, FONTS_SETTING) ?? {}) };
}

export function setDraftFonts(ctx: ServiceContext, fonts: Partial<DraftFonts>): DraftFonts {
  const db = requireDb(ctx, 'write');
  const cleaned = Object.fromEntries(Object.entries(fonts).map(([k, v]) => [k, String(v ?? '').trim()]).filter(([, v]) => v));
  writeSetting(db, FONTS_SETTING, { ...(readSetting<Partial<DraftFonts>>(db, FONTS_SETTING) ?? {}), ...cleaned });
  return draftFonts(db);
}

/** The draft as .docx bytes. */
export async function draftDocx(ctx: ServiceContext, args: DraftArgs): Promise<{ draft: Draft; bytes: Buffer }> {
  const draft = buildDraft(ctx, args);
  // The docx library (0.5 MB) and the chart renderer are loaded when a draft is first written.
  const { draftToDocx } = await import('./docx-writer');
  const bytes = await draftToDocx(draft, { assets: ctx.chartAssets, fonts: draftFonts(requireDb(ctx)) });
  return { draft, bytes };
}

/** Write the draft to `target` atomically (a failure leaves any old file as it was). */
const writeBytes = (target: string, bytes: Buffer) => writeFileAtomically(target, async (temp) => fs.writeFileSync(temp, bytes));

/** Save as .docx: where the user chooses in Electron; as bytes for the browser to download in the harness. */
export async function exportDraft(ctx: ServiceContext, args: DraftArgs): Promise<DraftExport> {
  // Built once: its name suggests the file name, its bytes are what is written.
  const { draft, bytes } = await draftDocx(ctx, args);
  const fileName = safeFileName(`${draft.name}.docx`);
  const made = {
    figures: draft.figures.length,
    placeholders: draft.blocks.flatMap((b) => ('runs' in b ? b.runs : [])).filter((r) => r.placeholder).length,
    problems: draft.problems,
  };
  if (ctx.dialogs) {
    const target = await ctx.dialogs.chooseExportPath(fileName);
    if (!target) throw new AppError('CANCELLED', '已取消');
    await writeBytes(target, bytes);
    return { ...made, fileName: path.basename(target), savedTo: target, data: null };
  }
  return { ...made, fileName, savedTo: null, data: bytes.toString('base64') };
}
