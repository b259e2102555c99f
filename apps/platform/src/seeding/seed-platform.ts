import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { START, type EventStore } from '@lib/event-store';
import { loadSeed, type SeedLoadResult, type SeedProgress } from '@seeds/loader/seed-loader';
import { generatePopulation, planFor, type PopulationOptions } from '@seeds/population-generator';
import { EVENT_STORE } from '../event-store/event-store.module';
import { commandBusSeedTarget } from './seed-command-bus';

export interface SeedPlatformOptions extends Omit<PopulationOptions, 'asOf' | 'now'> {
  /** Commands in flight (default 16: the SQLite store commits concurrent appends together). */
  readonly concurrency?: number;
  readonly onProgress?: (progress: SeedProgress) => void;
  /**
   * The clock (default the system's), read once at the start: the population is observed today (vacancies
   * expire after it, ages count from it), and a scale with history ends it at that instant.
   */
  readonly now?: () => Date;
}

export interface SeedRun extends SeedLoadResult {
  readonly seconds: number;
  /** The instant the seed's history ends at (its clock at the start): no seeded event is dated after it. */
  readonly now: string;
}

export const eventStoreOf = (app: INestApplicationContext): EventStore => app.get<EventStore>(EVENT_STORE);

/** A first start: nothing has ever been appended. */
export async function isEventStoreEmpty(app: INestApplicationContext): Promise<boolean> {
  return (await eventStoreOf(app).headPosition()) === START;
}

/** How many households a scale generates, for a progress bar's total. */
export const householdsOf = (options: Omit<PopulationOptions, 'asOf'>): number =>
  planFor(options).counties.reduce((sum, [, households]) => sum + households, 0);

/** Generates a population and sends it through the platform's command bus, as HTTP requests would be. */
export async function seedPlatform(
  app: INestApplicationContext,
  options: SeedPlatformOptions,
): Promise<SeedRun> {
  const { concurrency = 16, onProgress, now = () => new Date(), ...population } = options;
  const started = process.hrtime.bigint();
  const at = now().toISOString();
  const result = await loadSeed(
    generatePopulation({ ...population, asOf: at.slice(0, 10), now: at }),
    commandBusSeedTarget(app.get(CommandBus), eventStoreOf(app), now),
    { concurrency, onProgress, currentYear: () => now().getUTCFullYear() },
  );
  return { ...result, now: at, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
