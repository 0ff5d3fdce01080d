/**
 * The pieces every part of the contract builds its methods from (shared/api.ts assembles the
 * domain parts api-library.ts, api-projects.ts, …): the method declaration, the argument schemas
 * several domains share, and the shape of a file the services hand back.
 */
import * as z from 'zod';
// The one locale we use, imported alone: `z.locales` would bundle all fifty (0.5 MB).
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

export const year = z.number().int().min(1949, '年份不能早于1949年').max(2100, '年份不能晚于2100年');
export const id = z.number().int().positive();
export const month = z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12');
export const path = z.string().min(1, '请指定文件路径').max(4096);
export const none = z.object({}).strict();
export const token = z.string().uuid('导入的文件已失效，请重新选择文件');
/** A money amount is typed in one of the two units the screens offer. */
export const moneyUnit = z.enum(['万元', '亿元']);
/** A date as a person types it (2024年9月15日, 2024-09-15…); the service parses it. */
export const dateText = z.string().max(40, '日期过长');
const names = z.array(z.string().max(200)).max(1000).optional();
export const statsFilter = z
  .object({ levels: z.array(z.enum(['province', 'city', 'county'])).optional(), categories: names, districts: names, leadDepartments: names, contactLeaders: names, tags: names })
  .strict();
/** A file the user picked, as its name and bytes (base64). */
export const pickedFile = z.object({ fileName: z.string().min(1).max(255), data: z.string().max(150_000_000, '文件过大（超过100MB）') }).strict();

/**
 * A file a service made (an export, a draft, a backup copy): Electron asks where to save it and
 * writes it (savedTo); the browser harness gets its bytes instead (data, base64).
 */
export interface SavedFile {
  fileName: string;
  savedTo: string | null;
  data: string | null;
}

/**
 * Declares one method: its argument schema and, as a type only, its result:
 * `method(schema).returns<Result>()`.
 */
export function method<A extends z.ZodType>(args: A) {
  return { returns: <R>() => ({ args, result: undefined as unknown as R }) };
}
