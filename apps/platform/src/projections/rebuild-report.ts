/**
 * The line `npm run projections:rebuild` prints when it is done: written here, and read back here by the
 * benchmark and the tests that run the command, so the wording lives in one place.
 */
export interface RebuildReport {
  readonly events: number;
  readonly seconds: number;
  readonly batches: number;
  readonly peakMemoryMb: number;
  readonly households: number;
  readonly position: string;
  /** Process-manager transitions appended by this rebuild (0 when the log already held them all). */
  readonly appends: number;
}

export function formatRebuildReport(r: RebuildReport): string {
  const rate = Math.round(r.events / r.seconds).toLocaleString('en-US');
  return (
    `Rebuilt the employment monitor from ${r.events} events in ${r.seconds.toFixed(1)} s ` +
    `(${rate} events/s, ${r.batches} batches, peak memory ${r.peakMemoryMb} MB): ${r.households} households, ` +
    `checkpoint ${r.position}, ${r.appends} process-manager transitions (each appended once; a repeat is a ` +
    'no-op).'
  );
}

const REPORT =
  /from (\d+) events in ([\d.]+) s \([\d,]+ events\/s, (\d+) batches, peak memory (\d+) MB\): (\d+) households, checkpoint (\d+), (\d+) process-manager/;

/** The report in the command's output, or undefined when it printed none. */
export function parseRebuildReport(output: string): RebuildReport | undefined {
  const m = REPORT.exec(output);
  if (!m) return undefined;
  const [, events, seconds, batches, peakMemoryMb, households, position, appends] = m;
  return {
    events: Number(events),
    seconds: Number(seconds),
    batches: Number(batches),
    peakMemoryMb: Number(peakMemoryMb),
    households: Number(households),
    position,
    appends: Number(appends),
  };
}
