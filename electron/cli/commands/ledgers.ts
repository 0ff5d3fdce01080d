/** kpw import ledger and kpw ledgers: action-plan ledgers through the contract. */
import { describeIssue } from '../../../shared/import';
import { LEDGER_KIND_KEYS, LEDGER_KINDS, LEDGER_STATUS, NO_STATUS } from '../../../shared/ledgers';
import { AppError } from '../../../shared/result';
import { parse, parseWithFiles, readInput, requireOption } from '../args';
import { withLibrary } from '../client';

export async function importLedger(argv: string[]): Promise<void> {
  const { values, positionals } = parseWithFiles(argv, { db: { type: 'string' }, plan: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  const plan = requireOption(values, 'plan');
  await withLibrary(requireOption(values, 'db'), async (call) => {
    // The app's two steps: the preview (every problem), then the commit when it has no error.
    const preview = await call('ledgers.import.preview', { source: readInput(positionals[0]!), plan });
    for (const issue of preview.issues) process.stderr.write(`${issue.severity === 'error' ? '错误' : '警告'}：${describeIssue(issue)}\n`);
    const read = preview.sheets.filter((s) => s.ledger && s.headerRow);
    const counts = LEDGER_KIND_KEYS.map((k) => read.find((s) => s.ledger === k)).filter((s) => s !== undefined).map((s) => `${LEDGER_KINDS[s.ledger!]}${s.rows.length}项`).join('，');
    if (preview.issues.some((i) => i.severity === 'error')) throw new AppError('VALIDATION', '台账有错误，未导入（原因见上）');
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${counts}\n`);
      return;
    }
    await call('ledgers.import.commit', { token: preview.token, plan });
    process.stdout.write(`已导入“${preview.plan}”：${counts}\n`);
  });
}

export async function ledgers(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const out = [];
    for (const plan of await call('ledgers.plans', {})) {
      for (const s of await call('ledgers.summaries', { planId: plan.id })) {
        if (s.counts.items === 0) continue;
        out.push({
          plan: plan.name,
          ledger: LEDGER_KINDS[s.ledger],
          items: s.counts.items,
          byStatus: { [LEDGER_STATUS.done]: s.counts.done, [LEDGER_STATUS.onTrack]: s.counts.onTrack, [LEDGER_STATUS.lagging]: s.counts.lagging, [NO_STATUS]: s.counts.none },
        });
      }
    }
    if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    else for (const l of out) process.stdout.write(`${l.plan} · ${l.ledger}：${l.items}项（${Object.entries(l.byStatus).map(([k, v]) => `${k}${v}`).join('，')}）\n`);
  });
}
