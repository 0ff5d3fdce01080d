/**
 * The sections of a list as it is read top to bottom: which headings are open (nested in the order
 * the sheet first uses each kind of numbering), what they set for the project rows under them
 * (category, nature, stage, level, district), and the checks a person would make — the count a
 * heading declares, the subtotals on a heading row, 小计 / 合计 / 总计 rows above or below the rows
 * they add up — each a warning naming both numbers.
 */
import type { Level, Nature, Stage } from '../../../shared/domain';
import { FIELD_BY_KEY, fieldDisplayText } from '../../../shared/fields';
import { REQUIRED_MONEY_TARGETS, type ImportHeading, type RequiredMoneyTarget } from '../../../shared/import';
import { money as asMoney, type Money } from '../../../shared/money';
import { LEVEL_LABELS, NATURE_LABELS, STAGE_LABELS } from '../../../shared/domain';

/**
 * Amounts written on a heading or 合计 row, with the precision they were written to: a 合计 of
 * "13.58" 亿元 agrees with projects adding up to 13.5795亿元 (step: 0.01亿元, in 元).
 */
export type Amounts = Partial<Record<RequiredMoneyTarget, { value: Money; cell: string; step: Money }>>;

/** The sum as a total written to `step` shows it (half-up). */
export function asWritten(sum: Money, step: Money): Money {
  return step <= 1 ? sum : asMoney(Math.floor((sum + step / 2) / step) * step);
}

/** What a heading sets for the rows under it (null: nothing). */
export interface HeadingSettings {
  category: string | null;
  nature: Nature | null;
  stage: Stage | null;
  level: Level | null;
  district: string | null;
  /** The nature group's own word when the library has no such nature ("竣工投产项目" → 竣工投产). */
  natureWord: string | null;
}

export interface HeadingInput extends HeadingSettings {
  /** Nesting kind: the marker ("cn", "num" …), or "group" / "natureGroup" for unnumbered headings. */
  kind: string;
  row: number;
  cell: string;
  text: string;
  title: string;
  declared: number | null;
  /** A heading about who, where or what stage (not a category): no "not a category" warning. */
  isGroup: boolean;
  /** Subtotals written on the heading row itself. */
  own: Amounts;
}

export interface TotalInput {
  row: number;
  cell: string;
  label: string;
  scope: 'section' | 'sheet';
  count: number | null;
  values: Amounts;
}

interface Tally {
  projects: number;
  sums: Record<RequiredMoneyTarget, Money>;
}

interface Section extends HeadingInput, Tally {
  depth: number;
  /** 小计/合计 rows written right under the heading, before its projects: checked when it closes. */
  leading: TotalInput[];
  /** Projects directly under it (no nearer heading that names a category) left without a category. */
  uncategorised: number;
}

const emptyTally = (): Tally => ({ projects: 0, sums: { totalInvestment: asMoney(0), annualPlan: asMoney(0) } });
const money = (field: RequiredMoneyTarget, value: Money) => `${fieldDisplayText(field, value)}万元`;

export class SectionTracker {
  private readonly stack: Section[] = [];
  private readonly all = emptyTally();
  /** Rows since the last 小计 (for a 小计 outside any section). */
  private run = emptyTally();
  private readonly sheetLeading: TotalInput[] = [];
  private readonly headings: ImportHeading[] = [];
  /** The list's own 合计/总计 (the last one for the whole sheet), for the preview. */
  sheetTotal: Amounts = {};

  constructor(private readonly warn: (cell: string, message: string) => void) {}

  heading(input: HeadingInput): void {
    const same = this.stack.findIndex((s) => s.kind === input.kind);
    if (same >= 0) this.closeFrom(same);
    this.stack.push({ ...input, ...emptyTally(), depth: this.stack.length + 1, leading: [], uncategorised: 0 });
  }

  /** A project row: counted in every open section; returns what the headings above it set. */
  project(amounts: Partial<Record<RequiredMoneyTarget, Money>>): HeadingSettings {
    for (const tally of [this.all, this.run, ...this.stack]) {
      tally.projects++;
      for (const t of REQUIRED_MONEY_TARGETS) tally.sums[t] = asMoney(tally.sums[t] + (amounts[t] ?? 0));
    }
    const inner = [...this.stack].reverse();
    const first = <K extends keyof HeadingSettings>(key: K): HeadingSettings[K] => (inner.find((s) => s[key] !== null)?.[key] ?? null) as HeadingSettings[K];
    const natureGroup = inner.find((s) => s.nature !== null || s.stage !== null);
    return { category: first('category'), nature: first('nature'), stage: first('stage'), level: first('level'), district: first('district'), natureWord: natureGroup?.natureWord ?? null };
  }

  /** Amounts of a part of the last project (a 打包项目's row per 责任单位): added where it is counted. */
  addAmounts(amounts: Partial<Record<RequiredMoneyTarget, Money>>): void {
    for (const tally of [this.all, this.run, ...this.stack]) for (const t of REQUIRED_MONEY_TARGETS) tally.sums[t] = asMoney(tally.sums[t] + (amounts[t] ?? 0));
  }

  /** The last project had no category at all: charged to the nearest heading that could have named one. */
  uncategorised(): void {
    const owner = [...this.stack].reverse().find((s) => !s.isGroup);
    if (owner) owner.uncategorised++;
  }

  total(input: TotalInput): void {
    const top = this.stack[this.stack.length - 1];
    if (input.scope === 'section') {
      if (top && top.projects === 0) top.leading.push(input);
      else if (top) this.check(input, top, `“${top.text}”下各项目`);
      else if (this.run.projects === 0) this.sheetLeading.push(input);
      else this.check(input, this.run, '其上各项目');
      this.run = emptyTally();
      return;
    }
    if (this.all.projects === 0) {
      if (top) top.leading.push(input);
      else {
        this.sheetLeading.push(input);
        this.sheetTotal = input.values;
      }
      return;
    }
    // A 合计 under each section adds up that section: right if it matches either.
    if (top && !this.agrees(input, this.all) && this.agrees(input, top)) return;
    this.sheetTotal = input.values;
    this.check(input, this.all, '各项目');
  }

  /** Close every section and check what waited for the rows below it; the headings as understood. */
  finish(): ImportHeading[] {
    this.closeFrom(0);
    for (const t of this.sheetLeading) this.check(t, this.all, t.scope === 'sheet' ? '其下各项目' : '各项目');
    return this.headings.sort((a, b) => a.row - b.row);
  }

  private agrees(input: TotalInput, tally: Tally): boolean {
    return (input.count === null || input.count === tally.projects) && REQUIRED_MONEY_TARGETS.every((t) => input.values[t] === undefined || input.values[t]!.value === asWritten(tally.sums[t], input.values[t]!.step));
  }

  private check(input: TotalInput, tally: Tally, what: string): void {
    if (input.count !== null && input.count !== tally.projects) this.warn(input.cell, `“${input.label}”行写明${input.count}个项目，${what}实有${tally.projects}个`);
    for (const t of REQUIRED_MONEY_TARGETS) {
      const v = input.values[t];
      if (v && v.value !== asWritten(tally.sums[t], v.step)) this.warn(v.cell, `“${input.label}”行的${FIELD_BY_KEY[t].label}为${money(t, v.value)}，与${what}之和${money(t, tally.sums[t])}不符`);
    }
  }

  private closeFrom(index: number): void {
    while (this.stack.length > index) {
      const s = this.stack.pop()!;
      if (s.declared !== null && s.declared !== s.projects) this.warn(s.cell, `“${s.text}”写明${s.declared}个项目，其下实有${s.projects}个`);
      for (const t of REQUIRED_MONEY_TARGETS) {
        const v = s.own[t];
        if (v && s.projects > 0 && v.value !== asWritten(s.sums[t], v.step)) this.warn(v.cell, `“${s.text}”行的${FIELD_BY_KEY[t].label}为${money(t, v.value)}，与其下各项目之和${money(t, s.sums[t])}不符`);
      }
      for (const t of s.leading) this.check(t, s, `“${s.text}”下各项目`);
      if (s.uncategorised > 0 && s.category === null) this.warn(s.cell, `分类行“${s.title}”不是已有的项目类别，其下${s.uncategorised}个项目的类别未设置`);
      this.headings.push({ row: s.row, text: s.text, depth: s.depth, declared: s.declared, projects: s.projects, sets: describeSettings(s) });
    }
  }
}

function describeSettings(s: HeadingSettings): string {
  const parts: string[] = [];
  if (s.category) parts.push(`类别：${s.category}`);
  if (s.nature) parts.push(`建设性质：${NATURE_LABELS[s.nature]}`);
  if (s.stage) parts.push(`项目阶段：${STAGE_LABELS[s.stage]}`);
  if (s.level) parts.push(`级别：${LEVEL_LABELS[s.level]}`);
  if (s.district) parts.push(`区市：${s.district}`);
  return parts.join('，');
}
