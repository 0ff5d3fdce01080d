/**
 * The one store of column mappings a user chose, for every import (project lists, 月调度, 台账): kept
 * in the library's settings under the import's kind and the header's signature — its column
 * names in order — so a file laid out the same way next month is read with the same mapping,
 * whoever sends it. Any change of the header is another signature, and nothing is applied.
 */
import type { Db } from '../../db/connection';
import { readSetting, writeSetting } from '../../db/settings';

export type MappingKind = 'projects' | 'progress' | 'ledger';

/** The settings key: `import.projects.mapping:序号|项目名称|…` (the format project lists have always used). */
function key(kind: MappingKind, headers: readonly string[]): string {
  return `import.${kind}.mapping:${headers.join('|')}`;
}

export function rememberedMapping<M extends Record<string, unknown>>(db: Db, kind: MappingKind, headers: readonly string[]): M | undefined {
  return headers.length === 0 ? undefined : readSetting<M>(db, key(kind, headers));
}

export function rememberMapping(db: Db, kind: MappingKind, headers: readonly string[], mapping: Record<string, unknown>): void {
  if (headers.length > 0) writeSetting(db, key(kind, headers), mapping);
}
