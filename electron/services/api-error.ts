/**
 * A failure as the contract reports it ({ code, message } in Chinese). Its own module so that a
 * client which only needs this (kpw's entry) does not load every service with handlers.ts.
 */
import { AppError, type ApiError } from '../../shared/result';
import { BUSY_TIMEOUT_MS } from '../db/busy-timeout';

/** SQLite's error codes that a user can act on, in Chinese. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toApiError();
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL') return { code: 'DISK_FULL', message: '磁盘空间不足，本次修改未保存。请释放磁盘空间后重试。' };
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      // Every write waits for the lock up to BUSY_TIMEOUT_MS (db/connection.ts) before this.
      return { code: 'BUSY', message: `项目库正被其他程序使用（另一个窗口或 kpw 命令正在写入），等待${BUSY_TIMEOUT_MS / 1000}秒仍未轮到，本次修改未保存，请稍后重试。` };
    }
    if (code.startsWith('SQLITE_READONLY')) return { code: 'READ_ONLY', message: '项目库文件为只读，本次修改未保存。' };
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return { code: 'CORRUPT', message: '项目库文件已损坏，本次修改未保存。请从备份恢复。' };
    }
    // A money column's own refusal names the column (0011's named CHECKs, 0006's triggers).
    const money = code.startsWith('SQLITE_CONSTRAINT') ? /金额必须是整数[^]*$/.exec(String((err as { message?: unknown }).message)) : null;
    if (money) return { code: 'VALIDATION', message: `${money[0]}，未保存。` };
    if (code.startsWith('SQLITE_CONSTRAINT')) return { code: 'VALIDATION', message: '该值违反了项目库的数据规则，未保存。' };
    if (code.startsWith('SQLITE_IOERR')) return { code: 'INTERNAL', message: '读写项目库文件时出错，本次修改未保存。' };
  }
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成。' };
}
