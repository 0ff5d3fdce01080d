/**
 * The screens at 1440×900 and 1280×720 over the demo city use the window without cutting or
 * stranding anything, measured on the drawn page: 统计分析's eight figures in one row, its 打印…
 * at the right of the toolbar (also when the toolbar wraps); 前期手续 without overdue procedures
 * gives their list's room to the grid; 材料生成's hints read whole (under
 * the box when longer than it) and its figures' names unbroken when they fit the list's width.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDemoLibrary } from '../../electron/services/demo';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
let page: Page;
beforeAll(() => {
  page = session.page;
});
const open = (name: string) => page.getByRole('button', { name, exact: true }).click();
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

describe('screens use the window', () => {
  for (const size of SIZES) {
    it(`统计分析 at ${size.width}: the eight figures in one row, 打印… at the toolbar's right`, async () => {
      await page.setViewportSize(size);
      await open('统计分析');
      await expect.poll(() => page.locator('.stat-card').count()).toBe(8);
      const tops = await page.locator('.stat-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size, `card tops ${tops.join(',')}`).toBe(1);
      const { right, barRight } = await page.evaluate(() => {
        const button = Array.from(document.querySelectorAll<HTMLElement>('.toolbar button')).find((b) => b.offsetParent && b.textContent === '打印…')!;
        return { right: button.getBoundingClientRect().right, barRight: button.closest('.toolbar')!.getBoundingClientRect().right };
      });
      expect(right).toBeGreaterThan(barRight - 24);
      expect(right).toBeLessThanOrEqual(size.width);
    });
  }

  it('前期手续 at 1280 without overdue procedures: the grid takes the whole width, the headline says none is overdue', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('前期手续');
    await page.getByLabel('手续年度').selectOption('2024');
    await expect.poll(() => page.getByTestId('procedures-headline').textContent()).toContain('无逾期手续。');
    expect(await page.getByTestId('overdue-list').count()).toBe(0);
    const right = await page.getByTestId('procedures-grid').evaluate((g) => g.getBoundingClientRect().right);
    expect(right).toBeGreaterThan(1280 - 4);
  });

  it('材料生成 at 1280: every hint reads whole, every figure name that fits its line unbroken', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('材料生成');
    await expect.poll(() => page.locator('.draft-figures li').count()).toBeGreaterThan(20);
    const cut = await page.evaluate(() => {
      const canvas = document.createElement('canvas').getContext('2d')!;
      const out: string[] = [];
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('.draft-params input[placeholder]'))) {
        const cs = getComputedStyle(input);
        canvas.font = `${cs.fontSize} ${cs.fontFamily}`;
        const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (canvas.measureText(input.placeholder).width > room + 0.5) out.push(input.placeholder);
      }
      return out;
    });
    expect(cut, 'hints cut in their boxes').toEqual([]);
    await expect.poll(() => page.locator('.draft-params .param-hint', { hasText: '留空为当月关账或报送的日期' }).count()).toBe(1);
    const broken = await page.evaluate(() => {
      const list = document.querySelector('.draft-figures ol')!;
      const width = list.getBoundingClientRect().width - 8;
      const canvas = document.createElement('canvas').getContext('2d')!;
      return Array.from(document.querySelectorAll<HTMLElement>('.draft-figures .figure-label'))
        .filter((label) => {
          const cs = getComputedStyle(label);
          canvas.font = `${cs.fontSize} ${cs.fontFamily}`;
          const range = document.createRange();
          range.selectNodeContents(label);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
          return canvas.measureText(label.textContent!).width < width && lines > 1;
        })
        .map((l) => l.textContent);
    });
    expect(broken, 'figure names broken although they fit').toEqual([]);
  });
});
