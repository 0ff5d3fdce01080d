/** kpw import projects: a year's list, previewed and committed through the contract as the app does. */
import type { RequiredMoneyTarget } from '../../../shared/import';
import { AppError } from '../../../shared/result';
import { parseWithFiles, readInput, requireOption, requireYear, UsageError } from '../args';
import { withLibrary } from '../client';
import { reportIssues, summary } from './report';

export async function importProjects(argv: string[]): Promise<void> {
  const { values, positionals } = parseWithFiles(argv, {
    db: { type: 'string' },
    year: { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'valid-only': { type: 'boolean' },
    'allow-missing': { type: 'string', multiple: true },
  });
  const year = requireYear(values);
  const allowMissing = allowedMissing(values['allow-missing'] ?? []);
  const db = requireOption(values, 'db');
  await withLibrary(db, async (call) => {
    const source = readInput(positionals[0]!);
    const { fileName } = source;
    const sheet = typeof values.sheet === 'string' ? { sheet: values.sheet } : {};
    const preview = await call('import.projects.preview', { source, year, ...sheet });
    reportIssues(preview, fileName, Boolean(values['valid-only']));
    for (const note of preview.notes) process.stderr.write(`说明 ${preview.sheet}: ${note}\n`);
    const missing = preview.missingRequired.filter((m) => !allowMissing.includes(m.target));
    if (missing.length > 0) {
      const labels = missing.map((m) => m.label);
      throw new AppError('VALIDATION', `“${fileName}”的工作表“${preview.sheet}”没有${labels.map((l) => `“${l}”`).join('和')}列，未导入任何内容。如确认这份清单没有该列，请加 --allow-missing ${labels.join(',')}`);
    }
    const errors = preview.issues.filter((i) => i.severity === 'error');
    const counts = { added: preview.counts.new, updated: preview.counts.update, unchanged: preview.counts.unchanged, skipped: preview.counts.error, warnings: preview.issues.length - errors.length };
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${preview.sheet}，${summary(counts)}\n`);
      return;
    }
    // The commit backs the library up first, as in the app.
    const result = await call('import.projects.commit', { token: preview.token, year, ...sheet, validOnly: Boolean(values['valid-only']), allowMissing });
    process.stdout.write(`已导入${year}年清单：${summary(result)}\n`);
  });
}

/** "--allow-missing 年度计划投资" (or 总投资, or both, comma-separated or repeated) as targets. */
function allowedMissing(texts: string[]): RequiredMoneyTarget[] {
  const out: RequiredMoneyTarget[] = [];
  for (const word of texts.flatMap((t) => t.split(/[,，、\s]+/)).filter(Boolean)) {
    const target = /^(总投资|totalInvestment)$/.test(word) ? 'totalInvestment' : /^(年度计划投资|年计划投资|annualPlan)$/.test(word) ? 'annualPlan' : null;
    if (!target) throw new UsageError(`--allow-missing 只能是“总投资”或“年度计划投资”，不能是“${word}”`);
    if (!out.includes(target)) out.push(target);
  }
  return out;
}
