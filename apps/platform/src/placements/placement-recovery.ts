import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@lib/event-store';
import { recoverPendingPlacements } from '@lib/event-store/command-handling/placement-flow';
import { EVENT_STORE } from '../event-store/event-store.module';

/**
 * Finishes the placements a crash left half done (ADR 0002), once, before the platform takes requests:
 * in the all-in-one process no flow can still own a reservation at start, so every pending one is
 * recovered. The pass reads the global log once; it blocks start-up so no request sees a held opening
 * that is about to be released.
 */
@Injectable()
export class PlacementRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlacementRecovery.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date().toISOString();
    const correlationId = `placement-recovery-${randomUUID()}`;
    const report = await recoverPendingPlacements(this.store, {
      now,
      metadata: {
        actor: { id: 'placement-recovery', role: 'system' },
        correlationId,
        causationId: correlationId,
        now,
      },
    });
    if (report.confirmed.length + report.released.length > 0) {
      this.logger.warn(
        `Recovered pending placements: ${report.confirmed.length} confirmed, ${report.released.length} released`,
      );
    }
  }
}
