/**
 * A version of the platform built from a commit into a directory of its own, and started as a child process
 * on a loopback port with its own DATA_DIR: what the HTTP benchmark compares. Every child started here is
 * remembered and stopped by its PID (`stopAllPlatforms`), also when the benchmark fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface PlatformBuild {
  /** What was asked for (a commit, a branch). */
  readonly ref: string;
  /** Its abbreviated commit. */
  readonly commit: string;
  readonly directory: string;
  readonly buildSeconds: number;
  /** How its package.json and package-lock.json compare with the node_modules it is built and run with. */
  readonly dependencies: string;
}

const ROOT = join(__dirname, '..', '..');

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

type DependencyMap = Record<string, string>;
const declared = (packageJson: string): DependencyMap => {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(packageJson) as Record<
    string,
    DependencyMap
  >;
  return { ...dependencies, ...devDependencies };
};

/** What a version declares otherwise than the repository whose node_modules it uses ('' when nothing). */
function dependencyDifferences(ours: DependencyMap, theirs: DependencyMap): string {
  const names = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  return names
    .filter((name) => ours[name] !== theirs[name])
    .map((name) =>
      theirs[name] === undefined
        ? `does not declare ${name}`
        : ours[name] === undefined
          ? `declares ${name} ${theirs[name]}, which node_modules may lack`
          : `declares ${name} ${theirs[name]} (here ${ours[name]})`,
    )
    .join(', ');
}
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * Extracts `ref` (git archive: the committed files, nothing of a work tree) into `directory`, links the
 * repository's node_modules into it and runs `npm run build` there.
 */
export function buildVersion(ref: string, directory: string): PlatformBuild {
  const commit = run('git', ['rev-parse', '--short', `${ref}^{commit}`], ROOT).trim();
  mkdirSync(directory, { recursive: true });
  run('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C '${directory}'`], ROOT);
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(directory, 'node_modules'));
  const started = process.hrtime.bigint();
  run('npm', ['run', '-s', 'build'], directory);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ours = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
  const theirs = (file: string): string => readFileSync(join(directory, file), 'utf8');
  const differences = dependencyDifferences(declared(ours('package.json')), declared(theirs('package.json')));
  const sameLock = sha1(ours('package-lock.json')) === sha1(theirs('package-lock.json'));
  const dependencies =
    differences === ''
      ? `the same dependencies as the shared node_modules${sameLock ? '' : ' (package-lock.json differs)'}`
      : `its package.json ${differences} (package-lock.json ${sameLock ? 'the same' : 'differs'})`;
  return { ref, commit, directory, buildSeconds, dependencies };
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
  },
): Promise<RunningPlatform & { readonly readySeconds: number }> {
  const log = openSync(options.logFile, 'a');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(build.directory, 'dist/apps/platform/src/main.js')], {
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
