import { parseArgs } from 'node:util';
import { configFromEnv } from './config/platform-config';
import { createPlatformApp } from './create-platform-app';
import { seedProgressBar } from './seeding/seed-progress-bar';
import { householdsOf, isEventStoreEmpty, seedPlatform } from './seeding/seed-platform';
import type { Scale } from '@seeds/population-generator';

const USAGE = `Usage: npm run seed -- --scale demo|county|province [--data-dir D] [--county 520524]
                      [--households N] [--seed N] [--concurrency N] [--force]
  Loads the generated population into DATA_DIR (or --data-dir) through the platform's command bus.
  Refuses a store that already has events unless --force (it would add a second population).`;

const SCALES: readonly Scale[] = ['demo', 'county', 'province'];

async function main(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scale: { type: 'string', default: 'demo' },
      'data-dir': { type: 'string' },
      county: { type: 'string' },
      households: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale must be one of ${SCALES.join(', ')}`);
  const population = {
    scale,
    county: values.county,
    households: values.households === undefined ? undefined : Number(values.households),
    seed: values.seed === undefined ? undefined : Number(values.seed),
  };
  const config = configFromEnv({ LOG_LEVEL: 'warn', ...process.env, ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}) }); // prettier-ignore
  const { app } = await createPlatformApp({ ...config, rateLimit: { enabled: false } });
  await app.init();
  try {
    if (!values.force && !(await isEventStoreEmpty(app))) {
      throw new Error(`${config.dataDir} already holds events; use --force to add another population`);
    }
    const bar = seedProgressBar(householdsOf(population));
    const run = await seedPlatform(app, {
      ...population,
      concurrency: values.concurrency === undefined ? undefined : Number(values.concurrency),
      onProgress: (progress) => bar?.update(progress),
    }).finally(() => bar?.stop());
    const commands = Object.values(run.counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${JSON.stringify({ scale, dataDir: config.dataDir, ...run.counts, commands, seconds: Number(run.seconds.toFixed(1)), commandsPerSecond: Math.round(commands / run.seconds) })}\n`,
    );
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exitCode = 1;
});
