/** How tests/bench/run.ts times a sort or a search in the grid, as the user waits for it. */
import type { Page } from 'playwright-core';

/** What the user sees change: the first rows' names and the count of projects in the status bar. */
const SHOWN = `return [0, 1, 2].map((i) => document.querySelector('.ag-row[row-index="' + i + '"] .ag-cell[col-id="name"]')?.textContent ?? '').join('\\n') + (document.querySelector('[data-testid="totals"]')?.textContent ?? '');`;

/**
 * Milliseconds from an action in the page (a click, a keystroke) until the grid has painted its
 * result: the first rows' names on screen, or the count of projects shown in the status bar, differ
 * from those before the action (the grid may draw
 * them a frame or more later than the action returns), and the frame holding them has been
 * painted (a task queued in that frame's animation callback runs after its paint).
 */
export async function timeInPage(page: Page, action: string): Promise<number> {
  const ms = await page.evaluate(async ([code, SHOWN]) => {
    // A string made a function in the page: a function declared here gets tsx's name helper, unknown there.
    const names = new Function(SHOWN) as () => string;
    const before = names();
    const start = performance.now();
    new Function(code)();
    for (let frames = 0; ; frames++) {
      const shown = await new Promise<boolean>((r) => requestAnimationFrame(() => r(names() !== before)));
      if (shown) break;
      if (frames > 300) return -1;
    }
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - start;
  }, [action, SHOWN] as const);
  if (ms < 0) throw new Error('the grid did not show another first row after the action');
  return ms;
}
