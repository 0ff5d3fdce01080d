/**
 * The words of the rows between projects, read from their text alone: section titles at every
 * level ("一、", "（一）", "1.", "（1）", "①", "——"), the count they declare ("（N项）", "(N个)",
 * "N宗"), closing rows ("合计", "合计：N 个", "总计", "小计"), notes ("注：…", "其中：…"), and what
 * a heading names: a nature group ("续建项目", "计划新开工项目"), a level group ("省重点项目").
 * Whether a row is a heading also depends on its other cells: project-rows.ts decides that.
 */
import type { Level, Nature, Stage } from '../../../shared/domain';

/** How a section title is numbered: the kinds nest in the order a sheet first uses them. */
export type MarkerKind = 'part' | 'cn' | 'cnParen' | 'num' | 'numParen' | 'circled' | 'dash';

/** Chinese numerals as offices number sections. */
const CN = '[一二三四五六七八九十百零〇]+';
const MARKERS: readonly (readonly [MarkerKind, RegExp])[] = [
  ['part', new RegExp(`^第${CN}(?:部分|篇|章|类)\\s*[、.．:：]?\\s*`)],
  ['cn', new RegExp(`^${CN}\\s*[、.．，,]\\s*`)],
  ['cnParen', new RegExp(`^[(（]\\s*${CN}\\s*[)）]\\s*[、.．]?\\s*`)],
  ['num', /^[0-9０-９]{1,3}\s*[、.．](?![0-9０-９])\s*/],
  ['numParen', /^[(（]\s*[0-9０-９]{1,3}\s*[)）]\s*[、.．]?\s*/],
  ['circled', /^[\u2460-\u2473\u3251-\u325f]\s*/],
  ['dash', /^(?:——|－－|--|—(?=\S))\s*/],
];

/** A "（一）", "一、" or "1" standing alone (in a 序号 cell, the title beside it). */
const BARE_MARKER = new RegExp(`^(?:${CN}\\s*[、.．]?|[(（]\\s*${CN}\\s*[)）]|[(（]\\s*[0-9０-９]{1,3}\\s*[)）]|[\\u2460-\\u2473\\u3251-\\u325f])$`);

export function isBareMarker(text: string): boolean {
  return BARE_MARKER.test(text.trim());
}

/** Strong markers (第一部分, 一、 and （一）) make a section row even when it carries subtotals. */
export function isStrongMarker(kind: MarkerKind | null): boolean {
  return kind === 'part' || kind === 'cn' || kind === 'cnParen';
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const HAS_FULL_WIDTH_DIGIT = /[０-９]/;
const halfWidthDigits = (text: string) => (HAS_FULL_WIDTH_DIGIT.test(text) ? text.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text);

/** "（63项）", "(12个)", "（共5个项目）", "（28项，总投资120亿元）", "8宗", "共12个": the declared count. */
const COUNT_IN_BRACKETS = /[(（]\s*(?:共|计)?\s*(\d+)\s*(?:项|个|宗)(?:项目)?\s*(?:[,，、;；:：][^)）]*)?[)）]\s*$/;
const COUNT_AT_END = /(?:共|计)?\s*(\d+)\s*(?:项|个|宗)(?:项目)?\s*$/;
/** A cell that is only a count ("12项", "共12个"). */
const COUNT_CELL = /^(?:共|计)?\s*(\d+)\s*(?:项|个|宗)(?:项目)?$/;

/** The characters COUNT_CELL can end with: any other text is no count, whatever it holds. */
const COUNT_ENDINGS = new Set(['项', '个', '宗', '目']);
const SPACE = /\s/;

export function countCell(text: string): number | null {
  let last = text.length - 1;
  while (last >= 0 && SPACE.test(text[last]!)) last--;
  if (last < 0 || !COUNT_ENDINGS.has(text[last]!)) return null;
  const m = COUNT_CELL.exec(halfWidthDigits(text.replace(/\s/g, '')));
  return m ? Number(m[1]) : null;
}

export interface HeadingText {
  marker: MarkerKind | null;
  /** The title without its number and count: "产业项目". */
  title: string;
  count: number | null;
  /** The count is in brackets ("（12项）"), not a trailing "200个" that a project's name may end with. */
  bracketed: boolean;
}

/** Read a heading's text: its marker, title and declared count. */
export function parseHeading(text: string): HeadingText {
  let rest = text.trim();
  let marker: MarkerKind | null = null;
  for (const [kind, re] of MARKERS) {
    const m = re.exec(rest);
    if (m && m[0].length < rest.length) {
      marker = kind;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const digits = halfWidthDigits(rest);
  const inBrackets = COUNT_IN_BRACKETS.exec(digits);
  const m = inBrackets ?? COUNT_AT_END.exec(digits);
  const count = m ? Number(m[1]) : null;
  const title = (m ? digits.slice(0, m.index) : digits).replace(/[:：,，\s]+$/, '').trim();
  return { marker, title: title || rest, count, bracketed: inBrackets !== null };
}

/** "合计", "合 计", "总计", "小计", "共计", "全市合计", "合计：12个", "小计（5项）". */
const TOTAL_LABEL = /^(?:全市|全区|全县|全省|全部|以上|本页|项目)?(合计|总计|小计|共计|总合计)/;

export function totalLabel(text: string): { scope: 'section' | 'sheet'; count: number | null } | null {
  const t = halfWidthDigits(text.replace(/\s/g, ''));
  const m = TOTAL_LABEL.exec(t);
  if (!m) return null;
  const count = /(\d+)(?:项|个|宗)/.exec(t.slice(m[0].length));
  return { scope: m[1] === '小计' ? 'section' : 'sheet', count: count ? Number(count[1]) : null };
}

/** Notes under or inside a list: not projects, not checked. */
const NOTE = /^(?:注|备注|说明|附注|附|填报说明|其中)\s*\d*\s*[:：]|^(?:填报人|制表人|审核人|负责人|联系人|联系电话|填报日期|制表日期|报送日期)\s*[:：]/;

export function isNoteText(text: string): boolean {
  return NOTE.test(text.replace(/^[\s*※]+/, ''));
}

/** What a nature word in a cell or a group heading means for the library. */
export interface NatureReading {
  nature: Nature | null;
  stage: Stage | null;
  /** The office's word, when the library has no nature of that name ("竣工投产", "前期"). */
  beyond: string | null;
}

const NATURE_WORDS: readonly (readonly [RegExp, NatureReading])[] = [
  [/^(新建|新开工|计划新开工|拟新开工|当年新开工|年内新开工|新建新开工)$/, { nature: 'new', stage: null, beyond: null }],
  [/^(续建|在建|续建在建|结转|续建结转)$/, { nature: 'continued', stage: null, beyond: null }],
  // Projects due to be finished this year were started before it: for new/continued counts, 续建.
  [/^(竣工投产|竣工|投产|建成投产|计划竣工|计划竣工投产|竣工达产)$/, { nature: 'continued', stage: null, beyond: '竣工投产' }],
  // Not yet under construction: no nature of the year's list; the stage says where they are.
  [/^(预备|预备建设|前期|前期工作|前期推进|开展前期)$/, { nature: null, stage: 'preparation', beyond: '前期' }],
  [/^(储备|谋划储备|谋划)$/, { nature: null, stage: 'reserve', beyond: '储备' }],
];

/** "续建", "计划新开工项目", "竣工投产类", "预备项目" → what it means; null when not a nature word. */
export function readNature(text: string): NatureReading | null {
  const t = text.replace(/\s/g, '').replace(/(重点)?(建设)?(项目|类)$/, '');
  for (const [re, reading] of NATURE_WORDS) if (re.test(t)) return { ...reading, beyond: reading.beyond === null ? null : t };
  return null;
}

/** "省重点项目", "市级重点项目" → the level; null otherwise. */
export function readLevelGroup(text: string): Level | null {
  const m = /^(省|市|县|区)级?重点(建设)?项目$/.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  return m[1] === '省' ? 'province' : m[1] === '市' ? 'city' : 'county';
}

/** A heading that groups by who or where (not by category): "环翠区", "市住房城乡建设局", "经开区管委会". */
export function looksLikePlaceOrUnit(title: string): boolean {
  return /(省|市|区|县|旗|镇|乡|街道|园区|新区|开发区|管委会|局|委|办|办公室|公司|集团|中心|指挥部|政府|办事处|市直|区直|县直)$/.test(title.replace(/\s/g, ''));
}
