/**
 * Worker thread entry: reads one file of any accepted format (bytes in workerData) and posts the cells back, so a
 * large or hostile file never blocks the main process and runs under the worker's memory limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSpreadsheet } from './read-any';
import { WorkbookError } from './xlsx-reader';

const { bytes } = workerData as { bytes: Uint8Array };
try {
  parentPort!.postMessage({ ok: true, workbook: readSpreadsheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) });
} catch (err) {
  const e = err as WorkbookError;
  parentPort!.postMessage({ ok: false, known: err instanceof WorkbookError, message: e.message, sheet: e.sheet, cellRef: e.cellRef });
}
