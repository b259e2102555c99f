import type { VacancySource } from '@contracts';
import { countsInWindow } from './retention';
import type { PlacementOfHousehold } from './station-report';
import type { WorkshopRecord } from './workshop-register.projection';

/**
 * The report by assistance workshop (帮扶车间, 吸纳): per workshop of the county (or one that placed the
 * county's households), people employed there now and how many of them come from the county's relocated
 * households, placements made through its vacancies and those ended. Figures only.
 */
export interface WorkshopRow {
  readonly workshopId: string;
  readonly workshopName: string | null;
  /** The workshop's county; null when its certification is not known to the read side. */
  readonly countyCode: string | null;
  readonly decertified: boolean;
  readonly decertifiedAt: string | null;
  /** People in work there today through its vacancies (started, not ended), from any county: 吸纳. */
  readonly employedNow: number;
  /** Of whom from this county's relocated households. */
  readonly employedNowFromCounty: number;
  /** Placements made through its vacancies (voided ones never count), from any county. */
  readonly placements: number;
  /** Of those, the ones ended since. */
  readonly ended: number;
}

type Row = { -readonly [K in keyof WorkshopRow]: WorkshopRow[K] };

const rowOf = (workshopId: string, record: WorkshopRecord | undefined): Row => ({
  workshopId,
  workshopName: record?.name ?? null,
  countyCode: record?.countyCode ?? null,
  decertified: record ? record.decertifiedAt !== null : false,
  decertifiedAt: record?.decertifiedAt ?? null,
  employedNow: 0,
  employedNowFromCounty: 0,
  placements: 0,
  ended: 0,
});

/**
 * Rows for every workshop registered in `countyCode` (zeros included) and every workshop through whose
 * vacancies a placement of `placements` was made that belongs to one of them or to the county's households.
 * `placements` may hold other counties' households: they count in a workshop's totals, not in `…FromCounty`.
 * Registered workshops first, by name; then the others by id.
 */
export function workshopReport(
  countyCode: string,
  workshops: ReadonlyMap<string, WorkshopRecord>,
  placements: Iterable<PlacementOfHousehold>,
  sources: ReadonlyMap<string, VacancySource>,
  today: string,
): WorkshopRow[] {
  const all = [...placements].filter((p) => countsInWindow(p.placement));
  const workshopOf = (p: PlacementOfHousehold): string | undefined => {
    const source = sources.get(p.placement.vacancyId);
    return source?.type === 'workshop' ? source.id : undefined;
  };
  const rows = new Map<string, Row>();
  for (const w of workshops.values())
    if (w.countyCode === countyCode) rows.set(w.workshopId, rowOf(w.workshopId, w));
  for (const p of all) {
    const workshopId = workshopOf(p);
    if (workshopId !== undefined && p.countyCode === countyCode && !rows.has(workshopId)) {
      rows.set(workshopId, rowOf(workshopId, workshops.get(workshopId)));
    }
  }
  for (const p of all) {
    const row = rows.get(workshopOf(p) ?? '');
    if (!row) continue;
    row.placements += 1;
    if (p.placement.endedOn !== null) row.ended += 1;
    else if (p.placement.startDate <= today) {
      row.employedNow += 1;
      if (p.countyCode === countyCode) row.employedNowFromCounty += 1;
    }
  }
  const registered = (r: Row) => r.countyCode === countyCode;
  return [...rows.values()].sort(
    (a, b) =>
      Number(registered(b)) - Number(registered(a)) ||
      (a.workshopName ?? '').localeCompare(b.workshopName ?? '', 'zh') ||
      a.workshopId.localeCompare(b.workshopId),
  );
}
