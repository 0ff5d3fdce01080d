/**
 * How a value typed by a user becomes a stored value, and how one field is written. Shared by edits,
 * pastes and undo/redo, so every path checks and writes a field the same way.
 */
import { fieldDisplayText, isProjectField, parseFieldInput, type FieldValue, type ProjectField } from '../../shared/fields';
import type { MoneyUnit } from '../../shared/money';
import { AppError } from '../../shared/result';
import type { Db } from '../db/connection';
import { categoryById, contactLeaderName, districtName, ensureContactLeader, ensureTags, findCategory, findDistrictId, tagNames } from '../db/lists';
import { projectIdByCode, readField, writeField, writeTagIds, type StorageValue } from '../db/projects';
import type { ChangeRecord } from '../db/changes';
import type { ProblemSnapshot, ReportSnapshot } from '../db/progress';
import { PLAN_SPLIT_FIELD, PROBLEM_FIELD, PROCEDURE_FIELD, REPORT_FIELD, SUPERVISION_FIELD } from './history-fields';
import { splitDisplayText, type PlanSplitSnapshot } from './import/project-plan-split';
import { supervisionDates, type SupervisionSnapshot } from '../db/supervisions';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, supervisionStatus, SUPERVISION_STATUS, type SupervisionForm, type SupervisionLevel } from '../../shared/supervision';
import { nameInitials } from './pinyin';

export function requireField(field: string): ProjectField {
  if (!isProjectField(field)) throw new AppError('INVALID_ARGUMENT', `没有名为“${field}”的字段`);
  return field;
}

/**
 * Validate a typed value for one field of one project and turn it into its storage value. Must run
 * inside the transaction that writes it: a new contact leader or tag is added to its list here.
 */
export function resolveInput(db: Db, projectId: number, year: number, field: ProjectField, input: unknown, unit: MoneyUnit): StorageValue {
  const parsed = parseFieldInput(field, input, { unit });
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.message, { projectId, field });
  return toStorage(db, projectId, year, field, parsed.value);
}

/**
 * List names resolved to ids, remembered for one action: a bulk import resolves 20,000 rows
 * against a dozen districts and categories, and each lookup saved is a statement not run.
 */
export class ListLookup {
  private readonly districts = new Map<string, number | undefined>();
  private readonly categories = new Map<string, { id: number; leadDepartment: string } | undefined>();
  private readonly leaders = new Map<string, number>();
  private readonly tags = new Map<string, number>();

  constructor(private readonly db: Db) {}

  districtId(name: string): number | undefined {
    if (!this.districts.has(name)) this.districts.set(name, findDistrictId(this.db, name));
    return this.districts.get(name);
  }

  category(name: string): { id: number; leadDepartment: string } | undefined {
    if (!this.categories.has(name)) this.categories.set(name, findCategory(this.db, name));
    return this.categories.get(name);
  }

  /** Adds the leader if new. */
  leaderId(name: string): number {
    let id = this.leaders.get(name);
    if (id === undefined) this.leaders.set(name, (id = ensureContactLeader(this.db, name)));
    return id;
  }

  /** Adds tags that are new. */
  tagIds(names: readonly string[]): number[] {
    return names.map((name) => {
      let id = this.tags.get(name);
      if (id === undefined) this.tags.set(name, (id = ensureTags(this.db, [name])[0]!));
      return id;
    });
  }
}

/**
 * A parsed value (what parseFieldInput returns: names for lists, 元 for money, codes for enums) as
 * stored: names resolved against the library's lists, uniqueness and order of years checked.
 */
export function toStorage(
  db: Db,
  projectId: number,
  year: number,
  field: ProjectField,
  value: FieldValue,
  lookup: ListLookup = new ListLookup(db),
): StorageValue {
  if (value === null) return null;
  switch (field) {
    case 'district': {
      const id = lookup.districtId(String(value));
      if (id === undefined) throw new AppError('VALIDATION', `所在区市“${value}”不在区市列表中，请先在“设置 > 区市”中添加`, { projectId, field });
      return id;
    }
    case 'category': {
      const found = lookup.category(String(value));
      if (!found) throw new AppError('VALIDATION', `项目类别“${value}”不在类别列表中，请先在“设置 > 项目类别”中添加`, { projectId, field });
      return found.id;
    }
    case 'contactLeader':
      return lookup.leaderId(String(value));
    case 'tags':
      return lookup.tagIds(value as string[]).sort((a, b) => a - b);
    case 'code': {
      const other = projectIdByCode(db, String(value));
      if (other !== undefined && other !== projectId) throw new AppError('CONFLICT', `项目编号“${value}”已被其他项目使用`, { projectId, field });
      return String(value);
    }
    case 'startYear':
    case 'endYear': {
      const other = readField(db, projectId, year, field === 'startYear' ? 'endYear' : 'startYear');
      const [start, end] = field === 'startYear' ? [value as number, other as number | null] : [other as number | null, value as number];
      if (start !== null && end !== null && start > end) {
        throw new AppError('VALIDATION', `开工年份（${start}）不能晚于竣工年份（${end}）`, { projectId, field });
      }
      return value as number;
    }
    default:
      return value as string | number;
  }
}

function sameValue(a: StorageValue, b: StorageValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Write one field's storage value (no logging). */
export function writeStorage(db: Db, projectId: number, year: number, field: ProjectField, value: StorageValue, at: string): void {
  if (field === 'tags') writeTagIds(db, projectId, (value as number[] | null) ?? [], at);
  else if (field === 'name') writeField(db, projectId, year, field, value as string, at, nameInitials(String(value)));
  else writeField(db, projectId, year, field, value as string | number | null, at);
}

/**
 * Set a field and return the change records to log (none if nothing changed). Changing the category
 * also moves the lead department along when it was the old category's default.
 */
export function applyField(db: Db, projectId: number, year: number, field: ProjectField, value: StorageValue, at: string): ChangeRecord[] {
  const old = readField(db, projectId, year, field);
  if (sameValue(old, value)) return [];
  writeStorage(db, projectId, year, field, value, at);
  const records: ChangeRecord[] = [{ projectId, year, op: 'update', field, oldValue: old, newValue: value }];
  if (field === 'stage') records.push(...stageMoved(db, projectId, year, old, at));
  if (field === 'category') {
    const lead = readField(db, projectId, year, 'leadDepartment');
    const oldDefault = typeof old === 'number' ? categoryById(db, old)?.leadDepartment : undefined;
    const newDefault = typeof value === 'number' ? categoryById(db, value)?.leadDepartment : undefined;
    if (newDefault && (lead === null || lead === '' || lead === oldDefault) && lead !== newDefault) {
      writeStorage(db, projectId, year, 'leadDepartment', newDefault, at);
      records.push({ projectId, year, op: 'update', field: 'leadDepartment', oldValue: lead, newValue: newDefault });
    }
  }
  return records;
}

/**
 * A stage changed on a year's list: the stage it came from and today's date are kept with it (the
 * user may correct the date), so conversions 储备→前期→开工 count as of the day they happened. Logged
 * with the change, so undo puts both back.
 */
function stageMoved(db: Db, projectId: number, year: number, old: StorageValue, at: string): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const [field, value] of [['previousStage', old], ['stageChangedOn', at.slice(0, 10)]] as const) {
    const before = readField(db, projectId, year, field);
    if (sameValue(before, value)) continue;
    writeStorage(db, projectId, year, field, value, at);
    records.push({ projectId, year, op: 'update', field, oldValue: before, newValue: value });
  }
  return records;
}

/** A stored value as a person reads it, for the change history. */
export function storageDisplayText(db: Db, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field === REPORT_FIELD) {
    const r = value as ReportSnapshot;
    return `${r.month}月调度：累计完成投资${fieldDisplayText('annualPlan', r.completed_to_date)}万元${r.started || r.resumed ? '，已开复工' : ''}${r.in_statistics ? '，已纳统' : ''}`;
  }
  if (field === PROBLEM_FIELD) return `问题：${(value as ProblemSnapshot).description}`;
  if (field === PLAN_SPLIT_FIELD) return splitDisplayText(value as PlanSplitSnapshot);
  if (field === SUPERVISION_FIELD) {
    const s = value as SupervisionSnapshot;
    return `${SUPERVISION_LEVELS[s.level as SupervisionLevel]}${SUPERVISION_FORMS[s.form as SupervisionForm]}${s.number}：${SUPERVISION_STATUS[supervisionStatus(supervisionDates(s))]}`;
  }
  if (field === PROCEDURE_FIELD) {
    const p = value as { planned_date: string | null; obtained_date: string | null; recorded_on: string | null; document_number: string | null };
    return `前期手续：${p.recorded_on ? `已办${p.obtained_date ? `（${p.obtained_date}）` : ''}` : '未办'}${p.planned_date ? `，计划${p.planned_date}` : ''}${p.document_number ? `，${p.document_number}` : ''}`;
  }
  if (!isProjectField(field)) return String(value);
  switch (field) {
    case 'district':
      return districtName(db, value as number) ?? `#${value}`;
    case 'category':
      return categoryById(db, value as number)?.name ?? `#${value}`;
    case 'contactLeader':
      return contactLeaderName(db, value as number) ?? `#${value}`;
    case 'tags':
      return tagNames(db, value as number[]).join('、');
    case 'totalInvestment':
    case 'annualPlan':
      return `${fieldDisplayText(field, value, '万元')}万元`;
    default:
      return fieldDisplayText(field, value);
  }
}
