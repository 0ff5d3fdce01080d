/** What the import commands print about a preview: its warnings, and its errors when it is refused. */
import { describeIssue, type ImportIssue } from '../../../shared/import';
import { AppError } from '../../../shared/result';

/** Print warnings; refuse (exit 1, each problem on stderr) when there are errors, unless allowed. */
export function reportIssues(preview: { issues: ImportIssue[] }, fileName: string, allowErrors = false): void {
  for (const issue of preview.issues.filter((i) => i.severity === 'warning')) process.stderr.write(`警告 ${describeIssue(issue)}\n`);
  const errors = preview.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 && !allowErrors) {
    for (const issue of errors) process.stderr.write(`${describeIssue(issue)}\n`);
    throw new AppError('VALIDATION', `“${fileName}”有${errors.length}处错误，未导入任何内容。`);
  }
}

export function summary(r: { added: number; updated: number; unchanged: number; skipped: number; warnings: number }): string {
  return `新增${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.skipped ? `，跳过有错误的${r.skipped}行` : ''}${r.warnings ? `，警告${r.warnings}条` : ''}`;
}
