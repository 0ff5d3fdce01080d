/**
 * The office's own wording of the drafts: template texts kept in the library (settings), checked
 * when saved so that an unknown field is an error then, never a blank in a draft.
 */
import type { TemplateState } from '../../../shared/api';
import { TEMPLATES, TEMPLATE_BY_KEY, templateProblem } from '../../../shared/drafts';
import { AppError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';

const SETTING = 'drafts.templates';


function stored(db: Db): Record<string, string> {
  return readSetting<Record<string, string>>(db, SETTING) ?? {};
}

/** The text to use for each template: the office's if it is still valid, else the default (and why). */
export function templateTexts(db: Db): { text: (key: string) => string; problems: string[] } {
  const own = stored(db);
  const problems: string[] = [];
  const texts = new Map<string, string>();
  for (const def of TEMPLATES) {
    const mine = own[def.key];
    const problem = mine === undefined ? null : templateProblem(def, mine);
    if (problem) problems.push(`${problem}（本次使用默认模板）`);
    texts.set(def.key, mine !== undefined && !problem ? mine : def.text);
  }
  return { text: (key) => texts.get(key) ?? TEMPLATE_BY_KEY.get(key)!.text, problems };
}

export function listTemplates(ctx: ServiceContext): TemplateState[] {
  const own = stored(requireDb(ctx));
  return TEMPLATES.map((def) => ({ ...def, text: own[def.key] ?? def.text, defaultText: def.text, changed: own[def.key] !== undefined && own[def.key] !== def.text }));
}

export function setTemplate(ctx: ServiceContext, key: string, text: string): TemplateState[] {
  const db = requireDb(ctx, 'write');
  const def = TEMPLATE_BY_KEY.get(key);
  if (!def) throw new AppError('VALIDATION', `没有名为“${key}”的模板`);
  const problem = templateProblem(def, text);
  if (problem) throw new AppError('VALIDATION', problem);
  writeSetting(db, SETTING, { ...stored(db), [key]: text });
  return listTemplates(ctx);
}

/** Back to the default wording: one template, or all of them. */
export function resetTemplates(ctx: ServiceContext, key?: string): TemplateState[] {
  const db = requireDb(ctx, 'write');
  const own = stored(db);
  if (key === undefined) writeSetting(db, SETTING, {});
  else {
    delete own[key];
    writeSetting(db, SETTING, own);
  }
  return listTemplates(ctx);
}
