import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Clock } from '@lib/application';

/** The injection token of the platform's `Clock` (the scheduler's time, and "now" of the read-time rules). */
export const CLOCK = 'CLOCK';

/** The system's time. */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Makes the clock injectable everywhere as `CLOCK`: the system clock, or a test's clock (PlatformAppOptions). */
@Global()
@Module({})
export class ClockModule {
  static register(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
