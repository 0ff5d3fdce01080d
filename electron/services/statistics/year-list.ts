/**
 * Each year's list as the engine keeps it in memory (what changes rarely: level, nature,
 * category, district, lead department, leader, tags, the money of the list), read once and kept
 * until migration 0003's triggers move the list version; and the filter's selection from it.
 */
import type { Level, Nature } from '../../../shared/domain';
import type { Money } from '../../../shared/money';
import { DEFAULT_SIZE_BUCKETS, type SizeBucket, type StatsFilter } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { readLists } from '../../db/lists';
import { KIND, listedProjects, listVersion, projectNames, projectTagIds } from '../../db/statistics';

/** A project of a year's list as the engine keeps it in memory (what changes rarely). */
export interface ListedProject {
  id: number;
  level: Level | null;
  nature: Nature | null;
  category: string | null;
  district: string | null;
  leadDepartment: string | null;
  contactLeader: string | null;
  tags: string[];
  totalInvestment: Money;
  annualPlan: Money;
  plannedStartMonth: number | null;
  size: string;
}

export interface YearList {
  /** listVersion when read: the list is re-read once the version has moved. */
  version: number;
  projects: ListedProject[];
  /** Project id → index in `projects`. */
  position: Map<number, number>;
  /** Codes and names, read when first asked for (statistics need none). */
  names?: Map<number, { code: string | null; name: string; responsibleUnit: string | null }>;
}

const yearLists = new WeakMap<Db, Map<number, YearList>>();
const LEVELS: (Level | null)[] = [null, 'province', 'city', 'county'];

export function sizeKey(totalInvestment: number, buckets: readonly SizeBucket[] = DEFAULT_SIZE_BUCKETS): string {
  return (buckets.find((b) => totalInvestment >= b.min) ?? buckets[buckets.length - 1]!).key;
}

/** Year Y's list, from memory while no project, plan, tag or list has changed since it was read. */
export function yearList(db: Db, year: number): YearList {
  const version = listVersion(db);
  let byYear = yearLists.get(db);
  if (!byYear) yearLists.set(db, (byYear = new Map()));
  const kept = byYear.get(year);
  if (kept && kept.version === version) return kept;
  const lists = readLists(db);
  const nameOf = (items: readonly { id: number; name: string }[]) => {
    const names = new Map(items.map((item) => [item.id, item.name]));
    return (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  };
  const category = nameOf(lists.categories);
  const departmentOf = new Map(lists.categories.map((c) => [c.id, c.leadDepartment]));
  const district = nameOf(lists.districts);
  const leader = nameOf(lists.contactLeaders);
  const projects = listedProjects(db, year).map(
    ([id, kind, categoryId, districtId, leadDepartment, leaderId, totalInvestment, annualPlan, plannedStartMonth]): ListedProject => ({
      id,
      level: LEVELS[kind & KIND.levelMask]!,
      nature: kind & KIND.natureNew ? 'new' : kind & KIND.natureContinued ? 'continued' : null,
      category: category(categoryId),
      district: district(districtId),
      leadDepartment: leadDepartment === null ? (categoryId === null ? null : (departmentOf.get(categoryId) ?? null)) : leadDepartment || null,
      contactLeader: leader(leaderId),
      tags: [],
      totalInvestment,
      annualPlan,
      plannedStartMonth,
      size: sizeKey(totalInvestment),
    }),
  );
  const position = new Map(projects.map((p, i) => [p.id, i]));
  // Tags in the order of the tag list (the pairs come in storage order).
  const tagIndex = new Map(lists.tags.map((t, i) => [t.id, i]));
  const tagIndexes = new Map<ListedProject, number[]>();
  for (const [projectId, tagId] of projectTagIds(db)) {
    const i = position.get(projectId);
    if (i === undefined) continue;
    const p = projects[i]!;
    const list = tagIndexes.get(p);
    if (list) list.push(tagIndex.get(tagId)!);
    else tagIndexes.set(p, [tagIndex.get(tagId)!]);
  }
  for (const [p, indexes] of tagIndexes) p.tags = indexes.sort((a, b) => a - b).map((t) => lists.tags[t]!.name);
  const list: YearList = { version, projects, position };
  byYear.set(year, list);
  return list;
}

export function namesOf(db: Db, year: number, list: YearList): Map<number, { code: string | null; name: string; responsibleUnit: string | null }> {
  list.names ??= new Map(projectNames(db, year).map(([id, code, name, responsibleUnit]) => [id, { code, name, responsibleUnit }]));
  return list.names;
}

/** Whether a listed project falls under the filter (each dimension given: one of its values; tags: any). */
function filterTest(filter: StatsFilter): (p: ListedProject) => boolean {
  const set = (values: readonly string[] | undefined) => (values && values.length ? new Set<string | null>(values) : null);
  const levels = set(filter.levels);
  const categories = set(filter.categories);
  const districts = set(filter.districts);
  const departments = set(filter.leadDepartments);
  const leaders = set(filter.contactLeaders);
  const tags = set(filter.tags);
  return (p) =>
    (!levels || levels.has(p.level)) &&
    (!categories || categories.has(p.category)) &&
    (!districts || districts.has(p.district)) &&
    (!departments || departments.has(p.leadDepartment)) &&
    (!leaders || leaders.has(p.contactLeader)) &&
    (!tags || p.tags.some((t) => tags.has(t)));
}

/** The indexes of the listed projects under the filter, in list order. */
export function selectedIndexes(list: YearList, filter: StatsFilter): number[] {
  const test = filterTest(filter);
  const out: number[] = [];
  list.projects.forEach((p, i) => test(p) && out.push(i));
  return out;
}
