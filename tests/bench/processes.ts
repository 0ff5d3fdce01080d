/**
 * Whole processes measured as a user meets them: wall time from spawn to exit, and the process's
 * own peak memory (its maximum resident set, from GNU time: each number belongs to that one run,
 * never to the benchmark process). Runs of several commands are interleaved (a, b, c, a, b, c…)
 * so that a busy moment of a shared machine falls on all of them alike.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  operation: string;
  size: string;
  target: string;
  times: number[];
  memory: string;
  /** Median CPU seconds of the process (user + system, its children included), where measured. */
  cpuS?: number;
}

export interface ProcessRun {
  ms: number;
  /** Peak resident set of the process, MB; null where GNU time is missing. */
  rssMb: number | null;
  /** CPU seconds (user + system) of the process and its children: less moved by a busy machine than wall time. */
  cpuS: number | null;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);
const rssFile = path.join(os.tmpdir(), `kpw-bench-rss-${process.pid}.txt`);

/** Run a command to its end; a failure (non-zero exit) throws with its stderr. */
export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ProcessRun {
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!hasGnuTime) return { ms, rssMb: null, cpuS: null, stdout: r.stdout };
  const [rssKb, user, system] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { ms, rssMb: rssKb / 1024, cpuS: user + system, stdout: r.stdout };
}

export interface ProcessOp {
  operation: string;
  size: string;
  target: string;
  /** What a run does: set-up before it is not timed (prepare), the process is. */
  prepare?: (run: number) => void;
  command: (run: number) => { command: string; args: string[]; cwd?: string };
  /** Checks a run's output, so a run that did nothing is never timed as fast. */
  check?: (stdout: string) => void;
  /** Added to the row's memory column (e.g. what the time includes). */
  note?: string;
  /** The time the process reports of itself (e.g. without its start-up), instead of spawn to exit. */
  timeFrom?: (stdout: string) => number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Each op once as a warm-up (not counted), then `runs` rounds of all of them in turn. */
export function measureProcessesInTurn(ops: ProcessOp[], runs: number): BenchRow[] {
  const times = ops.map(() => [] as number[]);
  const rss = ops.map(() => [] as number[]);
  const cpu = ops.map(() => [] as number[]);
  for (let round = -1; round < runs; round++) {
    for (const [k, op] of ops.entries()) {
      op.prepare?.(round);
      const { command, args, cwd } = op.command(round);
      const r = runProcess(command, args, cwd ? { cwd } : {});
      op.check?.(r.stdout);
      if (round < 0) continue;
      times[k]!.push(op.timeFrom ? op.timeFrom(r.stdout) : r.ms);
      if (r.rssMb !== null) rss[k]!.push(r.rssMb);
      if (r.cpuS !== null) cpu[k]!.push(r.cpuS);
    }
  }
  return ops.map((op, k) => {
    const peak = rss[k]!.length ? `${Math.max(...rss[k]!).toFixed(0)} MB peak RSS (its process), CPU ${median(cpu[k]!).toFixed(2)} s` : '— (no /usr/bin/time)';
    process.stderr.write(`  ${op.operation}: median ${median(times[k]!).toFixed(1)} ms\n`);
    const cpuS = cpu[k]!.length ? median(cpu[k]!) : undefined;
    return { operation: op.operation, size: op.size, target: op.target, times: times[k]!, memory: op.note ? `${peak}; ${op.note}` : peak, ...(cpuS === undefined ? {} : { cpuS }) };
  });
}
