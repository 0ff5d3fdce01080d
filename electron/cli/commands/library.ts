/** kpw init, demo, close and reopen: making a library, and 关账 / 重新开账 as the app does them. */
import { parse, requireMonth, requireOption, requireYear } from '../args';
import { createNewLibrary, withLibrary } from '../client';

export async function init(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' } });
  process.stdout.write(`已新建项目库：${await createNewLibrary(requireOption(values, 'db'), false)}\n`);
}

export async function demo(argv: string[]): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' } });
  process.stdout.write(`已新建示例项目库：${await createNewLibrary(requireOption(values, 'db'), true)}\n`);
}

/** 关账 / 重新开账 (a reopening needs its reason, which is logged). */
export function monthCommand(action: 'close' | 'reopen') {
  return async (argv: string[]): Promise<void> => {
    const { values } = parse(argv, { db: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, reason: { type: 'string' } });
    const year = requireYear(values);
    const month = requireMonth(values);
    await withLibrary(requireOption(values, 'db'), async (call) => {
      if (action === 'close') await call('dispatch.close', { year, month });
      else await call('dispatch.reopen', { year, month, reason: requireOption(values, 'reason') });
      process.stdout.write(action === 'close' ? `已关账：${year}年${month}月（此后该月的统计、排名、预警和文稿数字不再变化，直到重新开账）\n` : `已重新开账：${year}年${month}月\n`);
    });
  };
}
