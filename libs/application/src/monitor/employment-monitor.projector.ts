import type { Projector } from '@lib/read-store';
import { MONITOR_CHECKPOINT } from './monitor-collections';
import { MonitorBatchWriter, flushOutbox } from './monitor-batch-writer';
import { MonitorRebuildState } from './monitor-rebuild';

/**
 * The employment monitor for the projection runner (embedded: following the store; distributed: the Kafka
 * feed drives the same writer): its projections over the monitor collections, and its process manager, whose
 * transitions go into an outbox written with each batch and are appended to the event store after the commit
 * (ADR 0006: the outbox is the flow's "do", the flush at start its "finish after a crash").
 */
export function employmentMonitorProjector(checkpointName: string = MONITOR_CHECKPOINT): Projector {
  return {
    checkpointName,
    // Before cases had streams of their own (ADR 0007): documents of another shape; before @3, no follow-ups
    // due for the placements made so far; before @4, no due items (vacancy expiries, welfare term ends).
    replaces: ['employment-monitor', 'employment-monitor@2', 'employment-monitor@3'],
    recover: async ({ events, store }) => {
      await flushOutbox(events, store, checkpointName);
    },
    openWriter: ({ events, target }) => new MonitorBatchWriter(events, target, checkpointName),
    startRebuild: () => new MonitorRebuildState(),
  };
}
