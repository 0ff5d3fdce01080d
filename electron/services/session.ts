/**
 * What a transport (the Electron main process, the browser harness, kpw) does around the contract
 * calls, in one place: make its workbook reader and chart renderer, open the library it starts
 * with, take the due backup, close on quit, and check each result the way IPC would carry it.
 * Every call of the contract itself goes through dispatch (handlers.ts); a lint rule
 * (.eslint.config.mjs) lets transports import only handlers, context and this file.
 */
import type { ChartAssets } from './chart-render';

export { workerReader, developmentWorkerScript } from './spreadsheet/read-off-thread';
export { backupIfDue } from './backups';
export { closeLibrary, DEFAULT_LIBRARY_NAME, openOrCreateLibrary, openStartupLibrary, readRecent } from './library';
export { checkedForIpc, resultOverIpc } from './ipc-clone';

/** The chart renderer (resvg and ECharts, 1.5 MB) loaded on first use, not at every start. */
export async function prepareChartRenderer(assets: ChartAssets): Promise<void> {
  await (await import('./chart-render')).prepareChartRenderer(assets);
}
