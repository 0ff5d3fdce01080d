/**
 * Label boxes of a drawn chart, and the two checks every chart must pass: no two labels
 * intersect, and none leaves the chart. A box is the four corners of a text as drawn (turned
 * labels are turned rectangles, so neighbours that only touch diagonally are not taken for
 * overlapping), in the chart's own pixels.
 *
 * Also the breakdowns of a city (12 districts, long names among them) and of a province (16
 * cities, 110 counties) that the chart tests draw.
 */
import type { KeyedSummary, Statistics } from '../../shared/statistics';
import type { Db } from '../../electron/db/connection';
import { addDistrict, findDistrictId, readLists, renameListItem } from '../../electron/db/lists';

export type Point = { x: number; y: number };
export interface LabelBox {
  text: string;
  corners: [Point, Point, Point, Point];
}

/** Corners' projections on an axis: [min, max]. */
function project(corners: readonly Point[], axis: Point): [number, number] {
  const dots = corners.map((p) => p.x * axis.x + p.y * axis.y);
  return [Math.min(...dots), Math.max(...dots)];
}

/** Two boxes overlap by more than `tolerance` px on every axis of either (separating axes). */
export function intersects(a: LabelBox, b: LabelBox, tolerance = 0.5): boolean {
  for (const box of [a, b]) {
    for (let i = 0; i < 2; i++) {
      const p = box.corners[i]!;
      const q = box.corners[i + 1]!;
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const axis = { x: (q.x - p.x) / length, y: (q.y - p.y) / length };
      const [a0, a1] = project(a.corners, axis);
      const [b0, b1] = project(b.corners, axis);
      if (Math.min(a1, b1) - Math.max(a0, b0) <= tolerance) return false;
    }
  }
  return true;
}

/** Every pair of labels that intersect, every label that leaves the width × height chart, every label cut short. */
export function layoutProblems(boxes: readonly LabelBox[], width: number, height: number): string[] {
  const problems: string[] = [];
  const near = (v: number, max: number) => v >= -0.5 && v <= max + 0.5;
  for (const b of boxes) {
    // ECharts cuts a label that has no room with an ellipsis: cut is as bad as overlapping.
    if (/\.\.\.$|…$/.test(b.text)) problems.push(`“${b.text}”被截断`);
    if (!b.corners.every((p) => near(p.x, width) && near(p.y, height))) problems.push(`“${b.text}”出界 ${JSON.stringify(b.corners.map((p) => [Math.round(p.x), Math.round(p.y)]))}`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (intersects(boxes[i]!, boxes[j]!)) problems.push(`“${boxes[i]!.text}”与“${boxes[j]!.text}”重叠`);
  }
  return problems;
}

/** A text's advance at `fontPx`: CJK and full-width one em, the rest 0.62 em (Noto Sans CJK's digits are about 0.55). */
function advance(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? fontPx : fontPx * 0.62;
  return w;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The affine matrix [a b c d e f] of an SVG transform attribute (translate, rotate, matrix, scale). */
function matrixOf(transform: string): number[] {
  let m = [1, 0, 0, 1, 0, 0];
  const times = (n: number[]) => {
    m = [m[0]! * n[0]! + m[2]! * n[1]!, m[1]! * n[0]! + m[3]! * n[1]!, m[0]! * n[2]! + m[2]! * n[3]!, m[1]! * n[2]! + m[3]! * n[3]!, m[0]! * n[4]! + m[2]! * n[5]! + m[4]!, m[1]! * n[4]! + m[3]! * n[5]! + m[5]!];
  };
  for (const [, kind, args] of transform.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const v = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    if (kind === 'translate') times([1, 0, 0, 1, v[0]!, v[1] ?? 0]);
    else if (kind === 'matrix') times(v);
    else if (kind === 'scale') times([v[0]!, 0, 0, v[1] ?? v[0]!, 0, 0]);
    else if (kind === 'rotate') {
      const r = (v[0]! * Math.PI) / 180;
      times([Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    }
  }
  return m;
}

/**
 * The label boxes of an SVG written by ECharts' SVG renderer (server-side): every <text>, its
 * box from its anchor, baseline, font size and transform, the width estimated from its characters
 * as the bundled CJK font draws them. (The Chromium test measures the browser's own boxes.)
 */
export function svgLabelBoxes(svg: string): LabelBox[] {
  const boxes: LabelBox[] = [];
  for (const [, attrs, raw] of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const text = unescape(raw!);
    if (!text.trim()) continue;
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs!)?.[1];
    const fontPx = Number(/font-size:([\d.]+)px/.exec(attr('style') ?? '')?.[1] ?? 12);
    const width = advance(text, fontPx);
    const x = Number(attr('x') ?? 0);
    const y = Number(attr('y') ?? 0);
    const anchor = attr('text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const baseline = attr('dominant-baseline');
    // The glyphs' ink: an em box around the middle line for "central", above the baseline otherwise.
    const top = baseline === 'central' || baseline === 'middle' ? y - fontPx / 2 : baseline === 'hanging' ? y : y - fontPx * 0.88;
    const m = matrixOf(attr('transform') ?? '');
    const at = (px: number, py: number): Point => ({ x: m[0]! * px + m[2]! * py + m[4]!, y: m[1]! * px + m[3]! * py + m[5]! });
    boxes.push({ text, corners: [at(left, top), at(left + width, top), at(left + width, top + fontPx), at(left, top + fontPx)] });
  }
  return boxes;
}

/** A city's districts as offices name them, the long development zones among them. */
export const CITY_DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '火炬高技术产业开发区', '经济技术开发区', '临港经济技术开发区', '南海新区', '北戴河新区', '综合保税区', '高新技术产业开发区', '海洋经济发展示范区'];
export const PROVINCE_CITIES = ['济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市', '临沂市', '德州市', '聊城市', '滨州市', '菏泽市'];
/** 110 counties: "历城区", "平阴县"… and some zones with long names. */
export const PROVINCE_COUNTIES = Array.from({ length: 110 }, (_, i) => {
  const stems = ['历城', '平阴', '商河', '莱西', '胶州', '沂源', '高青', '滕州', '垦利', '广饶', '龙口', '莱阳', '栖霞', '青州', '诸城', '寿光', '曲阜', '邹城', '新泰', '肥城', '乳山', '五莲', '莒县', '沂水', '兰陵', '乐陵', '禹城', '临清', '冠县', '惠民', '邹平', '曹县', '单县', '成武', '巨野', '郓城', '鄄城', '东明'];
  const stem = stems[i % stems.length]!;
  return i % 9 === 4 ? `${stem}经济技术开发区` : `${stem}${['县', '区', '市'][Math.floor(i / stems.length)]}`;
});
export const LONG_CATEGORIES = ['基础设施及公共服务', '战略性新兴产业和先进制造业', '现代服务业', '乡村振兴', '海洋产业', '科技创新', '文化旅游', '社会民生'];

/**
 * `st` with its district and category breakdowns replaced by `districts` and `categories`, each
 * given the figures of one of the real groups in turn (and a spread of rates), so every chart
 * draws them.
 */
export function withBreakdowns(st: Statistics, districts: readonly string[], categories: readonly string[] = st.byCategory.map((c) => c.key)): Statistics {
  const like = (source: readonly KeyedSummary[], keys: readonly string[]) =>
    keys.map((key, i): KeyedSummary => {
      const s = source[i % source.length]!;
      return { ...s, key, completedToDate: Math.round((s.completedToDate * (60 + ((i * 37) % 80))) / 100) as KeyedSummary['completedToDate'] };
    });
  return { ...st, byDistrict: like(st.byDistrict, districts), byCategory: like(st.byCategory, categories) };
}

/**
 * The demo library's projects dealt out over `districts` in turn (added to the list), and its
 * categories renamed to `categories`: a library of that size for the browser tests.
 */
export function spreadOverDistricts(db: Db, districts: readonly string[], categories: readonly string[] = []): void {
  db.transaction(() => {
    const ids = districts.map((name) => findDistrictId(db, name) ?? addDistrict(db, name));
    const projects = db.prepare('SELECT id FROM projects ORDER BY id').all() as { id: number }[];
    const place = db.prepare('UPDATE projects SET district_id = ? WHERE id = ?');
    projects.forEach((p, i) => place.run(ids[i % ids.length], p.id));
    const listed = readLists(db).categories;
    listed.forEach((c, i) => {
      const name = categories[i];
      if (name && !listed.some((other) => other.name === name)) renameListItem(db, 'categories', c.id, name);
    });
  })();
}
