/**
 * 统计分析's charts in Chromium stay legible at a city's size (12 districts, long names) and a
 * province's (16 cities; 110 counties): every text ECharts' SVG renderer drew is measured as the
 * browser drew it (its box turned by its transform), at 1440 and 1280 px wide; no two intersect,
 * none leaves its chart, none is cut. The office's short names (设置 > 图表简称) replace long ones.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { launchBrowser, openPage } from '../helpers/browser';
import { serveTempLibrary, type ServedLibrary } from '../helpers/harness';
import { CITY_DISTRICTS, layoutProblems, LONG_CATEGORIES, PROVINCE_CITIES, PROVINCE_COUNTIES, spreadOverDistricts, type LabelBox } from '../helpers/label-boxes';

const SIZES = [
  { name: 'a city of 12 districts with long names', districts: CITY_DISTRICTS, categories: LONG_CATEGORIES },
  { name: 'a province’s 16 cities', districts: PROVINCE_CITIES, categories: [] },
  { name: 'a province’s 110 counties', districts: PROVINCE_COUNTIES, categories: [] },
];

let browser: Browser;
const served: ServedLibrary[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  for (const size of SIZES) served.push(await serveTempLibrary((lib) => (fillDemoLibrary(lib.ctx.library!.db, 'x'), spreadOverDistricts(lib.ctx.library!.db, size.districts, size.categories))));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const s of served) await s.stop();
});

/** Every chart's drawn texts as boxes in its own pixels, with its size. */
async function drawnCharts(page: Page): Promise<{ id: string; width: number; height: number; boxes: LabelBox[] }[]> {
  return page.locator('.chart-card').evaluateAll((cards) =>
    cards.map((card) => {
      const svg = card.querySelector('svg')!;
      const width = svg.width.baseVal.value;
      const height = svg.height.baseVal.value;
      const boxes = Array.from(svg.querySelectorAll('text'))
        .filter((t) => t.textContent?.trim() && getComputedStyle(t).display !== 'none' && Number(getComputedStyle(t).opacity) > 0)
        .map((t) => {
          const b = t.getBBox();
          // The text's own box, carried by its transforms into the SVG's user space (its viewBox is the chart's size).
          const m = svg.getScreenCTM()!.inverse().multiply(t.getScreenCTM()!);
          const at = (x: number, y: number) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f });
          return { text: t.textContent!, corners: [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)] as LabelBox['corners'] };
        });
      return { id: card.getAttribute('data-testid')!, width, height, boxes };
    }),
  );
}

async function openAnalysis(page: Page): Promise<void> {
  await page.getByRole('button', { name: '统计分析', exact: true }).click();
  await page.getByLabel('分析年度').selectOption('2024');
  await page.getByLabel('分析月份').selectOption('8');
  await expect.poll(() => page.locator('.chart-card svg text').count(), { timeout: 20_000 }).toBeGreaterThan(100);
}

/** The problems of every chart, once the drawing has settled (a resize redraws). */
async function problems(page: Page): Promise<string[]> {
  await page.waitForTimeout(400);
  const charts = await drawnCharts(page);
  expect(charts.length).toBe(8);
  return charts.flatMap((c) => {
    // Glyph boxes in Chromium carry the font's ascent and descent: a line's box is taller than its
    // ink, so two lines of one label touch by a pixel or two; allow that much.
    return layoutProblems(c.boxes.map(shrink), c.width, c.height).map((p) => `${c.id}: ${p}`);
  });
}

/** A box less its line gap: 15% of its height off top and bottom (the ink of CJK text fills ~80% of a line). */
function shrink(box: LabelBox): LabelBox {
  const [a, b, c, d] = box.corners;
  const inset = (p: { x: number; y: number }, q: { x: number; y: number }) => ({ x: p.x + (q.x - p.x) * 0.15, y: p.y + (q.y - p.y) * 0.15 });
  return { text: box.text, corners: [inset(a, d), inset(b, c), inset(c, b), inset(d, a)] };
}

describe('chart labels in Chromium', () => {
  SIZES.forEach((size, i) => {
    it(`no label overlaps another, leaves its chart or is cut: ${size.name}, at 1440 and 1280 px`, async () => {
      const { page } = await openPage(browser, served[i]!.harness.url);
      await openAnalysis(page);
      expect(await problems(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(await problems(page)).toEqual([]);
      // Every district is labelled on the 赛马 chart when the chart has room for them all.
      const race = (await drawnCharts(page)).find((c) => c.id === 'chart-districtRace')!;
      const drawn = race.boxes.map((b) => b.text).join('|');
      for (const d of size.districts.slice(0, 16)) expect(drawn.replace(/\|/g, ''), d).toContain(d);
      await page.context().close();
    }, 90_000);
  });

  it('the office’s short names, set in 设置, replace the long names on every chart', async () => {
    const { page, consoleErrors } = await openPage(browser, served[0]!.harness.url);
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByLabel('火炬高技术产业开发区的简称').fill('火炬区');
    await page.getByLabel('临港经济技术开发区的简称').fill('临港区');
    await page.getByLabel('战略性新兴产业和先进制造业的简称').fill('新兴产业');
    await page.getByRole('button', { name: '保存简称' }).click();
    await expect.poll(() => page.getByTestId('short-names').textContent()).toContain('已保存3个简称');
    expect(await served[0]!.ctx.library!.db.prepare("SELECT value FROM settings WHERE key = 'charts.shortNames'").pluck().get()).toContain('火炬区');
    await openAnalysis(page);
    const charts = await drawnCharts(page);
    const texts = (id: string) => charts.find((c) => c.id === id)!.boxes.map((b) => b.text);
    expect(texts('chart-districtRace')).toEqual(expect.arrayContaining(['火炬区', '临港区']));
    expect(texts('chart-warningByDistrict')).toContain('火炬区');
    expect(texts('chart-category')).toContain('新兴产业');
    expect(texts('chart-districtRace').join('')).not.toContain('火炬高技术');
    expect(await problems(page)).toEqual([]);
    // The drill-down's table keeps the full name.
    const label = page.getByTestId('chart-districtRace').locator('svg text', { hasText: /^火炬区$/ }).first();
    await expect
      .poll(async () => {
        const box = await label.boundingBox();
        if (box) await page.mouse.click(box.x + box.width / 2, box.y - 80);
        return page.getByTestId('drill-dialog').count();
      }, { timeout: 10_000, interval: 300 })
      .toBe(1);
    expect(await page.getByTestId('drill-dialog').locator('h2').textContent()).toMatch(/^火炬高技术产业开发区：\d+个项目$/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
