import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { collectGarbage } from '../../electron/services/spreadsheet/collect-garbage';

describe('collectGarbage (after a large .xls parse)', () => {
  it('collects what nothing references any more, and leaves gc() unexposed to code', async () => {
    const made = () => new WeakRef(Array.from({ length: 100_000 }, (_, i) => ({ i, text: `cell ${i}` })));
    const garbage = made();
    // A WeakRef's target is kept for the rest of the job that made or read it: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(garbage.deref()).toBeUndefined();
    collectGarbage(); // the second time reuses the function taken the first time
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});
