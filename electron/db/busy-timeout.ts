/**
 * How long a write waits for another program's write lock before SQLite gives up (SQLITE_BUSY).
 * Its own module so that the error message naming it (services/api-error.ts) loads no database code.
 */
export const BUSY_TIMEOUT_MS = 5000;
