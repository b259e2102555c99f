import { Presets, SingleBar } from 'cli-progress';
import type { SeedProgress } from '@seeds/loader/seed-loader';

export interface SeedProgressBar {
  update(progress: SeedProgress): void;
  stop(): void;
}

/**
 * A progress bar on stderr, counted in households (reference data come first and are few); only on a
 * terminal, so tests, CI and piped output stay quiet.
 */
export function seedProgressBar(
  totalHouseholds: number,
  stream = process.stderr,
): SeedProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new SingleBar(
    {
      stream,
      format:
        'seed {bar} {percentage}% | {value}/{total} households | {commands} commands | eta {eta_formatted}',
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    Presets.shades_classic,
  );
  bar.start(totalHouseholds, 0, { commands: 0 });
  let stopped = false;
  return {
    update: ({ households, commands }) => bar.update(households, { commands }),
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
