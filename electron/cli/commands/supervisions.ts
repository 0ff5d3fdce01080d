/** kpw supervisions: a year's 预警通知书 and 督办单 with their status, overdue ones marked. */
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, SUPERVISION_STATUS } from '../../../shared/supervision';
import { parse, requireOption, requireYear } from '../args';
import { withLibrary } from '../client';

export async function supervisions(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } });
  const year = requireYear(values);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const rows = await call('supervisions.list', { year });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (rows.length === 0) process.stdout.write(`${year}年没有督办记录\n`);
    for (const r of rows) {
      const answered = r.feedbackDate ? `，${r.feedbackDate}反馈` : '';
      process.stdout.write(
        `${r.number} ${SUPERVISION_LEVELS[r.level]}${SUPERVISION_FORMS[r.form]} ${r.projectName}（${r.district ?? '未填区市'}）：${r.issuedDate}下发，${r.deadline}前办理${answered}；${SUPERVISION_STATUS[r.status]}${r.overdue ? '（已逾期）' : ''}\n`,
      );
    }
  });
}
