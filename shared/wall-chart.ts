/**
 * 挂图作战: the wall chart as one SVG string, built by a pure function so the screen, its PNG and
 * the benchmark draw the same thing. Per group (district or category) a band; per project a row;
 * its procedures and its start as nodes on the year's month timeline, at the day obtained (done)
 * or planned (due / overdue). Colour says the status on screen and a shape with a decal says it in
 * black and white: done a filled circle with a tick, due a hollow circle, overdue a hatched diamond.
 * Nodes carry data-project and data-kind so one listener on the chart opens the node clicked.
 */
import type { ProcedureKind, ProcedureRow, ProcedureStatus } from './lifecycle';
import { obtainedOn } from './lifecycle';

export type WallChartGroupBy = 'district' | 'category';

export interface WallChartOptions {
  year: number;
  asOf: string;
  groupBy: WallChartGroupBy;
  title: string;
}

/** The start node's kind id in data-kind. */
export const START_NODE = 0;

export const WALL_STATUS_STYLE: Record<Exclude<ProcedureStatus, 'none'>, { fill: string; label: string }> = {
  done: { fill: '#2e7d32', label: '已办结' },
  due: { fill: '#1565c0', label: '待办' },
  overdue: { fill: '#c62828', label: '逾期' },
};

const LEFT = 260;
const MONTH_W = 88;
const ROW_H = 22;
const TOP = 70;
const GROUP_H = 24;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** x of a day of the year (a day outside it is clamped to the year's edge). */
function xOf(date: string, year: number): number {
  const y = Number(date.slice(0, 4));
  if (y < year) return LEFT;
  if (y > year) return LEFT + 12 * MONTH_W;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return LEFT + (month - 1) * MONTH_W + ((day - 0.5) / days) * MONTH_W;
}

function node(x: number, y: number, status: Exclude<ProcedureStatus, 'none'>, projectId: number, kindId: number, tip: string): string {
  const fill = WALL_STATUS_STYLE[status].fill;
  const data = `class="wc-node wc-${status}" data-project="${projectId}" data-kind="${kindId}"`;
  const title = `<title>${escapeXml(tip)}</title>`;
  if (status === 'done') return `<g ${data}><circle cx="${x.toFixed(1)}" cy="${y}" r="6" fill="${fill}"/><path d="M${(x - 3).toFixed(1)} ${y}l2 2.5l4-5" stroke="#fff" stroke-width="1.6" fill="none"/>${title}</g>`;
  if (status === 'due') return `<g ${data}><circle cx="${x.toFixed(1)}" cy="${y}" r="5.5" fill="#fff" stroke="${fill}" stroke-width="2"/>${title}</g>`;
  return `<g ${data}><path d="M${x.toFixed(1)} ${y - 7}l7 7l-7 7l-7 -7z" fill="url(#wc-hatch)" stroke="${fill}" stroke-width="2"/>${title}</g>`;
}

/** The start as a node: started (its date), else planned (its month's middle), due or overdue by `asOf`. */
function startNode(row: ProcedureRow, year: number, asOf: string, y: number): string {
  const label = `${row.name}：开工`;
  if (row.startDate) return node(xOf(row.startDate, year), y, row.startDate <= asOf ? 'done' : 'due', row.projectId, START_NODE, `${label}（${row.startDate}）`);
  if (row.stage === 'construction' || row.stage === 'completed' || row.stage === 'production') return '';
  if (row.plannedStartMonth === null) return '';
  const planned = `${year}-${String(row.plannedStartMonth).padStart(2, '0')}-15`;
  const end = `${year}-${String(row.plannedStartMonth).padStart(2, '0')}-${new Date(Date.UTC(year, row.plannedStartMonth, 0)).getUTCDate()}`;
  return node(xOf(planned, year), y, end < asOf ? 'overdue' : 'due', row.projectId, START_NODE, `${label}（计划${row.plannedStartMonth}月）`);
}

/** The wall chart of the given projects: an SVG document as text, and its size. */
export function wallChartSvg(rows: readonly ProcedureRow[], kinds: readonly ProcedureKind[], o: WallChartOptions): { svg: string; width: number; height: number; nodes: number } {
  const kindName = new Map(kinds.map((k) => [k.id, k.name]));
  const groups = new Map<string, ProcedureRow[]>();
  for (const r of rows) {
    const key = (o.groupBy === 'district' ? r.district : r.category) ?? '未填写';
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const width = LEFT + 12 * MONTH_W + 20;
  const parts: string[] = [];
  let y = TOP;
  let nodes = 0;
  for (const [group, members] of groups) {
    parts.push(`<rect x="0" y="${y}" width="${width}" height="${GROUP_H}" fill="#eceff1"/><text x="8" y="${y + 17}" class="wc-group">${escapeXml(group)}（${members.length}个项目）</text>`);
    y += GROUP_H;
    for (const row of members) {
      const cy = y + ROW_H / 2;
      parts.push(`<line x1="${LEFT}" x2="${LEFT + 12 * MONTH_W}" y1="${cy}" y2="${cy}" stroke="#cfd8dc"/><text x="8" y="${cy + 4}" class="wc-name">${escapeXml(row.name.length > 18 ? `${row.name.slice(0, 17)}…` : row.name)}</text>`);
      for (const p of Object.values(row.procedures)) {
        if (p.status === 'none') continue;
        const at = p.status === 'done' ? obtainedOn(p)! : p.plannedDate!;
        const name = kindName.get(p.kindId) ?? '';
        parts.push(node(xOf(at, o.year), cy, p.status, row.projectId, p.kindId, `${row.name}：${name}${WALL_STATUS_STYLE[p.status].label}（${at}）`));
        nodes++;
      }
      const start = startNode(row, o.year, o.asOf, cy);
      if (start) {
        parts.push(start);
        nodes++;
      }
      y += ROW_H;
    }
  }
  const height = y + 20;
  const months = Array.from({ length: 12 }, (_, i) => `<text x="${LEFT + i * MONTH_W + MONTH_W / 2}" y="${TOP - 8}" text-anchor="middle" class="wc-month">${i + 1}月</text><line x1="${LEFT + i * MONTH_W}" x2="${LEFT + i * MONTH_W}" y1="${TOP - 4}" y2="${height - 20}" stroke="#b0bec5" stroke-dasharray="2 3"/>`).join('');
  const today = o.asOf.startsWith(String(o.year)) ? `<line x1="${xOf(o.asOf, o.year).toFixed(1)}" x2="${xOf(o.asOf, o.year).toFixed(1)}" y1="${TOP - 4}" y2="${height - 20}" stroke="#ef6c00" stroke-width="1.5"/>` : '';
  const legend = (['done', 'due', 'overdue'] as const).map((s, i) => `${node(LEFT + 420 + i * 110, 40, s, 0, -1, WALL_STATUS_STYLE[s].label)}<text x="${LEFT + 432 + i * 110}" y="44" class="wc-legend">${WALL_STATUS_STYLE[s].label}</text>`).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans SC, sans-serif" font-size="12">` +
    `<defs><pattern id="wc-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#c62828" stroke-width="2.2"/></pattern></defs>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<text x="8" y="26" font-size="18" font-weight="bold">${escapeXml(o.title)}</text><text x="8" y="46" class="wc-legend">截至${o.asOf}\u3000● 已办结\u3000○ 待办\u3000◇ 逾期\u3000┃ 截至日</text>` +
    legend + months + today + parts.join('') + `</svg>`;
  return { svg, width, height, nodes };
}
