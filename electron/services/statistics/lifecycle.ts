/**
 * Stages and conversions (储备→前期→开工) in the statistics, overall and by every breakdown of the
 * engine. The projects, their attributes, the filter and their completed investment come from the
 * engine itself (projectFigures), so a stage count covers exactly the projects a 统计 figure does.
 */
import { conversionsOf, emptyStageCounts, monthEndDate, stageAt, type KeyedStageCounts, type StageCounts, type StageRecord, type StageStatistics } from '../../../shared/lifecycle';
import { sumMoney } from '../../../shared/money';
import type { ProjectFigures, StatsFilter } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { stageRecordsOfYear } from '../../db/lifecycle';
import { readLists } from '../../db/lists';
import { projectFigures } from './engine';

interface StagedProject extends StageRecord {
  hasTarget: boolean;
}

/** Add one project to a group's counts as of `asOf`. */
function addTo(c: StageCounts, r: StagedProject, f: ProjectFigures, year: number, asOf: string): void {
  c.projects++;
  const now = stageAt(r, asOf);
  if (now) c.stages[now]++;
  const atStart = stageAt(r, `${year - 1}-12-31`);
  if (atStart === 'reserve') c.reserveAtStart++;
  if (atStart === 'preparation') c.preparationAtStart++;
  const conv = conversionsOf(r, year, asOf);
  if (conv.reserveToPreparation) c.reserveToPreparation++;
  if (conv.preparationToStart) {
    c.preparationToStart++;
    c.preparationToStartCompleted = sumMoney([c.preparationToStartCompleted, f.completedToDate]);
  }
  if (now === 'preparation' && r.hasTarget) c.workTargets++;
}

class Groups {
  private readonly groups = new Map<string, StageCounts>();
  constructor(order: readonly string[] = []) {
    for (const k of order) this.groups.set(k, emptyStageCounts());
  }
  get(key: string | null): StageCounts | null {
    if (key === null) return null;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = emptyStageCounts()));
    return g;
  }
  list(): KeyedStageCounts[] {
    return [...this.groups].map(([key, c]) => ({ key, ...c }));
  }
}

/** Each listed project's stage record, by project id. */
export function stageRecords(db: Db, year: number): Map<number, StagedProject> {
  return new Map(
    stageRecordsOfYear(db, year).map(([id, stage, previousStage, stageChangedOn, hasTarget]) => [id, { stage, previousStage, stageChangedOn, hasTarget: hasTarget === 1 }]),
  );
}

/** Stage counts and conversions of year Y's list as of the end of month M. */
export function stageStatistics(db: Db, year: number, month: number, filter: StatsFilter = {}): StageStatistics {
  const asOf = monthEndDate(year, month);
  const records = stageRecords(db, year);
  const lists = readLists(db);
  const overall = emptyStageCounts();
  const byLevel = new Groups(['province', 'city', 'county']);
  const byCategory = new Groups(lists.categories.map((c) => c.name));
  const byDistrict = new Groups(lists.districts.map((d) => d.name));
  const byLeadDepartment = new Groups();
  const byContactLeader = new Groups();
  const byTag = new Groups(lists.tags.map((t) => t.name));
  const none: StagedProject = { stage: null, previousStage: null, stageChangedOn: null, hasTarget: false };
  for (const f of projectFigures(db, year, month, filter)) {
    const r = records.get(f.projectId) ?? none;
    const groups = [overall, byLevel.get(f.level), byCategory.get(f.category), byDistrict.get(f.district), byLeadDepartment.get(f.leadDepartment), byContactLeader.get(f.contactLeader), ...f.tags.map((t) => byTag.get(t))];
    for (const g of groups) if (g) addTo(g, r, f, year, asOf);
  }
  return {
    year,
    month,
    asOf,
    overall,
    byLevel: byLevel.list(),
    byCategory: byCategory.list(),
    byDistrict: byDistrict.list(),
    byLeadDepartment: byLeadDepartment.list(),
    byContactLeader: byContactLeader.list(),
    byTag: byTag.list(),
  };
}

/** Projects of year Y's list converted to a start (前期→开工) by the end of month M: 提前开工. */
export function convertedToStart(db: Db, year: number, month: number, filter: StatsFilter = {}): ProjectFigures[] {
  const asOf = monthEndDate(year, month);
  const records = stageRecords(db, year);
  return projectFigures(db, year, month, filter).filter((f) => {
    const r = records.get(f.projectId);
    return r !== undefined && conversionsOf(r, year, asOf).preparationToStart;
  });
}
