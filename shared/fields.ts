/**
 * The fields of a project on a year's list: their Chinese labels, what kind of value each holds,
 * and how text typed or pasted by a user becomes a value. The grid, the paste handler, the detail
 * panel, the change log and the services all read these definitions, so a value is checked the
 * same way wherever it comes from.
 */
import { LEVEL_LABELS, NATURE_LABELS, STAGE_LABELS, type ProjectRow } from './domain';
import { parseMoney, normaliseNumberText, type MoneyUnit } from './money';
import { formatMoneyCell } from './format';

export type FieldKind = 'text' | 'longText' | 'money' | 'year' | 'month' | 'date' | 'enum' | 'list' | 'tags';

/** The fields a user may edit. */
export type ProjectField = Exclude<keyof ProjectRow, 'projectId' | 'year' | 'nameInitials'>;

export interface FieldDef {
  key: ProjectField;
  label: string;
  kind: FieldKind;
  /** `project`: the project's own fields, the same every year; `yearPlan`: that year's list only. */
  scope: 'project' | 'yearPlan';
  required?: boolean;
  /** For `enum`: code → label. */
  options?: Record<string, string>;
  /** For `list`: which editable list the value must come from. */
  list?: 'districts' | 'categories';
  maxLength?: number;
}

const TEXT = 200;

/** Every editable field, in the order of the grid's columns. */
export const PROJECT_FIELDS: readonly FieldDef[] = [
  { key: 'code', label: '项目编号', kind: 'text', scope: 'project', maxLength: 64 },
  { key: 'name', label: '项目名称', kind: 'text', scope: 'project', required: true, maxLength: TEXT },
  { key: 'level', label: '项目级别', kind: 'enum', scope: 'yearPlan', options: LEVEL_LABELS },
  { key: 'category', label: '项目类别', kind: 'list', scope: 'yearPlan', list: 'categories' },
  { key: 'leadDepartment', label: '牵头部门', kind: 'text', scope: 'yearPlan', maxLength: TEXT },
  { key: 'district', label: '所在区市', kind: 'list', scope: 'project', list: 'districts' },
  { key: 'ownerUnit', label: '建设单位', kind: 'text', scope: 'project', maxLength: TEXT },
  { key: 'nature', label: '建设性质', kind: 'enum', scope: 'yearPlan', options: NATURE_LABELS },
  { key: 'startYear', label: '开工年份', kind: 'year', scope: 'project' },
  { key: 'endYear', label: '竣工年份', kind: 'year', scope: 'project' },
  { key: 'totalInvestment', label: '总投资', kind: 'money', scope: 'project' },
  { key: 'annualPlan', label: '年度计划投资', kind: 'money', scope: 'yearPlan' },
  { key: 'plannedStartMonth', label: '计划开工月份', kind: 'month', scope: 'yearPlan' },
  { key: 'startDate', label: '实际开工时间', kind: 'date', scope: 'project' },
  { key: 'stage', label: '项目阶段', kind: 'enum', scope: 'yearPlan', options: STAGE_LABELS },
  { key: 'previousStage', label: '上一阶段', kind: 'enum', scope: 'yearPlan', options: STAGE_LABELS },
  { key: 'stageChangedOn', label: '阶段变更日期', kind: 'date', scope: 'yearPlan' },
  { key: 'workTarget', label: '年度工作目标', kind: 'longText', scope: 'yearPlan', maxLength: 2000 },
  { key: 'scope', label: '建设内容及规模', kind: 'longText', scope: 'project', maxLength: 5000 },
  { key: 'contactLeader', label: '包联领导', kind: 'text', scope: 'project', maxLength: 64 },
  { key: 'responsibleUnit', label: '责任单位', kind: 'text', scope: 'project', maxLength: TEXT },
  { key: 'responsiblePerson', label: '责任人', kind: 'text', scope: 'project', maxLength: 64 },
  { key: 'phone', label: '联系电话', kind: 'text', scope: 'project', maxLength: 64 },
  { key: 'tags', label: '行业/领域标签', kind: 'tags', scope: 'project' },
];

export const FIELD_BY_KEY: Readonly<Record<ProjectField, FieldDef>> = Object.fromEntries(
  PROJECT_FIELDS.map((f) => [f.key, f]),
) as Record<ProjectField, FieldDef>;

export function isProjectField(key: string): key is ProjectField {
  return Object.prototype.hasOwnProperty.call(FIELD_BY_KEY, key);
}

/** A field's value in a row, typed loosely: what parseFieldInput returns. */
export type FieldValue = string | number | string[] | null;

export type ParseResult = { ok: true; value: FieldValue } | { ok: false; message: string };

/** Synonyms people write for the enum values, besides the labels themselves. */
const ENUM_SYNONYMS: Record<string, Record<string, string>> = {
  level: { 省级: 'province', 省: 'province', 省级重点: 'province', 市级: 'city', 市: 'city', 市级重点: 'city', 县级: 'county', 县: 'county', 县级重点: 'county', 区级: 'county', 区市级: 'county' },
  nature: { 新开工: 'new', 续建项目: 'continued', 新建项目: 'new' },
  stage: { 前期工作: 'preparation', 在建项目: 'construction', 已竣工: 'completed', 已投产: 'production' },
};

/** Characters that have no place in a cell: C0 controls (but tab and line breaks), U+FFFE/U+FFFF, zero-width spaces. */
// eslint-disable-next-line no-control-regex
const ILLEGAL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\u200b-\u200d\ufeff]/g;

/** Anything cleanText would change: most cells have none, and are returned as they are. */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f\ufffe\uffff\u200b-\u200d\ufeff]|^\s|\s$/;

export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(ILLEGAL_CHARS, '').replace(/\r\n?/g, '\n').trim();
}

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2025-03-21", "2025/3/21", "2025.3.21", "2025年3月21日" → "2025-03-21". */
export function parseDateText(text: string): string | null {
  const t = normaliseNumberText(text);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface ParseOptions {
  /** The unit money is typed in (the grid's 万元/亿元 switch). */
  unit: MoneyUnit;
}

/**
 * Turn what a user typed or pasted into a field's value, or a Chinese message saying why not.
 * Empty input clears the field (except a required one). List fields (区市, 类别) are returned as
 * the typed name; the service checks the name against the library's lists.
 */
/** An enum field's codes by label (the first code where two share a label), made once per field. */
const CODE_BY_LABEL = new Map<FieldDef, Map<string, string>>();
function enumCodeByLabel(def: FieldDef): Map<string, string> {
  let byLabel = CODE_BY_LABEL.get(def);
  if (!byLabel) {
    byLabel = new Map();
    for (const [code, label] of Object.entries(def.options!)) if (!byLabel.has(label)) byLabel.set(label, code);
    CODE_BY_LABEL.set(def, byLabel);
  }
  return byLabel;
}

export function parseFieldInput(field: ProjectField, input: unknown, options: ParseOptions): ParseResult {
  const def = FIELD_BY_KEY[field];
  if (input !== null && typeof input !== 'string' && typeof input !== 'number' && !Array.isArray(input)) {
    return { ok: false, message: `${def.label}的值无效` };
  }
  if (def.kind === 'money' && typeof input === 'number') {
    const r = parseMoney(input, options.unit);
    return r.ok ? r : { ok: false, message: `${def.label}：${r.message}` };
  }
  const text = input === null ? '' : Array.isArray(input) ? input.join('、') : cleanText(String(input));
  if (text === '') {
    if (def.required) return { ok: false, message: `${def.label}不能为空` };
    return { ok: true, value: def.kind === 'tags' ? [] : null };
  }
  if (def.maxLength && text.length > def.maxLength) {
    return { ok: false, message: `${def.label}过长（${text.length}字），最多${def.maxLength}字` };
  }
  switch (def.kind) {
    case 'text':
      return { ok: true, value: text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text };
    case 'longText':
    case 'list':
      return { ok: true, value: text };
    case 'money': {
      const r = parseMoney(text, options.unit);
      return r.ok ? r : { ok: false, message: `${def.label}：${r.message}` };
    }
    case 'year': {
      const m = /^(\d{4})年?$/.exec(normaliseNumberText(text));
      const y = m ? Number(m[1]) : NaN;
      if (!(y >= 1949 && y <= 2100)) return { ok: false, message: `${def.label}“${text}”不是有效的年份` };
      return { ok: true, value: y };
    }
    case 'month': {
      const m = /^(?:\d{4}[年.\-/])?(\d{1,2})月?(?:份)?$/.exec(normaliseNumberText(text));
      // A whole date ("2025-04-01", as a CSV or a Word table carries a date cell) names its month too.
      const date = m ? null : parseDateText(text);
      const mo = m ? Number(m[1]) : date ? Number(date.slice(5, 7)) : NaN;
      if (!(mo >= 1 && mo <= 12)) return { ok: false, message: `${def.label}“${text}”不是1至12之间的月份` };
      return { ok: true, value: mo };
    }
    case 'date': {
      const d = parseDateText(text);
      if (!d) return { ok: false, message: `${def.label}“${text}”不是有效的日期，例如2025年3月21日` };
      return { ok: true, value: d };
    }
    case 'enum': {
      const options = def.options!;
      const byLabel = enumCodeByLabel(def).get(text);
      const code = byLabel ?? (text in options ? text : ENUM_SYNONYMS[def.key]?.[text]);
      if (!code) return { ok: false, message: `${def.label}应为${Object.values(options).join('、')}之一，不能是“${text}”` };
      return { ok: true, value: code };
    }
    case 'tags': {
      const names = [...new Set(text.split(/[、,，;；\s]+/).filter(Boolean))];
      const tooLong = names.find((n) => n.length > 32);
      if (tooLong) return { ok: false, message: `标签“${tooLong}”过长，最多32字` };
      return { ok: true, value: names };
    }
  }
}

/** A field's value as a person reads it: labels for codes, formatted amounts. */
export function fieldDisplayText(field: ProjectField, value: unknown, unit: MoneyUnit = '万元'): string {
  if (value === null || value === undefined) return '';
  const def = FIELD_BY_KEY[field];
  switch (def.kind) {
    case 'money':
      return typeof value === 'number' ? formatMoneyCell(value, unit) : String(value);
    case 'enum':
      return def.options![String(value)] ?? String(value);
    case 'tags':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'month':
      return `${value}月`;
    default:
      return String(value);
  }
}
