import { describe, expect, it } from 'vitest';
import { workerReader } from '../../electron/services/spreadsheet/read-off-thread';
import { readXlsx, WorkbookError } from '../../electron/services/spreadsheet/xlsx-reader';
import { buildWorkbook, minimalXlsx, zeroBomb } from '../helpers/workbooks';

const script = new URL('../../electron/services/spreadsheet/read-worker-tsx.mjs', import.meta.url);
const reader = (options: { timeoutMs?: number; maxHeapMb?: number } = {}) => workerReader({ script, ...options });

describe('reading off the main thread', () => {
  it('reads the same cells in a worker as in place', async () => {
    const bytes = await buildWorkbook([{ name: '清单', rows: [['项目名称', '总投资'], ['海堤修复', 1234.5], ['日期', new Date(Date.UTC(2024, 0, 31))]] }]);
    expect(await reader()(bytes)).toEqual(readXlsx(bytes));
  });

  it('passes the reader’s refusal through, with its message', async () => {
    const bomb = minimalXlsx('<worksheet/>', [{ name: 'xl/media/big.bin', stored: zeroBomb(1024), declaredSize: 1024 * 1024 * 1024 - 1 }]);
    await expect(reader()(bomb)).rejects.toThrow(WorkbookError);
    await expect(reader()(bomb)).rejects.toThrow(/压缩炸弹/);
  });

  it('gives up after its time limit', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`项目${i}`, i]);
    const bytes = await buildWorkbook([{ name: 'S', rows }]);
    await expect(reader({ timeoutMs: 1 })(bytes)).rejects.toThrow(/读取超时/);
  });
});
