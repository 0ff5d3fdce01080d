/**
 * Writing a file the user asked for without ever leaving a broken one: write beside it under a
 * temporary name, fsync, then rename over the target. A failure leaves the old file as it was.
 */
import fs from 'node:fs';
import path from 'node:path';

export async function writeFileAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temp);
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    try {
      const dirFd = fs.openSync(dir, 'r');
      fs.fsyncSync(dirFd);
      fs.closeSync(dirFd);
    } catch {
      // Some file systems cannot fsync a folder; the rename itself is already done.
    }
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** A file name safe on Windows and Linux: no reserved names, separators or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let cleaned = name.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned)) cleaned = `_${cleaned}`;
  return cleaned.slice(0, 120) || '导出';
}
