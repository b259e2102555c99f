import { countsOfHousehold } from '../monitor/county-employment.projection';
import type { HouseholdEmployment } from '../monitor/household-employment';

/**
 * The report by relocation site (安置点): the county figures cut by the site each household was registered at.
 * Each row sums what its households' employment documents say, the same documents and the same rules as the
 * county figures (countsOfHousehold), so the rows add up to the county's figures at any position.
 */
export interface SiteRow {
  readonly siteId: string;
  /** The register's name; null for a site id the register does not know (never accepted since issue 17). */
  readonly siteName: string | null;
  readonly households: number;
  /** Households with at least one member able to work (covered + zero-employment). */
  readonly householdsWithLabour: number;
  /** Members with labour capacity (not `none`): the county figures' labourCapableWorkers. */
  readonly labourCapableWorkers: number;
  /** Members employed now, whatever their capacity: the county figures' employedWorkers. */
  readonly employedWorkers: number;
  /** Households with at least one member employed. */
  readonly coveredHouseholds: number;
  readonly zeroEmploymentHouseholds: number;
  readonly openCases: number;
}

type Counts = { -readonly [K in keyof SiteRow]: SiteRow[K] };

const emptyRow = (siteId: string, siteName: string | null): Counts => ({
  siteId,
  siteName,
  households: 0,
  householdsWithLabour: 0,
  labourCapableWorkers: 0,
  employedWorkers: 0,
  coveredHouseholds: 0,
  zeroEmploymentHouseholds: 0,
  openCases: 0,
});

/**
 * One row per site of the register (`sites`, in its order, zeros for a site without households), then a row
 * per site id found only on households, so no household is left out of the sum.
 */
export function siteReport(
  sites: readonly { readonly id: string; readonly name: string }[],
  households: Iterable<HouseholdEmployment>,
): SiteRow[] {
  const rows = new Map<string, Counts>(sites.map((s) => [s.id, emptyRow(s.id, s.name)]));
  for (const h of households) {
    let row = rows.get(h.relocationSiteId);
    if (!row) {
      row = emptyRow(h.relocationSiteId, null);
      rows.set(h.relocationSiteId, row);
    }
    // The county figures' own counting of a household, so the rows cannot drift from them.
    const counts = countsOfHousehold(h);
    row.households += counts.households;
    row.householdsWithLabour += counts.householdsWithLabour;
    row.coveredHouseholds += counts.coveredHouseholds;
    row.zeroEmploymentHouseholds += counts.zeroEmploymentHouseholds;
    row.labourCapableWorkers += counts.labourCapableWorkers;
    row.employedWorkers += counts.employedWorkers;
    if (h.openCase !== null) row.openCases += 1;
  }
  return [...rows.values()];
}
