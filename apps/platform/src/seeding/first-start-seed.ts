import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { Scale } from '@seeds/population-generator';
import { ReadinessRegistry } from '../health/readiness.registry';
import { seedProgressBar } from './seed-progress-bar';
import { householdsOf, isEventStoreEmpty, seedPlatform, type SeedRun } from './seed-platform';

export type FirstStartOutcome =
  | { readonly seeded: true; readonly scale: Scale; readonly run: SeedRun }
  | { readonly seeded: false; readonly reason: 'not_first_start' | 'disabled' };

export interface FirstStartSeed {
  /** Loads the seed when this is a first start (a no-op otherwise); `/ready` is down until it is done. */
  run(): Promise<FirstStartOutcome>;
}

const SCALES: readonly Scale[] = ['demo', 'county', 'province'];

/** `SEED=none` skips seeding; `SEED=demo` (default), `county` or `province` picks the population. */
export function seedScaleFromEnv(value: string | undefined): Scale | 'none' {
  const scale = value === undefined || value === '' ? 'demo' : value;
  if (scale === 'none' || SCALES.includes(scale as Scale)) return scale as Scale | 'none';
  throw new Error(`SEED must be none, ${SCALES.join(', ')}; got ${scale}`);
}

/**
 * Decides, before the app listens, whether this is a first start (the event store is empty) and, if so,
 * registers a readiness check that stays down until the seed is loaded. A second start finds events and
 * does not seed again. Call `run()` once the app listens: /health answers during the load, /ready waits.
 */
export async function prepareFirstStartSeed(
  app: INestApplicationContext,
  options: { readonly scale: Scale | 'none'; readonly progress?: boolean },
): Promise<FirstStartSeed> {
  const { scale } = options;
  if (scale === 'none') return { run: async () => ({ seeded: false, reason: 'disabled' }) };
  if (!(await isEventStoreEmpty(app))) {
    return { run: async () => ({ seeded: false, reason: 'not_first_start' }) };
  }

  let households = 0;
  let finished = false;
  app.get(ReadinessRegistry).register('seed', () => ({
    ready: finished,
    details: { scale, households, ...(finished ? {} : { loading: true }) },
  }));
  return {
    async run() {
      const logger = app.get(Logger);
      logger.log(`First start: loading the ${scale} seed through the command bus`, 'Seed');
      const bar = options.progress ? seedProgressBar(householdsOf({ scale })) : undefined;
      try {
        const run = await seedPlatform(app, {
          scale,
          onProgress: (progress) => {
            households = progress.households;
            bar?.update(progress);
          },
        });
        finished = true;
        const { counts, seconds } = run;
        logger.log(`Seed loaded: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s`, 'Seed');
        return { seeded: true, scale, run };
      } finally {
        bar?.stop();
      }
    },
  };
}
