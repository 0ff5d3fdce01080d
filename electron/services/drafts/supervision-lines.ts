/**
 * The bulletin's 督办 line as of the month's last day, in the phrase library's words
 * (supervisionSentence: zero clauses left out), and nothing at all when no notice was sent.
 */
import type { Block } from '../../../shared/drafts';
import { supervisionSentence } from '../../../shared/phrases';
import type { Db } from '../../db/connection';
import { supervisionCounts } from '../supervisions';
import { para, t } from './parts';

export function supervisionParagraph(db: Db, year: number, month: number): Block[] {
  const sentence = supervisionSentence(supervisionCounts(db, year, month));
  return sentence ? [para(t(sentence))] : [];
}
