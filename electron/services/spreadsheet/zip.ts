/**
 * A minimal, defensive reader of the zip container of an .xlsx. The archive is checked before
 * anything is inflated (entry count, names, declared sizes, compression ratio, encryption), and
 * each entry is inflated with a hard output limit, because declared sizes can lie: a 200 KB file
 * that would inflate to 1 GB is refused in milliseconds with bounded memory.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Total declared uncompressed size of all entries. */
  maxTotalBytes: number;
  /** One entry's inflated size. */
  maxEntryBytes: number;
  /** Refuse entries larger than 10 MB whose compression ratio exceeds this. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 400 * 1024 * 1024,
  maxEntryBytes: 300 * 1024 * 1024,
  maxRatio: 200,
};

/** A problem with the archive itself, in Chinese; the caller adds the file name. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 65535);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function safeName(name: string): boolean {
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

/** List the entries, refusing archives that are not plain, safe zip files. */
export function readZipDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError('不是有效的 .xlsx 文件（无法识别的压缩格式）');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('文件过大或使用了不支持的 ZIP64 格式');
  if (count > limits.maxEntries) throw new ZipError(`压缩包内文件过多（${count}个），可能是恶意文件`);
  if (cdOffset + cdSize > buf.length) throw new ZipError('文件不完整或已损坏');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('文件不完整或已损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipError('文件已加密，请在 Excel/WPS 中取消密码后另存');
    if (!safeName(name)) throw new ZipError(`压缩包内的文件名“${name.slice(0, 80)}”不安全，可能是恶意文件`);
    if (method !== 0 && method !== 8) throw new ZipError('使用了不支持的压缩方式');
    if (uncompressedSize > limits.maxEntryBytes) throw new ZipError('文件解压后过大，可能是恶意文件（压缩炸弹）');
    if (uncompressedSize > 10 * 1024 * 1024 && uncompressedSize > compressedSize * limits.maxRatio) {
      throw new ZipError('文件压缩比异常，可能是恶意文件（压缩炸弹）');
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipError('文件解压后过大，可能是恶意文件（压缩炸弹）');
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/** Inflate one entry, never producing more than its declared size (or the limit). */
export function readZipEntry(buf: Buffer, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipError('文件不完整或已损坏');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError('文件不完整或已损坏');
  const data = buf.subarray(start, end);
  if (entry.method === 0) return data;
  const max = Math.min(entry.uncompressedSize, limits.maxEntryBytes);
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(max, 1) });
    if (out.length !== entry.uncompressedSize) throw new ZipError('文件已损坏（解压后大小与声明不符）');
    return out;
  } catch (err) {
    if (err instanceof ZipError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('文件解压后过大，可能是恶意文件（压缩炸弹）');
    throw new ZipError('文件已损坏，无法解压');
  }
}
