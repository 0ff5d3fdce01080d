/**
 * kpw — the command-line tool of 重点项目工作台. It uses the same services as the app.
 * Exit codes: 0 success; 1 input refused (a Chinese message on stderr, nothing written);
 * 2 wrong usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { createContext, timestamp } from '../services/context';
import { fillDemoLibrary } from '../services/demo';
import { closeLibrary, createLibrary, openLibrary, requireDb } from '../services/library';
import { commitProjectImport, previewProjectImport, readWorkbook } from '../services/import/project-list';
import { exportProjectsToFile } from '../services/export/project-list';
import { writeDistrictTemplate } from '../services/export/district-template';
import { statistics } from '../services/statistics';
import { monthContext } from '../services/month-freeze';
import type { KeyedSummary, Summary } from '../../shared/statistics';
import { moneyInUnit } from '../../shared/money';
import { formatChange, formatMoneyText, formatPercent, formatPeriod } from '../../shared/format';
import { describeIssue, type ImportIssue, type RequiredMoneyTarget } from '../../shared/import';
import { commitProgressImport, missingCompletedRefusal, previewProgressImport } from '../services/import/progress';
import { COMPLETED_HOW_LABELS } from '../../shared/progress-import';
import { dispatch, toApiError } from '../services/handlers';
import { problemsAtMonthEnd } from '../services/problems';
import { plans, summaries } from '../services/ledgers';
import { commitLedgerImport, previewLedgerImport } from '../services/ledger-import';
import { backupBeforeImport, backupLibraryTo } from '../services/backups';
import { LEDGER_KIND_KEYS, LEDGER_KINDS, LEDGER_STATUS, NO_STATUS } from '../../shared/ledgers';
import { saveDraftToFile } from '../services/drafts/index';
import { DRAFT_KIND_LABELS, DRAFT_KINDS, DRAFT_PARAMS, type DraftKind } from '../../shared/drafts';

const VERSION = '0.1.0';

const HELP = `kpw — 重点项目工作台命令行工具 ${VERSION}

用法：
  kpw init --db 文件        新建一个空的项目库（含默认项目类别、牵头部门和标签）
  kpw demo --db 文件        新建示例项目库（一个城市2023、2024年的清单和月调度，统计数字与2024年重点项目新闻发布会一致）
  kpw import projects 文件.xlsx --db 项目库 --year 年度 [--sheet 工作表] [--dry-run] [--valid-only] [--allow-missing 列名]
                           导入年度项目清单：先检查全部内容，有错误则不写入（--valid-only 只导入无误的行）；
                           没有“总投资”或“年度计划投资”列的清单不导入，除非用 --allow-missing 总投资,年度计划投资 确认清单没有该列
  kpw import progress 文件.xlsx [文件2.xlsx …] --db 项目库 --year 年度 --month 月份 [--sheet 工作表] [--dry-run]
                    [--confirm-month] [--allow-no-completed]
                           导入某月调度表或各区市交回的填报模板（可一次导入多个，全部无误才写入）；
                           完成投资可为1-M月累计、逐月各列（相加）或本月加上月累计；表头写的是别的月份时不导入，
                           除非加 --confirm-month；没有完成投资列的表不导入，除非加 --allow-no-completed
  kpw template --db 项目库 --year 年度 --month 月份 --district 区市 --out 文件.xlsx
                           生成某区市某月的调度填报模板
  kpw stats --db 项目库 --year 年度 --month 月份 [--json]
                           统计：总体、按级别、类别、区市、规模，及上年同期（--json 输出 JSON，金额单位万元）
  kpw close --db 项目库 --year 年度 --month 月份
                           关账：该月的统计、排名、预警、问题和文稿数字从此保持关账时的样子
  kpw reopen --db 项目库 --year 年度 --month 月份 --reason 原因
                           重新开账（须说明原因，记入日志）；该月数字恢复按最新数据计算
  kpw export projects --db 项目库 --year 年度 --out 文件.xlsx [--unit 万元|亿元]
                           导出年度项目清单
  kpw backup --db 项目库 --out 备份.kpw
                           备份项目库（SQLite 备份接口，写入后校验完整性；不覆盖已有文件）
  kpw import ledger 台账.xlsx --db 项目库 --plan 行动计划名称 [--dry-run]
                           导入行动计划台账（每个工作表一个台账：工作任务、重点任务、重点指标、试点示范、创新性工作），全部无误才写入
  kpw ledgers --db 项目库 [--json]
                           各行动计划各台账的条目数和推进状态统计
  kpw draft press-conference|proposal-reply|bulletin --db 项目库 --year 年度 --month 月份 --out 文件.docx [--set 参数=值]…
                           生成文稿：新闻发布会材料、提案（建议）答复、重点项目建设情况通报（公文格式，数字取自统计）
                           参数见下，未给出的内容在文稿中标为【请补充：…】
  kpw --help               显示本帮助
  kpw --version            显示版本

文稿参数（--set）：
${DRAFT_KINDS.map((k) => `  ${k}：${DRAFT_PARAMS[k].map((p) => `${p.key}（${p.label}）`).join('、')}`).join('\n')}

导入的文件可以是 .xlsx、.xls（Excel 97-2003/WPS）、.csv（UTF-8 或 GBK）或含表格的 .docx（每个表格作为一个工作表：表1、表2…），按文件内容识别格式。

退出码：0 成功；1 输入被拒绝（原因见标准错误输出，未写入任何内容）；2 用法错误。
`;

class UsageError extends Error {}

type Command = (argv: string[]) => Promise<void> | void;

function parse<O extends NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function parseWithFile<O extends NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>>(argv: string[], options: O) {
  try {
    const result = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (result.positionals.length > 1) throw new Error(`多余的参数“${result.positionals[1]}”`);
    return result;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return value;
}

/** Open an existing library for a command; a missing, empty or damaged file is refused as it is. */
async function openForCommand(values: Record<string, unknown>) {
  const file = path.resolve(requireOption(values, 'db'));
  const ctx = createContext({ userDataDir: null, shell: 'browser', version: VERSION });
  await openLibrary(ctx, file);
  return ctx;
}

function requireYear(values: Record<string, unknown>): number {
  const text = requireOption(values, 'year');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new UsageError(`年度“${text}”无效`);
  return year;
}

function summary(r: { added: number; updated: number; unchanged: number; skipped: number; warnings: number }): string {
  return `新增${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.skipped ? `，跳过有错误的${r.skipped}行` : ''}${r.warnings ? `，警告${r.warnings}条` : ''}`;
}

async function importProjects(argv: string[]): Promise<void> {
  const { values, positionals } = parseWithFile(argv, {
    db: { type: 'string' },
    year: { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'valid-only': { type: 'boolean' },
    'allow-missing': { type: 'string', multiple: true },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('缺少要导入的文件');
  const year = requireYear(values);
  const allowMissing = allowedMissing(values['allow-missing'] ?? []);
  const ctx = await openForCommand(values);
  try {
    const { bytes, fileName } = readInput(file);
    const workbook = readWorkbook(bytes, fileName);
    const options = { year, ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}) };
    const preview = previewProjectImport(ctx, workbook, fileName, options);
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
    await backupBeforeImport(ctx);
    const result = commitProjectImport(ctx, workbook, fileName, { ...options, validOnly: Boolean(values['valid-only']), allowMissing });
    process.stdout.write(`已导入${year}年清单：${summary(result)}\n`);
  } finally {
    closeLibrary(ctx);
  }
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

function requireMonth(values: Record<string, unknown>): number {
  const text = requireOption(values, 'month');
  const month = Number(text);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new UsageError(`月份“${text}”无效，应为1至12`);
  return month;
}

function readInput(file: string): { bytes: Buffer; fileName: string } {
  try {
    return { bytes: fs.readFileSync(file), fileName: path.basename(file) };
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件“${file}”`);
  }
}

/** Print warnings; refuse (exit 1, each problem on stderr) when there are errors. */
function reportIssues(preview: { issues: ImportIssue[] }, fileName: string, allowErrors = false): void {
  for (const issue of preview.issues.filter((i) => i.severity === 'warning')) process.stderr.write(`警告 ${describeIssue(issue)}\n`);
  const errors = preview.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 && !allowErrors) {
    for (const issue of errors) process.stderr.write(`${describeIssue(issue)}\n`);
    throw new AppError('VALIDATION', `“${fileName}”有${errors.length}处错误，未导入任何内容。`);
  }
}

async function importProgress(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        year: { type: 'string' },
        month: { type: 'string' },
        sheet: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'confirm-month': { type: 'boolean' },
        'allow-no-completed': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals: files } = parsed;
  if (files.length === 0) throw new UsageError('缺少要导入的文件');
  const year = requireYear(values);
  const month = requireMonth(values);
  const ctx = await openForCommand(values);
  try {
    const sources = files.map((file) => {
      const { bytes, fileName } = readInput(file);
      return { fileName, workbook: readWorkbook(bytes, fileName) };
    });
    const options = {
      year,
      month,
      ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
      ...(values['confirm-month'] ? { confirmMonth: true } : {}),
      ...(values['allow-no-completed'] ? { allowNoCompleted: true } : {}),
    };
    const previews = previewProgressImport(ctx, sources, options);
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
      const hint = previews.some((p) => p.otherMonth) && !options.confirmMonth ? '如确认该列就是本月的累计，请加 --confirm-month。' : '';
      throw new AppError('VALIDATION', `有${errors.length}处错误，未导入任何内容。${hint}`);
    }
    // Never a silent zero: a sheet without any completed investment needs the user's word.
    const refusal = missingCompletedRefusal(previews, options);
    if (refusal) throw new AppError('VALIDATION', `${refusal}（命令行：加 --allow-no-completed）`);
    const count = (k: 'new' | 'update' | 'unchanged') => previews.reduce((n, p) => n + p.counts[k], 0);
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${year}年${month}月调度，新报送${count('new')}个，更新${count('update')}个，无变化${count('unchanged')}个\n`);
      return;
    }
    await backupBeforeImport(ctx);
    const r = commitProgressImport(ctx, sources, options);
    process.stdout.write(`已导入${year}年${month}月调度：新报送${r.added}个，更新${r.updated}个，无变化${r.unchanged}个${r.warnings ? `，警告${r.warnings}条` : ''}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

async function exportProjects(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' } });
  const year = requireYear(values);
  const out = path.resolve(requireOption(values, 'out'));
  const unit = values.unit ?? '万元';
  if (unit !== '万元' && unit !== '亿元') throw new UsageError(`单位“${unit}”无效，应为万元或亿元`);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹“${path.dirname(out)}”不存在`);
  const ctx = await openForCommand(values);
  try {
    const { rows } = await exportProjectsToFile(ctx, { year, unit }, out);
    process.stdout.write(`已导出${year}年清单${rows}个项目：${out}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

async function template(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, district: { type: 'string' }, out: { type: 'string' } });
  const year = requireYear(values);
  const month = requireMonth(values);
  const district = requireOption(values, 'district');
  const out = path.resolve(requireOption(values, 'out'));
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹“${path.dirname(out)}”不存在`);
  const ctx = await openForCommand(values);
  try {
    const { rows } = await writeDistrictTemplate(ctx, { year, month, district }, out);
    process.stdout.write(`已生成${district}${year}年${month}月填报模板（${rows}个项目）：${out}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

/** A summary for the JSON contract of STATISTICS.md: amounts in 万元, exact to 0.0001. */
function summaryJson(s: Summary): Record<string, unknown> {
  return {
    ...s,
    totalInvestment: moneyInUnit(s.totalInvestment, '万元'),
    annualPlan: moneyInUnit(s.annualPlan, '万元'),
    completedToDate: moneyInUnit(s.completedToDate, '万元'),
  };
}

async function stats(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, json: { type: 'boolean' } });
  const year = requireYear(values);
  const month = requireMonth(values);
  const ctx = await openForCommand(values);
  try {
    // A closed month's figures as they were closed (month-freeze.ts).
    const asOf = monthContext(ctx, year, month);
    const st = statistics(requireDb(asOf), year, month);
    if (values.json) {
      const keyed = (list: KeyedSummary[]) => list.map((k) => summaryJson(k));
      const out = {
        year,
        month,
        unit: '万元',
        overall: summaryJson(st.overall),
        byLevel: keyed(st.byLevel),
        byCategory: keyed(st.byCategory),
        byDistrict: keyed(st.byDistrict),
        bySize: keyed(st.bySize),
        byLeadDepartment: keyed(st.byLeadDepartment),
        byContactLeader: keyed(st.byContactLeader),
        byTag: keyed(st.byTag),
        provinceCity: summaryJson(st.provinceCity),
        previous: st.previous ? summaryJson(st.previous) : null,
        yoy: st.yoy,
        // Problems on the year's projects as of the end of month M; projects = with at least one.
        problems: problemsAtMonthEnd(asOf, year, month),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    const o = st.overall;
    const lines = [
      `${year}年${formatPeriod(month)}：重点项目${o.projects}个，总投资${formatMoneyText(o.totalInvestment)}，年度计划投资${formatMoneyText(o.annualPlan)}`,
      `完成投资${formatMoneyText(o.completedToDate)}，投资完成率${formatPercent(o.completedToDate, o.annualPlan)}（时序进度${formatPercent(month, 12)}）`,
      `开复工${o.startedNew + o.resumed}个，开复工率${formatPercent(o.startedNew + o.resumed, o.projects)}；未报送${o.unreported}个；红色${o.warnings.red}个，黄色${o.warnings.yellow}个`,
    ];
    if (st.previous) {
      const p = st.previous;
      lines.push(`与上年同期相比：项目数${formatChange(o.projects, p.projects)}，总投资${formatChange(o.totalInvestment, p.totalInvestment)}，年度计划投资${formatChange(o.annualPlan, p.annualPlan)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

/** Subcommands named by their second word: `kpw import projects …`. */
function withSubcommands(name: string, subcommands: Record<string, Command>): Command {
  return (argv) => {
    const [sub, ...rest] = argv;
    const command = sub === undefined ? undefined : subcommands[sub];
    if (!command) throw new UsageError(`${name} 后应为 ${Object.keys(subcommands).join(' 或 ')}`);
    return command(rest);
  };
}

async function draft(argv: string[]): Promise<void> {
  const [kind, ...rest] = argv;
  if (!DRAFT_KINDS.includes(kind as DraftKind)) throw new UsageError(`draft 后应为 ${DRAFT_KINDS.join(' 或 ')}`);
  const { values } = parse(rest, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, set: { type: 'string', multiple: true } });
  const year = requireYear(values);
  const month = requireMonth(values);
  const out = path.resolve(requireOption(values, 'out'));
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹“${path.dirname(out)}”不存在`);
  const known = new Set(DRAFT_PARAMS[kind as DraftKind].map((p) => p.key));
  const params: Record<string, string> = {};
  for (const pair of values.set ?? []) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!known.has(key)) throw new UsageError(`--set ${pair}：${kind} 没有参数“${key || pair}”，可用：${[...known].join('、')}`);
    // "\n" on the command line stands for a new line (several speakers).
    params[key] = pair.slice(at + 1).replace(/\\n/g, '\n');
  }
  const ctx = await openForCommand(values);
  try {
    const made = await saveDraftToFile(ctx, { kind: kind as DraftKind, year, month, params }, out);
    for (const problem of made.problems) process.stderr.write(`注意：${problem}\n`);
    const placeholders = made.blocks.flatMap((b) => ('runs' in b ? b.runs : [])).filter((r) => r.placeholder).length;
    process.stdout.write(`已生成${DRAFT_KIND_LABELS[kind as DraftKind]}（${made.figures.length}个数字取自统计，${placeholders}处待补充）：${out}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

async function backup(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const out = path.resolve(requireOption(values, 'out'));
  if (fs.existsSync(out)) throw new AppError('CONFLICT', `“${out}”已存在，为避免覆盖，请换一个文件名`);
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹“${path.dirname(out)}”不存在`);
  const ctx = await openForCommand(values);
  try {
    await backupLibraryTo(ctx, out);
    process.stdout.write(`已备份并校验：${out}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

async function importLedger(argv: string[]): Promise<void> {
  const { values, positionals } = parseWithFile(argv, { db: { type: 'string' }, plan: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const file = positionals[0];
  if (!file) throw new UsageError('缺少要导入的文件');
  const plan = requireOption(values, 'plan');
  const ctx = await openForCommand(values);
  try {
    const { bytes, fileName } = readInput(file);
    const source = { plan, workbook: readWorkbook(bytes, fileName), fileName };
    // The app's two steps: the preview (every problem), then the commit when it has no error.
    const preview = previewLedgerImport(ctx, source);
    for (const issue of preview.issues) process.stderr.write(`${issue.severity === 'error' ? '错误' : '警告'}：${describeIssue(issue)}\n`);
    const read = preview.sheets.filter((s) => s.ledger && s.headerRow);
    const counts = LEDGER_KIND_KEYS.map((k) => read.find((s) => s.ledger === k)).filter((s) => s !== undefined).map((s) => `${LEDGER_KINDS[s.ledger!]}${s.rows.length}项`).join('，');
    if (preview.issues.some((i) => i.severity === 'error')) throw new AppError('VALIDATION', '台账有错误，未导入（原因见上）');
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${counts}\n`);
      return;
    }
    await commitLedgerImport(ctx, source);
    process.stdout.write(`已导入“${preview.plan}”：${counts}\n`);
  } finally {
    closeLibrary(ctx);
  }
}

async function ledgersCommand(argv: string[]): Promise<void> {
  {
    const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
    const ctx = await openForCommand(values);
    try {
      const out = plans(ctx).flatMap((plan) =>
        summaries(ctx, { planId: plan.id })
          .filter((s) => s.counts.items > 0)
          .map((s) => ({
            plan: plan.name,
            ledger: LEDGER_KINDS[s.ledger],
            items: s.counts.items,
            byStatus: { [LEDGER_STATUS.done]: s.counts.done, [LEDGER_STATUS.onTrack]: s.counts.onTrack, [LEDGER_STATUS.lagging]: s.counts.lagging, [NO_STATUS]: s.counts.none },
          })),
      );
      if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else
        for (const l of out)
          process.stdout.write(`${l.plan} · ${l.ledger}：${l.items}项（${Object.entries(l.byStatus).map(([k, v]) => `${k}${v}`).join('，')}）\n`);
    } finally {
      closeLibrary(ctx);
    }
  }
}

/** 关账 / 重新开账 through the contract, as the app does them (a reopening needs its reason). */
function monthCommand(action: 'close' | 'reopen'): Command {
  return async (argv) => {
    const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, reason: { type: 'string' } });
    const year = requireYear(values);
    const month = requireMonth(values);
    const ctx = await openForCommand(values);
    try {
      const result = action === 'close'
        ? await dispatch(ctx, 'dispatch.close', { year, month })
        : await dispatch(ctx, 'dispatch.reopen', { year, month, reason: requireOption(values, 'reason') });
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      process.stdout.write(action === 'close' ? `已关账：${year}年${month}月（此后该月的统计、排名、预警和文稿数字不再变化，直到重新开账）\n` : `已重新开账：${year}年${month}月\n`);
    } finally {
      closeLibrary(ctx);
    }
  };
}

const commands: Record<string, Command> = {
  backup,
  close: monthCommand('close'),
  reopen: monthCommand('reopen'),
  ledgers: ledgersCommand,
  draft,
  import: withSubcommands('import', { projects: importProjects, progress: importProgress, ledger: importLedger }),
  export: withSubcommands('export', { projects: exportProjects }),
  template,
  stats,
  demo(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    const file = path.resolve(requireOption(values, 'db'));
    const ctx = createContext({ userDataDir: null, shell: 'browser', version: VERSION });
    const info = createLibrary(ctx, file, (db) => fillDemoLibrary(db, timestamp(ctx)));
    closeLibrary(ctx);
    process.stdout.write(`已新建示例项目库：${info.path}\n`);
  },
  init(argv) {
    const { values } = parse(argv, { db: { type: 'string' } });
    const file = path.resolve(requireOption(values, 'db'));
    const ctx = createContext({ userDataDir: null, shell: 'browser', version: VERSION });
    const info = createLibrary(ctx, file);
    closeLibrary(ctx);
    process.stdout.write(`已新建项目库：${info.path}\n`);
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`未知命令“${name}”`);
    await command(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`用法错误：${err.message}\n运行 kpw --help 查看用法。\n`);
      return 2;
    }
    const error = err instanceof AppError ? err.toApiError() : toApiError(err);
    process.stderr.write(`错误：${error.message}\n`);
    if (error.code === 'INTERNAL' && process.env.KPW_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
