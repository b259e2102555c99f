import { Injectable } from '@nestjs/common';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly details?: Record<string, unknown>;
}

export type ReadinessCheck = () => ReadinessReport | Promise<ReadinessReport>;

/**
 * Where modules declare what "ready" means for them (the event store reachable, a projection caught up).
 * `GET /ready` runs every registered check; a check that throws counts as not ready.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): ReadonlyArray<readonly [string, ReadinessCheck]> {
    return [...this.checks.entries()];
  }
}
