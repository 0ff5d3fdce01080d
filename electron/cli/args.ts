/** kpw's arguments: parsing, the options commands share (--db, --year, --month, --out) and the files named. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';

/** Wrong usage (exit 2), as opposed to input refused (exit 1). */
export class UsageError extends Error {}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Options and the files named after them (at most `most`). */
export function parseWithFiles<O extends Options>(argv: string[], options: O, most = 1) {
  try {
    const result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (result.positionals.length > most) throw new Error(`多余的参数“${result.positionals[most]}”`);
    if (result.positionals.length === 0) throw new Error('缺少要导入的文件');
    return result;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return value;
}

export function requireYear(values: Record<string, unknown>): number {
  const text = requireOption(values, 'year');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new UsageError(`年度“${text}”无效`);
  return year;
}

export function requireMonth(values: Record<string, unknown>): number {
  const text = requireOption(values, 'month');
  const month = Number(text);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new UsageError(`月份“${text}”无效，应为1至12`);
  return month;
}

/** --out as an absolute path in a folder that exists (and, with `fresh`, naming no file yet). */
export function outputPath(values: Record<string, unknown>, fresh = false): string {
  const out = path.resolve(requireOption(values, 'out'));
  if (fresh && fs.existsSync(out)) throw new AppError('CONFLICT', `“${out}”已存在，为避免覆盖，请换一个文件名`);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹“${path.dirname(out)}”不存在`);
  return out;
}

/** A file named on the command line, as the app's file picker hands it to the contract (base64). */
export function readInput(file: string): { fileName: string; data: string } {
  try {
    return { fileName: path.basename(file), data: fs.readFileSync(file).toString('base64') };
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件“${file}”`);
  }
}
