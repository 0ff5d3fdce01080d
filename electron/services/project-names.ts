/**
 * Projects told apart by name as people mean it (width, spaces and zero-width characters ignored):
 * the one rule the importer matches rows by and 新增项目 refuses a duplicate by, so a name that
 * import would take for an existing project can never be added as a second one.
 */
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import { getProjectRow, latestRowOfProject, listPosition, projectIdentities, yearsOfProject } from '../db/projects';
import { normaliseName } from './import/project-columns';

/** Every project of the library by its normalised name (a name may, from old data, name several). */
export function projectsByName(identities: readonly { id: number; name: string }[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (const p of identities) {
    const key = normaliseName(p.name);
    byName.set(key, [...(byName.get(key) ?? []), p.id]);
  }
  return byName;
}

/**
 * Refuse a new project whose name the library already holds, naming the existing row: on this
 * year's list with its line number, or the years it was listed in (a continuing project is carried
 * over with 复制到下一年, which keeps its history).
 */
export function assertNewProjectName(db: Db, name: string, year: number): void {
  const ids = projectsByName(projectIdentities(db)).get(normaliseName(name));
  if (!ids?.length) return;
  const id = ids[0]!;
  const onList = getProjectRow(db, id, year);
  if (onList) {
    const place = [onList.district, onList.code && `项目编号${onList.code}`].filter(Boolean).join('，');
    throw new AppError('CONFLICT', `${year}年清单第${listPosition(db, id, year)}行已有“${onList.name}”${place ? `（${place}）` : ''}，不能重复新增；导入时同名的行也会更新这个项目`, { projectId: id, field: 'name' });
  }
  const years = yearsOfProject(db, id);
  const latest = latestRowOfProject(db, id);
  throw new AppError(
    'CONFLICT',
    `项目库中已有“${latest?.name ?? name}”（${years.join('、')}年清单），不能重复新增；如为续建项目，请在${years[years.length - 1]}年清单中勾选它，用“复制到${years[years.length - 1]! + 1}年”加入`,
    { projectId: id, field: 'name' },
  );
}
