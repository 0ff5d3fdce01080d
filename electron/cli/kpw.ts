/**
 * kpw — the command-line tool of 重点项目工作台. It uses the same services as the app.
 * Exit codes: 0 success; 1 input refused (a Chinese message on stderr, nothing written);
 * 2 wrong usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/result';
import { createContext } from '../services/context';
import { closeLibrary, createLibrary } from '../services/library';
import { toApiError } from '../services/handlers';

const VERSION = '0.1.0';

const HELP = `kpw — 重点项目工作台命令行工具 ${VERSION}

用法：
  kpw init --db 文件        新建一个空的项目库（含默认项目类别、牵头部门和标签）
  kpw --help               显示本帮助
  kpw --version            显示版本

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

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return value;
}

const commands: Record<string, Command> = {
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
