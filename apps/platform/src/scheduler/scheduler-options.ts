/** Tunables of the scheduler; read from the environment once, when the module is built. */
export interface SchedulerOptions {
  /** Milliseconds between runs (SCHEDULER_INTERVAL_MS, default 60000); 0 disables the scheduler. */
  readonly intervalMs: number;
  /** Items handled per run at most (SCHEDULER_BATCH_LIMIT, default 1000); a backlog takes several runs in a row. */
  readonly limit: number;
}

export const SCHEDULER_OPTIONS = 'SCHEDULER_OPTIONS';

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number from ${min}, not "${value}"`);
  return n;
}

export function schedulerOptionsFromEnv(env: NodeJS.ProcessEnv): SchedulerOptions {
  return {
    intervalMs: wholeNumber('SCHEDULER_INTERVAL_MS', env.SCHEDULER_INTERVAL_MS, 60_000, 0),
    limit: wholeNumber('SCHEDULER_BATCH_LIMIT', env.SCHEDULER_BATCH_LIMIT, 1000, 1),
  };
}
