import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  caseWorkRecovery,
  placementRecovery,
  recoverAll,
  trainingRecovery,
  type FlowRecovery,
} from '@lib/application';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';

/** The flows whose half-done instances the all-in-one process finishes at start (fresh each start). */
export const flowsRecoveredAtStart = (): readonly FlowRecovery[] => [
  placementRecovery(),
  caseWorkRecovery(),
  trainingRecovery(),
];

/**
 * Finishes the flows a crash left half done (ADR 0002, ADR 0006), once, before the platform takes requests:
 * in the all-in-one process no flow can still be running at start, so every pending one is recovered. It
 * blocks start-up so no request sees a held opening that is about to be released.
 */
@Injectable()
export class FlowRecoveryAtStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(FlowRecoveryAtStart.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const reports = await recoverAll(flowsRecoveredAtStart(), {
      store: this.store,
      now: new Date().toISOString(),
      correlationId: `flow-recovery-${randomUUID()}`,
    });
    for (const [flow, report] of reports) {
      if (report.finished.length + report.compensated.length === 0) continue;
      this.logger.warn(
        `Recovered ${flow} flows left half done: ${report.finished.length} finished, ${report.compensated.length} compensated`,
      );
    }
  }
}
