/**
 * A version of the platform built from a commit into a directory of its own, and started as a child process
 * on a loopback port with its own DATA_DIR: what the HTTP benchmark compares. Every child started here is
 * remembered and stopped by its PID (`stopAllPlatforms`), also when the benchmark fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCommit, runCommand, type SourceTree } from './source-tree';

export interface PlatformBuild extends SourceTree {
  readonly buildSeconds: number;
}

/**
 * Extracts `ref` into `directory` with the repository's node_modules (`extractCommit`) and runs
 * `npm run build` there.
 */
export function buildVersion(ref: string, directory: string): PlatformBuild {
  const tree = extractCommit(ref, directory);
  const started = process.hrtime.bigint();
  runCommand('npm', ['run', '-s', 'build'], directory);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...tree, buildSeconds };
}

export interface RunningPlatform {
  readonly pid: number;
  readonly port: number;
  /** CPU seconds (user + system, every thread) the process has used so far, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const live = new Map<number, ChildProcess>();
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const tail = (file: string): string =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '';

/** Stops a child by its PID: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    if (pid !== undefined) live.delete(pid);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(pid, 'SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!inTime) {
    process.kill(pid, 'SIGKILL');
    await exited;
  }
  live.delete(pid);
}

/**
 * Starts `build`'s platform (`node dist/apps/platform/src/main.js`) on `port` with `env` on top of this
 * process's environment, its output appended to `logFile`, and waits until GET /ready answers 200 (bounded
 * by `readyTimeoutMs`; a child that exits meanwhile is an error with its last lines).
 */
export async function startPlatform(
  build: PlatformBuild,
  options: {
    readonly port: number;
    readonly env: Readonly<Record<string, string>>;
    readonly logFile: string;
    readonly readyTimeoutMs: number;
    /** Node's own options before the script (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept). */
    readonly nodeArgs?: readonly string[];
  },
): Promise<RunningPlatform & { readonly readySeconds: number }> {
  const log = openSync(options.logFile, 'a');
  const started = process.hrtime.bigint();
  const script = join(build.directory, 'dist/apps/platform/src/main.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: build.directory,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the platform of ${build.commit}`);
  live.set(pid, child);
  const platform: RunningPlatform = {
    pid,
    port: options.port,
    cpuSeconds: () => cpuSecondsOf(pid),
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + options.readyTimeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `the platform of ${build.commit} exited before it was ready:\n${tail(options.logFile)}`,
        );
      }
      const status = await fetch(`http://127.0.0.1:${options.port}/ready`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) {
        return { ...platform, readySeconds: Number(process.hrtime.bigint() - started) / 1e9 };
      }
      await sleep(250);
    }
    throw new Error(
      `the platform of ${build.commit} was not ready after ${options.readyTimeoutMs / 1000} s:\n${tail(options.logFile)}`,
    );
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Stops every platform still running (by PID), for the benchmark's `finally` and signal handlers. */
export async function stopAllPlatforms(): Promise<void> {
  await Promise.all([...live.values()].map((child) => stopChild(child)));
}
