/**
 * A version of the repository's source put into a directory of its own, with the repository's node_modules
 * linked in: what the benchmarks that compare versions (bench:http, bench:against) run. Either a commit,
 * extracted with git archive, or the working tree as it is (committed or not), copied.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceTree {
  /** What was asked for (a commit, a branch, or 'working tree'). */
  readonly ref: string;
  /** Its abbreviated commit (for the working tree: HEAD's, with "+ changes" when it differs from HEAD). */
  readonly commit: string;
  readonly directory: string;
  /** How its package.json and package-lock.json compare with the node_modules it is run with. */
  readonly dependencies: string;
}

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** Runs `command` to its end and returns its stdout; a non-zero exit is an error carrying its output. */
export function runCommand(command: string, args: readonly string[], cwd: string): string {
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

/** Links the repository's node_modules into `directory` and says how the version's dependencies compare. */
function linkDependencies(directory: string): string {
  symlinkSync(realpathSync(join(REPOSITORY_ROOT, 'node_modules')), join(directory, 'node_modules'));
  const ours = (file: string): string => readFileSync(join(REPOSITORY_ROOT, file), 'utf8');
  const theirs = (file: string): string => readFileSync(join(directory, file), 'utf8');
  const differences = dependencyDifferences(declared(ours('package.json')), declared(theirs('package.json')));
  const sameLock = sha1(ours('package-lock.json')) === sha1(theirs('package-lock.json'));
  return differences === ''
    ? `the same dependencies as the shared node_modules${sameLock ? '' : ' (package-lock.json differs)'}`
    : `its package.json ${differences} (package-lock.json ${sameLock ? 'the same' : 'differs'})`;
}

/**
 * Extracts `ref` (git archive: the committed files, nothing of a work tree) into `directory` and links the
 * repository's node_modules into it.
 */
export function extractCommit(ref: string, directory: string): SourceTree {
  const commit = runCommand('git', ['rev-parse', '--short', `${ref}^{commit}`], REPOSITORY_ROOT).trim();
  mkdirSync(directory, { recursive: true });
  runCommand('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C '${directory}'`], REPOSITORY_ROOT);
  return { ref, commit, directory, dependencies: linkDependencies(directory) };
}

/**
 * Copies the working tree as it is into `directory`: every file git tracks and every untracked one it does
 * not ignore (so uncommitted changes are part of it; node_modules, dist and data are not), and links the
 * repository's node_modules into it.
 */
export function copyWorkingTree(directory: string): SourceTree {
  const head = runCommand('git', ['rev-parse', '--short', 'HEAD'], REPOSITORY_ROOT).trim();
  const changed = runCommand('git', ['status', '--porcelain'], REPOSITORY_ROOT).trim() !== '';
  const files = runCommand(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    REPOSITORY_ROOT,
  )
    .split('\0')
    // Deleted but not yet committed files are still listed; the node_modules link is not a source file.
    .filter((file) => file !== '' && file !== 'node_modules' && existsSync(join(REPOSITORY_ROOT, file)));
  mkdirSync(directory, { recursive: true });
  const copy = spawnSync('sh', ['-c', `tar -c --null -T - | tar -x -C '${directory}'`], {
    cwd: REPOSITORY_ROOT,
    input: files.join('\0'),
    encoding: 'utf8',
  });
  if (copy.status !== 0) throw new Error(`copying the working tree failed: ${copy.stderr}`);
  return {
    ref: 'working tree',
    commit: changed ? `${head} + changes` : head,
    directory,
    dependencies: linkDependencies(directory),
  };
}
