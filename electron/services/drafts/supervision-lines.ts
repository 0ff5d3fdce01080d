/**
 * The bulletin's 督办 line: "本月下发督办单N份、预警通知书N份（红色N份、黄色N份），已反馈N份，逾期未反馈N份。" as of the
 * month's last day, with every zero clause left out, and nothing at all when no notice was sent.
 */
import type { Block } from '../../../shared/drafts';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, type SupervisionForm, type SupervisionLevel } from '../../../shared/supervision';
import type { Db } from '../../db/connection';
import { supervisionCounts } from '../supervisions';
import { para, t } from './parts';

export function supervisionParagraph(db: Db, year: number, month: number): Block[] {
  const c = supervisionCounts(db, year, month);
  if (c.issued === 0 && c.overdue === 0) return [];
  const levels = (['red', 'yellow', 'blue'] as SupervisionLevel[]).filter((l) => c.byLevel[l] > 0);
  const clauses: string[] = [];
  if (c.issued > 0) {
    const forms = (['supervision', 'notice'] as SupervisionForm[]).filter((f) => c.byForm[f] > 0).map((f) => `${SUPERVISION_FORMS[f]}${c.byForm[f]}份`);
    const split = levels.map((l) => `${SUPERVISION_LEVELS[l]}${c.byLevel[l]}份`).join('、');
    clauses.push(`本月下发${forms.join('、')}（${split}）`);
    clauses.push(c.answered === c.issued ? '均已书面反馈' : c.answered > 0 ? `已反馈${c.answered}份` : '尚未收到反馈');
  }
  if (c.overdue > 0) clauses.push(`逾期未反馈${c.overdue}份，请相关单位抓紧办理`);
  return [para(t(`${clauses.join('，')}。`))];
}
