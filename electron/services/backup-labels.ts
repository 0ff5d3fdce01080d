/**
 * What each backup preceded, in words people look for: "导入 荣成市8月调度 之前", "恢复 … 的备份之前",
 * "迁移到第10版之前". New backups carry their label inside (db/backup.ts); those made before labels
 * existed are labelled from what can be known: the reason in their name and, for an import, the
 * import the library's change log records right after the backup.
 */
import path from 'node:path';

export interface ParsedBackupName {
  /** "YYYY-MM-DD HH:MM:SS" on the user's clock. */
  at: string;
  /** Why it was made: 导入前, 定时, 手动, 恢复前, 迁移前. */
  kind: string;
  /** The rest of the name after the kind (the imported file, the version), '' for old names. */
  detail: string;
}

/** "20250905-101500[-2]-导入前[-荣成市8月调度].kpw", the names backups.ts gives. */
export function parseBackupName(name: string): ParsedBackupName | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-([^-]+?)(?:-(.+))?\.kpw$/.exec(name);
  return m ? { at: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`, kind: m[7]!, detail: m[8] ?? '' } : null;
}

/** The file names of an import as its backup's label. */
export function importBackupLabel(fileNames: readonly string[]): string {
  const names = fileNames.map((f) => path.parse(f).name).filter(Boolean);
  if (names.length === 0) return '导入之前';
  return names.length === 1 ? `导入 ${names[0]} 之前` : `导入 ${names[0]} 等${names.length}个文件之前`;
}

/** What an import's change set names ("导入“荣成市8月调度.xlsx”：新增…", "导入2025年8月调度2个文件"). */
function importedFrom(setLabel: string): string {
  const quoted = /“(.+?)”/.exec(setLabel);
  if (quoted) return path.parse(quoted[1]!).name;
  return setLabel.replace(/^导入/, '').split('：')[0]!;
}

const PLAIN: Record<string, string> = { 定时: '每日自动备份', 手动: '手动备份', 恢复前: '恢复备份之前' };

/** "YYYY-MM-DDTHH:MM:SS" `seconds` after a backup's time, as the change log writes times. */
function logTime(at: string, seconds = 0): string {
  const [date, time] = at.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  const t = new Date(y, mo - 1, d, h, mi, s + seconds);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
}

/**
 * The label to show: the one stored in the backup, else one from its name, and for an old
 * 导入前 backup the import logged within a minute after it (the import follows its backup at once).
 */
export function backupLabelOf(parsed: ParsedBackupName, stored: string | null, importLogged?: (from: string, to: string) => string | undefined): string {
  if (stored) return stored;
  if (parsed.kind === '导入前') {
    const logged = importLogged?.(logTime(parsed.at), logTime(parsed.at, 60));
    if (logged) return `导入 ${importedFrom(logged)} 之前`;
    return parsed.detail ? `导入 ${parsed.detail} 之前` : '导入之前（导入的文件未记录）';
  }
  if (parsed.kind === '迁移前') return `迁移到${parsed.detail || '新版本'}之前`;
  return PLAIN[parsed.kind] ?? parsed.kind;
}

/**
 * A migration backup older versions left beside the library, "项目库.kpw.v5-20250905T021500.bak"
 * (the time in UTC): its time on the user's clock and its label, or null for any other file.
 */
export function legacyMigrationBackup(libraryName: string, name: string): { at: string; label: string } | null {
  if (!name.startsWith(`${libraryName}.v`)) return null;
  const m = /^v(\d+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.bak$/.exec(name.slice(libraryName.length + 1));
  if (!m) return null;
  const [, version, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  const p = (n: number) => String(n).padStart(2, '0');
  const at = `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
  return { at, label: `从第${version}版升级之前` };
}
