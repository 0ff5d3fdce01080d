/** kpw import progress: one or several dispatch sheets for a month, previewed and committed through the contract. */
import { describeIssue } from '../../../shared/import';
import { COMPLETED_HOW_LABELS, missingCompletedRefusal } from '../../../shared/progress-import';
import { AppError } from '../../../shared/result';
import { parseWithFiles, readInput, requireMonth, requireOption, requireYear } from '../args';
import { withLibrary } from '../client';
import { reportIssues } from './report';

export async function importProgress(argv: string[]): Promise<void> {
  const { values, positionals: files } = parseWithFiles(
    argv,
    {
      db: { type: 'string' },
      year: { type: 'string' },
      month: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'confirm-month': { type: 'boolean' },
      'allow-no-completed': { type: 'boolean' },
    },
    Infinity,
  );
  const year = requireYear(values);
  const month = requireMonth(values);
  const db = requireOption(values, 'db');
  await withLibrary(db, async (call) => {
    const sources = files.map(readInput);
    const choices = {
      year,
      month,
      ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
      ...(values['confirm-month'] ? { confirmMonth: true } : {}),
    };
    const allowNoCompleted = Boolean(values['allow-no-completed']);
    const { token, previews } = await call('import.progress.preview', { files: sources, ...choices });
    // Which column(s) each file's completed investment comes from, and how they were read.
    for (const p of previews) {
      const from = p.completedFrom;
      if (from) process.stderr.write(`说明 “${p.fileName}” ${p.sheet}: 完成投资取自${from.letters.map((l, i) => `${l}列“${from.columns[i]}”`).join('、')}（${COMPLETED_HOW_LABELS[from.how]}）\n`);
      for (const note of p.notes) process.stderr.write(`说明 “${p.fileName}” ${p.sheet}: ${note}\n`);
    }
    const errors = previews.flatMap((p) => p.issues.filter((i) => i.severity === 'error'));
    previews.forEach((p) => reportIssues(p, p.fileName, true));
    if (errors.length > 0) {
      for (const issue of errors) process.stderr.write(`${describeIssue(issue)}\n`);
      const hint = previews.some((p) => p.otherMonth) && !choices.confirmMonth ? '如确认该列就是本月的累计，请加 --confirm-month。' : '';
      throw new AppError('VALIDATION', `有${errors.length}处错误，未导入任何内容。${hint}`);
    }
    // Never a silent zero: a sheet without any completed investment needs the user's word.
    const refusal = missingCompletedRefusal(previews, { allowNoCompleted });
    if (refusal) throw new AppError('VALIDATION', `${refusal}（命令行：加 --allow-no-completed）`);
    const count = (k: 'new' | 'update' | 'unchanged') => previews.reduce((n, p) => n + p.counts[k], 0);
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${year}年${month}月调度，新报送${count('new')}个，更新${count('update')}个，无变化${count('unchanged')}个\n`);
      return;
    }
    const r = await call('import.progress.commit', { token, ...choices, ...(allowNoCompleted ? { allowNoCompleted } : {}) });
    process.stdout.write(`已导入${year}年${month}月调度：新报送${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.warnings ? `，警告${r.warnings}条` : ''}\n`);
  });
}
