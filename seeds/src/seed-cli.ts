import { generatePopulation, type Scale } from './population-generator';
import { summarizeSeed } from './seed-summary';

/**
 * `ts-node -T -r tsconfig-paths/register seeds/src/seed-cli.ts --scale demo|county|province
 *  [--seed N] [--county 520524] [--households N] [--as-of 2025-06-30] [--now 2025-06-30T10:00:00Z]
 *  [--format summary|ndjson]`
 * prints the figures of a generated population, or its commands one JSON object a line.
 */
function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: readonly string[]): void {
  const scale = (option(args, 'scale') ?? 'demo') as Scale;
  if (!['demo', 'county', 'province'].includes(scale)) throw new Error(`Unknown scale: ${scale}`);
  const households = option(args, 'households');
  const seed = option(args, 'seed');
  const commands = generatePopulation({
    scale,
    seed: seed === undefined ? undefined : Number(seed),
    county: option(args, 'county'),
    households: households === undefined ? undefined : Number(households),
    asOf: option(args, 'as-of'),
    now: option(args, 'now'),
  });
  if (option(args, 'format') === 'ndjson') {
    for (const command of commands) process.stdout.write(`${JSON.stringify(command)}\n`);
    return;
  }
  const started = process.hrtime.bigint();
  const summary = summarizeSeed(commands);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${JSON.stringify({ scale, seconds: Number(seconds.toFixed(2)), ...summary }, null, 2)}\n`,
  );
}

main(process.argv.slice(2));
