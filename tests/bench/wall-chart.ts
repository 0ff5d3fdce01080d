/**
 * Benchmark part `wallchart` (KPW_BENCH_ONLY=wallchart): 挂图作战 for 1,000 projects with 6
 * procedures each — the SVG built by the screen's own builder, then drawn in Chromium (set into
 * a page and two frames painted). Target ≤ 1 s for the whole.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import type { ProcedureKind, ProcedureRow, ProcedureStatus } from '../../shared/lifecycle';
import { wallChartSvg } from '../../shared/wall-chart';

const DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区'];
const KINDS: ProcedureKind[] = ['立项/备案', '用地预审', '用地批复', '规划许可', '环评批复', '施工许可'].map((name, i) => ({ id: i + 1, name, role: null, sortOrder: i, retired: false }));

/** 1,000 projects, each with six procedures spread over the year: a third done, a third due, a third overdue. */
export function wallChartRows(projects = 1000): ProcedureRow[] {
  return Array.from({ length: projects }, (_, p) => {
    const procedures: ProcedureRow['procedures'] = {};
    for (const k of KINDS) {
      const month = String(((p + k.id * 2) % 12) + 1).padStart(2, '0');
      const date = `2025-${month}-${String(((p * 7 + k.id) % 27) + 1).padStart(2, '0')}`;
      const status: ProcedureStatus = (['done', 'due', 'overdue'] as const)[(p + k.id) % 3]!;
      procedures[k.id] = { kindId: k.id, plannedDate: date, obtainedDate: status === 'done' ? date : null, recordedOn: status === 'done' ? date : null, documentNumber: null, status };
    }
    return { projectId: p + 1, code: null, name: `${DISTRICTS[p % 8]}重点项目${p + 1}`, district: DISTRICTS[p % 8]!, category: null, stage: 'preparation', plannedStartMonth: (p % 12) + 1, startDate: null, procedures };
  });
}

export async function benchWallChart(browser: Browser, measure: (operation: string, size: string, target: string, run: () => Promise<number>, memory: () => string) => Promise<void>): Promise<void> {
  const rows = wallChartRows();
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await measure(
    '挂图作战: build the SVG and draw it in Chromium',
    '1,000 projects × 6 procedures',
    '≤ 1 s',
    async () => {
      const t = performance.now();
      const { svg } = wallChartSvg(rows, KINDS, { year: 2025, asOf: '2025-08-31', groupBy: 'district', title: '2025年重点项目挂图作战图' });
      const built = performance.now() - t;
      const drawn = await page.evaluate(async (text) => {
        const start = performance.now();
        document.body.innerHTML = text;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - start;
      }, svg);
      return built + drawn;
    },
    () => '',
  );
  await page.close();
}
