/**
 * A screen as Chromium prints it (page.pdf with the page's own @page rules), read back with
 * poppler: its pages, their size, its text in reading order and in layout, and where each word
 * sits, so a test can say the printed page has its title, period, filter and page numbers and
 * that nothing runs off the paper.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Printed {
  pages: number;
  /** Points, as pdfinfo gives them. */
  width: number;
  height: number;
  /** pdftotext -layout, one string per page. */
  pageTexts: string[];
  /** The whole text with every space and line break taken out (pdftotext -raw): a cell wrapped onto lines reads whole. */
  flat: string;
  /** The words drawn past the paper's right edge. */
  offPage: string[];
  /** The rows of the printed table (its data-row-id), none when the screen has no grid. */
  rows: string[];
}

export async function printPage(page: Page): Promise<Printed> {
  await page.emulateMedia({ media: 'print' });
  // The grids build their print table on the media change; let it lay out.
  await page.waitForTimeout(500);
  const rows = await page.locator('.print-table tbody tr[data-row-id]').evaluateAll((r) => r.map((row) => row.getAttribute('data-row-id') ?? ''));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = path.join(os.tmpdir(), `kpw-print-${process.pid}.pdf`);
  fs.writeFileSync(file, pdf);
  // KPW_KEEP_PRINT=dir keeps every printed PDF there, to look at.
  if (process.env.KPW_KEEP_PRINT) fs.copyFileSync(file, path.join(process.env.KPW_KEEP_PRINT, `print-${Date.now()}.pdf`));
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const width = Number(w);
    const offPage = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].filter((m) => Number(m[1]) > width + 0.5).map((m) => m[2]!);
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      width,
      height: Number(h),
      pageTexts: layout.split('\f').filter((t) => t.trim()),
      flat: raw.replace(/\s+/g, ''),
      offPage,
      rows,
    };
  } finally {
    fs.rmSync(file);
  }
}

/**
 * Prints the page and checks what every printed screen carries: A4, the title, the period and
 * the filter in words on top, "第 n 页，共 N 页" on every page, nothing off the paper.
 */
export async function expectPrintedScreen(page: Page, expected: { title: string; period: string; filter: string; pages: [number, number]; landscape?: boolean }): Promise<Printed> {
  const printed = await printPage(page);
  const [short, long] = [Math.min(printed.width, printed.height), Math.max(printed.width, printed.height)];
  expect(Math.abs(short - 595.3) < 1 && Math.abs(long - 841.9) < 1, `A4, not ${printed.width} × ${printed.height}`).toBe(true);
  if (expected.landscape !== undefined) expect(printed.width > printed.height, 'landscape').toBe(expected.landscape);
  const first = printed.pageTexts[0]!.replace(/\s+/g, ' ');
  expect(first).toContain(expected.title);
  expect(first).toContain(`统计期：${expected.period}`);
  expect(first).toContain(`筛选：${expected.filter}`);
  expect(printed.pageTexts.length).toBe(printed.pages);
  printed.pageTexts.forEach((t, i) => expect(t.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`第 ${i + 1} 页，共 ${printed.pages} 页`));
  expect(printed.offPage, 'words past the paper edge').toEqual([]);
  expect(printed.pages).toBeGreaterThanOrEqual(expected.pages[0]);
  expect(printed.pages).toBeLessThanOrEqual(expected.pages[1]);
  return printed;
}
