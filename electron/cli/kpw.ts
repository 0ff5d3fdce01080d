/**
 * kpw — the command-line tool of 重点项目工作台. It calls the same contract as the app, through
 * dispatch (client.ts); this file only picks the command. Each command is loaded when it runs,
 * so `kpw --version` and `kpw --help` start without the services.
 * Exit codes: 0 success; 1 input refused (a Chinese message on stderr, nothing written);
 * 2 wrong usage.
 */
import { VERSION } from './version';

type Command = (argv: string[]) => Promise<void>;

/** Subcommands named by their second word: `kpw import projects …`. */
function withSubcommands(name: string, subcommands: Record<string, () => Promise<Command>>): Command {
  return async (argv) => {
    const [sub, ...rest] = argv;
    const load = sub === undefined ? undefined : subcommands[sub];
    if (!load) {
      const { UsageError } = await import('./args');
      throw new UsageError(`${name} 后应为 ${Object.keys(subcommands).join(' 或 ')}`);
    }
    return (await load())(rest);
  };
}

const lazy = (load: () => Promise<Command>): Command => async (argv) => (await load())(argv);

const commands: Record<string, Command> = {
  backup: lazy(async () => (await import('./commands/files')).backup),
  close: lazy(async () => (await import('./commands/library')).monthCommand('close')),
  reopen: lazy(async () => (await import('./commands/library')).monthCommand('reopen')),
  ledgers: lazy(async () => (await import('./commands/ledgers')).ledgers),
  draft: lazy(async () => (await import('./commands/files')).draft),
  import: withSubcommands('import', {
    projects: async () => (await import('./commands/import-projects')).importProjects,
    progress: async () => (await import('./commands/import-progress')).importProgress,
    ledger: async () => (await import('./commands/ledgers')).importLedger,
    procedures: async () => (await import('./commands/lifecycle')).importProcedures,
    funds: async () => (await import('./commands/lifecycle')).importSupport('funds'),
    bank: async () => (await import('./commands/lifecycle')).importSupport('bank'),
    land: async () => (await import('./commands/lifecycle')).importSupport('land'),
  }),
  export: withSubcommands('export', { projects: async () => (await import('./commands/files')).exportProjects }),
  template: lazy(async () => (await import('./commands/files')).template),
  stats: lazy(async () => (await import('./commands/stats')).stats),
  supervisions: lazy(async () => (await import('./commands/supervisions')).supervisions),
  demo: lazy(async () => (await import('./commands/library')).demo),
  init: lazy(async () => (await import('./commands/library')).init),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await import('./help')).HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { UsageError } = await import('./args');
  const { AppError } = await import('../../shared/result');
  try {
    const command = commands[name];
    if (!command) throw new UsageError(`未知命令“${name}”`);
    await command(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`用法错误：${err.message}\n运行 kpw --help 查看用法。\n`);
      return 2;
    }
    // Failures of the contract arrive as AppError (client.ts); anything else is unexpected.
    const message = err instanceof AppError ? err.message : '程序内部错误，操作未完成。';
    if (!(err instanceof AppError) && process.env.KPW_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.stderr.write(`错误：${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
