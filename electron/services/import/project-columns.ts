/**
 * The columns of a project list: the names offices give them, which sheet holds the list, the
 * mapping the user chose over the recognised one, and which of the two amounts every list must have
 * (总投资, 年度计划投资) has no column at all.
 */
import { FIELD_BY_KEY } from '../../../shared/fields';
import { IMPORT_TARGET_LABELS, REQUIRED_MONEY_TARGETS, type ImportColumn, type ImportTarget, type MissingColumn } from '../../../shared/import';
import { AppError } from '../../../shared/result';
import type { Sheet, Workbook } from '../spreadsheet/xlsx-reader';
import { cellRef, findHeader, type HeaderMatch } from './sheet-table';
import { planPeriodOf } from './plan-split-columns';

/**
 * Column names offices use, tried in this order (a column's own cell first, then with its band:
 * "2025年" over "计划投资" is "2025年计划投资"). Texts are compared without spaces and units.
 */
export const PROJECT_COLUMN_SYNONYMS: readonly (readonly [ImportTarget, RegExp])[] = [
  ['seq', /^(序号|编号\(序号\)|项目序号)$/],
  ['code', /^(项目编号|项目代码|统一项目代码|项目编码|项目统一代码|投资项目代码|在线平台代码|平台代码|项目赋码)$/],
  ['name', /^(项目名称|项目名|名称)$/],
  ['ownerUnit', /^(建设单位|项目单位|项目业主|业主单位|项目建设单位|责任单位|项目法人|项目法人单位|实施单位|项目实施单位|建设主体|实施主体)$/],
  ['responsibleUnit', /^(责任单位|填报单位|主体责任单位|推进责任单位)$/],
  ['nature', /^(建设性质|新建\/续建|续建\/新建|新建或续建|新建续建|性质|项目性质|建设类别)$/],
  ['level', /^(项目级别|级别|项目层级|层级|项目等级|项目级次)$/],
  ['category', /^(项目类别|类别|行业领域|所属领域|领域|项目类型|分类|项目分类|所属行业|行业类别|产业类别)$/],
  ['district', /^(所在区市|区市|县区|所在县区|所属区域|所在地|区县|所在区县|所属区市|所属县区|所在地区|地区|区域|属地|县市区|所在县市区|所属县市区|(所在)?县\(市、?区\)|(所在)?区\(市\)|市县区)$/],
  ['scope', /^(建设内容及规模|主要建设内容|建设内容|建设规模及内容|建设规模和内容|建设内容和规模|建设规模|建设规模及主要内容|主要建设内容及规模|建设内容及建设规模|项目建设内容)$/],
  ['years', /^(建设起止年限|起止年限|建设年限|建设期限|建设起止年份|起止年份|建设周期)$/],
  ['totalInvestment', /^(总投资|计划总投资|项目总投资|总投资额|估算总投资|概算总投资|总投资估算|投资总额)$/],
  ['annualPlan', /^((\d{4}年度?|年度|本年度?|当年|年内)?(计划(完成)?投资额?|投资计划)|年计划投资|年度计划)$/],
  ['leadDepartment', /^(牵头部门|责任部门|牵头单位|主管部门|行业主管部门)$/],
  ['contactLeader', /^((包联|联系|分包|包抓|包保|挂钩|包挂)(市级|县级|区级|市|县|区)?领导|市级(包联|联系)领导)$/],
  ['plannedStartMonth', /^(计划开工时间|开工时间\(计划\)|计划开工月份|开工时间|计划开工)$/],
  ['startDate', /^(实际开工时间|实际开工日期)$/],
  ['stage', /^(项目阶段|阶段|建设阶段)$/],
  ['workTarget', /^((\d{4}年度?|年度|本年度?|当年)?(工作目标|前期工作目标|目标任务|工作任务))$/],
  ['stageChangedOn', /^(阶段变更日期|阶段变更时间|转段日期)$/],
  ['previousStage', /^(上一阶段|原阶段)$/],
  ['responsiblePerson', /^(责任人|联系人|项目负责人|负责人)$/],
  ['phone', /^(联系电话|电话|手机|联系方式)$/],
  ['tags', /^(标签|行业标签|领域标签|行业\/领域标签)$/],
  ['startYear', /^(开工年份|开工年度)$/],
  ['endYear', /^(竣工年份|竣工年度|完工年份)$/],
];

export function importTargetLabel(target: ImportTarget): string {
  return target === 'years' || target === 'seq' || target === 'planSplit' ? IMPORT_TARGET_LABELS[target] : FIELD_BY_KEY[target].label;
}

/** Names compared the way people mean them: width, spaces and zero-width characters ignored. */
/** Text NFKC leaves as it is and holding nothing removed below: CJK unified ideographs, ASCII letters and digits. */
const PLAIN_NAME = /^[\u4e00-\u9fffA-Za-z0-9]*$/;

export function normaliseName(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  return name.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff\u3000]/g, '').toLowerCase();
}

/** Han characters and Chinese punctuation (（）、，…). */
const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20';
const SPACE_BY_HAN = new RegExp(`(?<=[${HAN}])[\\s\\u3000]+(?=[${HAN}])`, 'g');

/**
 * A name as it should be stored: spaces typed between Chinese characters ("海港 智能产业园",
 * "张  三") removed; a space beside Latin letters or digits ("ABC 产业园", "PET 5G") kept, once.
 */
export function tidyName(text: string): string {
  return text.replace(SPACE_BY_HAN, '').replace(/\s+/g, ' ').trim();
}

/** The category a section title or cell means: exact name, without 项目/类, or the one it starts. */
export function matchCategory(categories: { name: string }[], text: string): string | null {
  const t = text.replace(/\s/g, '');
  const stripped = t.replace(/(重点项目|项目|类|领域)$/, '');
  if (!stripped) return null;
  for (const candidate of [t, stripped]) {
    const exact = categories.find((c) => c.name === candidate);
    if (exact) return exact.name;
  }
  const partial = categories.filter((c) => c.name.startsWith(stripped) || stripped.startsWith(c.name));
  return partial.length === 1 ? partial[0]!.name : null;
}

export function chooseSheet(workbook: Workbook, wanted: string | undefined, fileName: string): { sheet: Sheet; header: HeaderMatch<ImportTarget> } {
  if (wanted !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === wanted);
    if (!sheet) throw new AppError('VALIDATION', `“${fileName}”中没有名为“${wanted}”的工作表（有：${workbook.sheets.map((s) => s.name).join('、')}）`);
    const header = findHeader(sheet, PROJECT_COLUMN_SYNONYMS, 'name');
    if (!header) throw new AppError('VALIDATION', `${sheet.name}: 找不到表头行（应包含“项目名称”等列名）`);
    return { sheet, header };
  }
  for (const sheet of workbook.sheets) {
    const header = findHeader(sheet, PROJECT_COLUMN_SYNONYMS, 'name');
    if (header) return { sheet, header };
  }
  throw new AppError('VALIDATION', `“${fileName}”中找不到项目清单：没有一个工作表含有“项目名称”等列名的表头行`);
}

export interface MappedColumns {
  columns: ImportColumn[];
  /** The column of each target (one each: two columns for one target are refused). */
  byTarget: Map<ImportTarget, ImportColumn>;
  missingRequired: MissingColumn[];
}

/** The recognised columns, overridden by the user's mapping; refused when a target has two columns. */
export function mapColumns(sheet: Sheet, header: HeaderMatch<ImportTarget>, mapping: Record<number, ImportTarget | null> | undefined): MappedColumns {
  // 责任单位 is the owner when the sheet has no 建设单位 column, else the reporting unit.
  const hasOwner = header.columns.some((c) => c.target === 'ownerUnit' && c.name !== '责任单位');
  const columns: ImportColumn[] = header.columns.map((c) => {
    let target = c.target;
    if (target === 'ownerUnit' && c.name === '责任单位' && hasOwner) target = 'responsibleUnit';
    if (mapping && Object.prototype.hasOwnProperty.call(mapping, c.index)) target = mapping[c.index] ?? null;
    // Periods of the annual plan ("1季度计划", "上半年") are one target for several columns, so not a synonym.
    else if (target === null && planPeriodOf(c.header)) target = 'planSplit';
    const isMoney = target === 'totalInvestment' || target === 'annualPlan' || target === 'planSplit';
    return { index: c.index, letter: cellRef(c.index, 1).replace(/\d+$/, ''), header: c.header, target, unit: isMoney ? (c.unit ?? header.sheetUnit ?? '万元') : null };
  });
  const byTarget = new Map<ImportTarget, ImportColumn>();
  for (const c of columns) {
    if (c.target === null || c.target === 'seq' || c.target === 'planSplit') continue;
    const first = byTarget.get(c.target);
    if (first) throw new AppError('VALIDATION', `${sheet.name}: 第${first.letter}列和第${c.letter}列都对应“${importTargetLabel(c.target)}”，请在列对应关系中只保留一列`);
    byTarget.set(c.target, c);
  }
  if (!byTarget.has('name')) {
    const undecided = header.ambiguities.find((a) => a.target === 'name');
    throw new AppError('VALIDATION', undecided ? `${sheet.name}!${undecided.cell}: ${undecided.message}` : `${sheet.name}: 没有对应“项目名称”的列`);
  }
  const seq = columns.find((c) => c.target === 'seq');
  if (seq) byTarget.set('seq', seq);
  const missingRequired: MissingColumn[] = REQUIRED_MONEY_TARGETS.filter((t) => !byTarget.has(t)).map((target) => {
    const label = FIELD_BY_KEY[target].label;
    return { target, label, message: `没有“${label}”列：导入后各项目的${label}将为空。请在“列对应关系”中指定${label}所在的列，或确认这份清单没有${label}。` };
  });
  return { columns, byTarget, missingRequired };
}
