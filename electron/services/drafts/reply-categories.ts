/**
 * 设置 > 办复类别: the office's scheme of answer categories (A–D, 甲乙丙 or its own), each with its
 * definition. Kept in the library's settings and read today (like the templates), not frozen with
 * a closed month: it is wording, not a figure.
 */
import { DEFAULT_REPLY_CATEGORIES, replyCategoriesProblem, type ReplyCategory } from '../../../shared/drafts-reply';
import { AppError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';

const SETTING = 'drafts.replyCategories';

export function replyCategories(db: Db): ReplyCategory[] {
  const saved = readSetting<ReplyCategory[]>(db, SETTING);
  return Array.isArray(saved) && saved.length > 0 && replyCategoriesProblem(saved) === null ? saved : DEFAULT_REPLY_CATEGORIES;
}

/** Replace the scheme; refused with the reason (no code, a code twice, no definition). */
export function setReplyCategories(ctx: ServiceContext, list: ReplyCategory[]): ReplyCategory[] {
  const db = requireDb(ctx, 'write');
  const cleaned = list.map((c) => ({ code: c.code.trim(), definition: c.definition.trim() }));
  const problem = replyCategoriesProblem(cleaned);
  if (problem) throw new AppError('VALIDATION', problem);
  writeSetting(db, SETTING, cleaned);
  return replyCategories(db);
}
