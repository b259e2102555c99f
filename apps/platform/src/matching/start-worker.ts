import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread module `name` (a file beside `callerFile`, without its extension): the compiled
 * `.js` when the caller runs compiled (the platform), the `.ts` source through ts-node when it runs from
 * sources (ts-node scripts, Jest). `callerFile` is the caller's `__filename`.
 */
export function startWorker(callerFile: string, name: string, workerData?: unknown): Worker {
  const compiled = callerFile.endsWith('.js');
  return new Worker(join(callerFile, '..', `${name}.${compiled ? 'js' : 'ts'}`), {
    workerData,
    execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
}
