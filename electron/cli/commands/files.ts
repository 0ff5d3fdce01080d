/**
 * The commands that write a file where --out says: export projects, template, draft and backup.
 * Each is the app's export call; the save dialog's answer is --out (client.ts).
 */
import { DRAFT_KIND_LABELS, DRAFT_KINDS, DRAFT_PARAMS, type DraftKind } from '../../../shared/drafts';
import { outputPath, parse, requireMonth, requireOption, requireYear, UsageError } from '../args';
import { withLibrary } from '../client';

export async function exportProjects(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' } });
  const year = requireYear(values);
  const unit = values.unit ?? '万元';
  if (unit !== '万元' && unit !== '亿元') throw new UsageError(`单位“${unit}”无效，应为万元或亿元`);
  const out = outputPath(values);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const { rows } = await call('export.projects', { year, unit });
    process.stdout.write(`已导出${year}年清单${rows}个项目：${out}\n`);
  }, out);
}

export async function template(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, district: { type: 'string' }, out: { type: 'string' } });
  const year = requireYear(values);
  const month = requireMonth(values);
  const district = requireOption(values, 'district');
  const out = outputPath(values);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const { rows } = await call('export.districtTemplate', { year, month, district });
    process.stdout.write(`已生成${district}${year}年${month}月填报模板（${rows}个项目）：${out}\n`);
  }, out);
}

export async function draft(argv: string[]): Promise<void> {
  const [kindText, ...rest] = argv;
  if (!DRAFT_KINDS.includes(kindText as DraftKind)) throw new UsageError(`draft 后应为 ${DRAFT_KINDS.join(' 或 ')}`);
  const kind = kindText as DraftKind;
  const { values } = parse(rest, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, set: { type: 'string', multiple: true } });
  const year = requireYear(values);
  const month = requireMonth(values);
  const out = outputPath(values);
  const known = new Set(DRAFT_PARAMS[kind].map((p) => p.key));
  const params: Record<string, string> = {};
  for (const pair of values.set ?? []) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!known.has(key)) throw new UsageError(`--set ${pair}：${kind} 没有参数“${key || pair}”，可用：${[...known].join('、')}`);
    // "\n" on the command line stands for a new line (several speakers).
    params[key] = pair.slice(at + 1).replace(/\\n/g, '\n');
  }
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const made = await call('drafts.export', { kind, year, month, params });
    for (const problem of made.problems) process.stderr.write(`注意：${problem}\n`);
    process.stdout.write(`已生成${DRAFT_KIND_LABELS[kind]}（${made.figures}个数字取自统计，${made.placeholders}处待补充）：${out}\n`);
  }, out);
}

export async function backup(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const out = outputPath(values, true);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    await call('backups.saveAs', {});
    process.stdout.write(`已备份并校验：${out}\n`);
  }, out);
}
