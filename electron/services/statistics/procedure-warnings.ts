/**
 * What the procedure warning rule (warning-rules.ts) looks at: each listed project's most overdue
 * 前期手续 at the end of month M — its planned date passed, not obtained by then — and how many
 * more it has overdue. Retired kinds are left out (hidden with their data, 设置). Read afresh for
 * every month's figures: procedures change without the list's version moving.
 */
import { daysBetween, monthEndDate, procedureStatus } from '../../../shared/lifecycle';
import type { Db } from '../../db/connection';
import { procedureKinds, proceduresOfYear } from '../../db/lifecycle';
import { recordOf } from '../procedure-record';

export interface OverdueFact {
  kind: string;
  plannedDate: string;
  days: number;
  /** Other procedures of the project overdue at the same month end. */
  others: number;
}

export function overdueProcedures(db: Db, year: number, month: number): Map<number, OverdueFact> {
  const out = new Map<number, OverdueFact & { order: number }>();
  if (month < 1) return out;
  const asOf = monthEndDate(year, month);
  const kinds = new Map(procedureKinds(db).filter((k) => !k.retired).map((k) => [k.id, k]));
  for (const s of proceduresOfYear(db, year)) {
    const kind = kinds.get(s.kind_id);
    const r = recordOf(s);
    if (!kind || r.plannedDate === null || procedureStatus(r, asOf) !== 'overdue') continue;
    const fact = { kind: kind.name, plannedDate: r.plannedDate, days: daysBetween(r.plannedDate, asOf), others: 0, order: kind.sortOrder };
    const kept = out.get(s.project_id);
    // The most overdue names the warning; on a tie, the kind first in the list.
    if (!kept) out.set(s.project_id, fact);
    else if (fact.days > kept.days || (fact.days === kept.days && fact.order < kept.order)) out.set(s.project_id, { ...fact, others: kept.others + 1 });
    else kept.others++;
  }
  return out;
}
