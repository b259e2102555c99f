/** Tunables of the read side; read from the environment once, when the module is built. */
export interface MonitorOptions {
  /** How long a query with `X-Min-Position` waits for the projection (5 s, then 503 with Retry-After). */
  readonly minPositionTimeoutMs: number;
  /** Seconds a client is told to wait (`Retry-After`) when that wait timed out. */
  readonly retryAfterSeconds: number;
  /** Interval of the comment lines that keep an idle event stream open through proxies (15 s). */
  readonly heartbeatMs: number;
}

export const MONITOR_OPTIONS = 'MONITOR_OPTIONS';

const positiveInt = (value: string | undefined, fallback: number): number => {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** `MIN_POSITION_TIMEOUT_MS` and `SSE_HEARTBEAT_MS` (tests shorten them; production keeps the defaults). */
export function monitorOptionsFromEnv(env: NodeJS.ProcessEnv): MonitorOptions {
  return {
    minPositionTimeoutMs: positiveInt(env.MIN_POSITION_TIMEOUT_MS, 5000),
    retryAfterSeconds: 1,
    heartbeatMs: positiveInt(env.SSE_HEARTBEAT_MS, 15_000),
  };
}
