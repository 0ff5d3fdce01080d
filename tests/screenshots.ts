/**
 * Screenshots of every screen at 1440×900 and 1280×720 over the demo city, into a folder under
 * /tmp (never committed), to be looked at: `npx tsx tests/screenshots.ts [folder]` after
 * `npm run build:web`. Also every screen but 设置 as printed (its first two PDF pages as PNG, poppler).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fillDemoLibrary } from '../electron/services/demo';
import { launchBrowser, openPage } from './helpers/browser';
import { serveTempLibrary } from './helpers/harness';

const SCREENS = ['项目库', '月调度', '统计分析', '赛马', '问题清单', '督办', '前期手续', '包联', '台账', '材料生成', '设置'];
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

async function main() {
  const out = process.argv[2] ?? '/tmp/kpw-screens';
  fs.mkdirSync(out, { recursive: true });
  const served = await serveTempLibrary((lib) => fillDemoLibrary(lib.ctx.library!.db, 'x'));
  const browser = await launchBrowser();
  try {
    const { page, consoleErrors } = await openPage(browser, served.harness.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const [i, name] of SCREENS.entries()) {
        await page.getByRole('button', { name, exact: true }).click();
        await page.waitForTimeout(name === '统计分析' ? 2500 : 1200);
        await page.screenshot({ path: path.join(out, `${size.width}-${String(i + 1).padStart(2, '0')}-${name}.png`) });
      }
    }
    for (const name of SCREENS.filter((s) => s !== '设置')) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.waitForTimeout(1500);
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(800);
      const file = path.join(out, `print-${name}.pdf`);
      fs.writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      await page.emulateMedia({ media: 'screen' });
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', file, path.join(out, `print-${name}`)]);
    }
    console.log(`${fs.readdirSync(out).length} files in ${out}; console errors: ${consoleErrors.length ? consoleErrors.join('\n') : 'none'}`);
  } finally {
    await browser.close();
    await served.stop();
  }
}

void main();
