/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (`node --cpu-prof`): self time by function and by
 * package, counting only the samples taken inside a window (the load, not the start-up).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  readonly name: string;
  /** Share of the busy samples (idle excluded), 0..1. */
  readonly share: number;
}

export interface ProfileSummary {
  /** Samples inside the window, and how many of them were idle (the event loop waiting). */
  readonly samples: number;
  readonly idleShare: number;
  readonly functions: readonly ProfileShare[];
  readonly packages: readonly ProfileShare[];
}

/** `jsonwebtoken`, `@nestjs/core`, `node:internal/…`, `(garbage collector)`, or `app` for our own code. */
function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.startsWith('node:internal/') ? 'node (internal)' : url;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules < 0) return 'app';
  const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
}

/** A function's place: its package and file (or our file below dist/), and line. */
function placeOf(url: string, line: number): string {
  if (url === '') return '';
  const modules = url.lastIndexOf('/node_modules/');
  const dist = url.indexOf('/dist/');
  const file = modules >= 0 ? url.slice(modules + 14) : dist >= 0 ? url.slice(dist + 6) : url;
  return `${file.replace(/^file:\/\//, '')}:${line + 1}`;
}

const top = (counts: Map<string, number>, total: number, n: number): ProfileShare[] =>
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ name, share: count / Math.max(1, total) }));

/**
 * Reads `file` and sums self time over the samples taken between `fromMicros` and `toMicros` (the monotonic
 * clock in microseconds, as `process.hrtime.bigint() / 1000n` reads it, which V8's timestamps share).
 */
export function summariseProfile(file: string, fromMicros: number, toMicros: number, n = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let at = profile.startTime;
  let samples = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromMicros || at > toMicros) return;
    samples++;
    const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
    };
    if (functionName === '(idle)') {
      idle++;
      return;
    }
    const name = `${functionName || '(anonymous)'} ${placeOf(url, lineNumber)}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + 1);
    const pkg = packageOf(url, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + 1);
  });
  const busy = samples - idle;
  return {
    samples,
    idleShare: idle / Math.max(1, samples),
    functions: top(functions, busy, n),
    packages: top(packages, busy, n),
  };
}
