import { Gauge, type Registry } from 'prom-client';
import type { EventStore, Position } from '@lib/event-store';
import type { HeadObservations } from './head-observations';

/** A projection this process runs, by a fixed name (`monitor`, `matching`), and its last applied position. */
export interface ProjectionSource {
  readonly name: string;
  position(): Position;
}

export interface ProjectionSample {
  readonly projection: string;
  readonly position: Position;
  readonly head: Position;
  readonly lagEvents: number;
  readonly lagSeconds: number;
}

/**
 * Where each projection stands against the log, now. The positions are read before the head, so a projection
 * is never ahead of the head it is compared with. The head read is noted as seen (heads.observe) and what every
 * projection applied is forgotten.
 */
export async function sampleProjections(
  events: Pick<EventStore, 'headPosition'>,
  sources: readonly ProjectionSource[],
  heads: HeadObservations,
  nowMs: () => number = Date.now,
): Promise<ProjectionSample[]> {
  const positions = sources.map((s) => [s.name, s.position()] as const);
  const head = await events.headPosition();
  const now = nowMs();
  heads.observe(head, now);
  const samples = positions.map(([projection, position]) => ({
    projection,
    position,
    head,
    lagEvents: position < head ? Number(head - position) : 0,
    lagSeconds: position < head ? heads.lagSeconds(position, now) : 0,
  }));
  if (positions.length > 0) {
    heads.forget(positions.reduce((min, [, p]) => (p < min ? p : min), positions[0][1]));
  }
  return samples;
}

/**
 * `projection_position`, `projection_head_position`, `projection_lag_events`, `projection_lag_seconds`, each
 * by `projection`, from one sample per scrape (the four gauges are collected together and share it).
 */
export function registerProjectionGauges(
  registry: Registry,
  events: Pick<EventStore, 'headPosition'>,
  sources: readonly ProjectionSource[],
  heads: HeadObservations,
): void {
  let sampling: Promise<ProjectionSample[]> | undefined;
  const sample = (): Promise<ProjectionSample[]> => {
    sampling ??= sampleProjections(events, sources, heads).finally(() => (sampling = undefined));
    return sampling;
  };
  const gauge = (name: string, help: string, value: (s: ProjectionSample) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['projection'] as const,
      registers: [registry],
      async collect() {
        for (const s of await sample()) this.set({ projection: s.projection }, value(s));
      },
    });
  gauge('projection_position', 'The last position of the log the projection applied', (s) =>
    Number(s.position),
  );
  gauge('projection_head_position', 'The position of the last event in the log, read with it', (s) =>
    Number(s.head),
  );
  gauge('projection_lag_events', 'Events in the log the projection has not applied yet', (s) => s.lagEvents);
  gauge(
    'projection_lag_seconds',
    'Age of the oldest event the projection has not applied yet (0 when caught up); see docs/OPERATIONS.md',
    (s) => s.lagSeconds,
  );
}
