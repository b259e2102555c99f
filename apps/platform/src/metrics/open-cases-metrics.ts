import { Gauge, type Registry } from 'prom-client';
import { GUIZHOU_COUNTIES } from '@contracts';
import type { Clock } from '@lib/application';
import { caseFilesCollection, countySettingsCollection } from '@lib/application';
import { caseView, deadlinesOf, type CaseWarning } from '@lib/domain/cases';
import { findAll, type ReadStore } from '@lib/read-store';

export const WARNINGS: readonly CaseWarning[] = ['green', 'yellow', 'red'];

/** The label of a case whose county is not a Guizhou county code (none should be): the label set stays fixed. */
export const OTHER_COUNTY = 'other';

export type OpenCaseCounts = Map<string, Record<CaseWarning, number>>;

/**
 * The open zero-employment cases by county and colour at `now`, coloured as the case list colours them: each
 * under its county's deadlines now (CaseQueries.list, caseView). Every open case is read: a province has at most
 * tens of thousands open, a scrape reads them in pages of 1000.
 */
export async function countOpenCases(store: ReadStore, now: string): Promise<OpenCaseCounts> {
  const [files, settings] = await Promise.all([
    findAll(store, caseFilesCollection, { status: 'open' }),
    findAll(store, countySettingsCollection),
  ]);
  const settingsOf = new Map(settings.map((s) => [s.countyCode, s]));
  const counts: OpenCaseCounts = new Map();
  for (const file of files) {
    const { warning } = caseView(file, deadlinesOf(settingsOf.get(file.countyCode)), now);
    const county = COUNTY_CODES.has(file.countyCode) ? file.countyCode : OTHER_COUNTY;
    const row = counts.get(county) ?? { green: 0, yellow: 0, red: 0 };
    row[warning] += 1;
    counts.set(county, row);
  }
  return counts;
}

const COUNTY_CODES: ReadonlySet<string> = new Set(GUIZHOU_COUNTIES.map((c) => c.code));

/**
 * `zero_employment_open_cases{county, warning}`: every Guizhou county × green/yellow/red, 0 where there is none
 * (an alert on a colour needs the series to exist), plus `county="other"` only if a case has an unknown county.
 * `now` is the platform's clock, the one the case list reads.
 */
export function registerOpenCasesGauge(registry: Registry, store: ReadStore, clock: Clock): void {
  // /metrics takes no token and no rate limit: scrapes at once share one count, so however many callers loop on
  // it, the service reads the open cases once at a time.
  let counting: Promise<OpenCaseCounts> | undefined;
  const counts = (): Promise<OpenCaseCounts> => {
    counting ??= countOpenCases(store, clock.now()).finally(() => (counting = undefined));
    return counting;
  };
  new Gauge({
    name: 'zero_employment_open_cases',
    help: 'Open zero-employment cases by county code and warning colour (as the county’s case list colours them)',
    labelNames: ['county', 'warning'] as const,
    registers: [registry],
    async collect() {
      const byCounty = await counts();
      this.reset();
      for (const code of [...COUNTY_CODES, ...(byCounty.has(OTHER_COUNTY) ? [OTHER_COUNTY] : [])]) {
        const row = byCounty.get(code);
        for (const warning of WARNINGS) this.set({ county: code, warning }, row?.[warning] ?? 0);
      }
    },
  });
}
