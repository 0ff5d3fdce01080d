/**
 * Drill-down: the projects behind a number (shared/drill-down.ts), decided by the same rules the
 * number came from — the engine's figures of each project at month M (colour, reported, started),
 * the size buckets, and problems as problemCounts counts them — so a figure's drill-down has
 * exactly as many projects as the figure counts.
 */
import type { ChartDimension } from '../../../shared/charts';
import type { DrillCondition } from '../../../shared/drill-down';
import type { ProjectFigures, StatsFilter } from '../../../shared/statistics';
import type { Db } from '../../db/connection';
import { projectsWithProblems } from '../../db/progress';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { projectFigures } from './engine';
import { sizeKey } from './year-list';

export interface DrillArgs {
  year: number;
  month: number;
  filter?: StatsFilter;
  /** A chart's dimension and the clicked key (absent or 'all': none). */
  dimension?: ChartDimension | 'all';
  key?: string;
  /** Further conditions, all of which must hold. */
  where?: DrillCondition[];
}

const startedOf = (f: ProjectFigures) => f.startedNew || f.resumed;

/** Whether a project meets one condition (its value of the dimension is one of the keys). */
function conditionTest(db: Db, year: number, month: number, c: DrillCondition): (f: ProjectFigures) => boolean {
  const keys = new Set(c.keys);
  switch (c.dimension) {
    case 'district':
      return (f) => f.district !== null && keys.has(f.district);
    case 'category':
      return (f) => f.category !== null && keys.has(f.category);
    case 'level':
      return (f) => f.level !== null && keys.has(f.level);
    case 'size':
      return (f) => keys.has(sizeKey(f.totalInvestment));
    case 'warning':
      return (f) => keys.has(f.warning);
    case 'nature':
      // The nature chart's second ring names started / notStarted under the same dimension.
      return (f) => (f.nature !== null && keys.has(f.nature)) || keys.has(startedOf(f) ? 'started' : 'notStarted');
    case 'started':
      return (f) => keys.has(startedOf(f) ? 'started' : 'notStarted');
    case 'reported':
      return (f) => keys.has(f.reported ? 'reported' : 'unreported');
    case 'project':
      return (f) => keys.has(String(f.projectId));
    case 'problems': {
      const ids = new Set<number>();
      for (const which of ['any', 'open', 'solved'] as const) if (keys.has(which)) for (const id of projectsWithProblems(db, year, month, which)) ids.add(id);
      return (f) => ids.has(f.projectId);
    }
  }
}

/** The projects of year Y's list (filtered) at month M that meet the chart's key and every condition, in list order. */
export function projectsBehind(ctx: ServiceContext, args: DrillArgs): ProjectFigures[] {
  const db = requireDb(ctx);
  const conditions = [...(args.dimension && args.dimension !== 'all' ? [{ dimension: args.dimension, keys: [args.key ?? ''] }] : []), ...(args.where ?? [])];
  const tests = conditions.map((c) => conditionTest(db, args.year, args.month, c));
  return projectFigures(db, args.year, args.month, args.filter ?? {}).filter((f) => tests.every((t) => t(f)));
}
