/** A stored procedure (db/lifecycle.ts) as the shared rules read it (shared/lifecycle.ts). */
import type { ProcedureRecord } from '../../shared/lifecycle';
import type { ProcedureSnapshot } from '../db/lifecycle';

export const recordOf = (s: ProcedureSnapshot): ProcedureRecord => ({
  kindId: s.kind_id,
  plannedDate: s.planned_date,
  obtainedDate: s.obtained_date,
  recordedOn: s.recorded_on,
  documentNumber: s.document_number,
});
