/**
 * How errors cross the boundary between the main process (or the harness) and the renderer:
 * as values with a code and a Chinese message, never as exceptions or stack traces.
 */

export type ErrorCode =
  | 'INVALID_ARGUMENT' // the call's argument failed its schema
  | 'VALIDATION' // a value the user typed is not acceptable
  | 'NOT_FOUND'
  | 'CONFLICT' // e.g. a duplicate project code
  | 'NO_LIBRARY' // no project library is open
  | 'READ_ONLY' // the library is open read-only
  | 'DISK_FULL'
  | 'BUSY' // the database is locked by another program
  | 'CORRUPT'
  | 'NEWER_VERSION'
  | 'UNSUPPORTED' // not available in this shell (e.g. native dialogs in the browser harness)
  | 'CANCELLED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, shown to the user as is. */
  message: string;
  /** Where the problem is, when it concerns one cell or one row. */
  where?: { projectId?: number; field?: string; row?: number; column?: number };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services; converted to an ApiError value at the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: ApiError['where'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.where ? { code: this.code, message: this.message, where: this.where } : { code: this.code, message: this.message };
  }
}
