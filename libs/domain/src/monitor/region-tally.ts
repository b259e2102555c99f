import { GUIZHOU_PROVINCE_CODE } from '@contracts';
import {
  accumulateHousehold,
  addCounts,
  emptyAccumulator,
  regionFigures,
  regionKey,
  ZERO_COUNTS,
  type CountsAccumulator,
  type EmploymentCounts,
  type RegionEmployment,
} from './county-employment.projection';
import type { HouseholdEmployment } from './household-employment';

/**
 * The region figures of a fold over many household changes: counts summed per county in place (no copy per
 * event), rolled up to prefectures and the province only when asked. The rebuild and the figures as of a date
 * both count with it; rates are recomputed from the sums, as the live batch writer does.
 */
export class RegionTally {
  private readonly counties = new Map<string, { prefectureCode: string; counts: CountsAccumulator }>();

  /** Moves the household's county from what `before` contributed (none: new household) to what `after` does. */
  move(before: HouseholdEmployment | undefined, after: HouseholdEmployment): void {
    let county = this.counties.get(after.countyCode);
    if (!county) {
      county = { prefectureCode: after.prefectureCode, counts: emptyAccumulator() };
      this.counties.set(after.countyCode, county);
    }
    if (before) accumulateHousehold(county.counts, before, -1);
    accumulateHousehold(county.counts, after, 1);
  }

  /** County, prefecture and province documents by regionKey (a county exists once it has a household). */
  regions(): Map<string, RegionEmployment> {
    const regions = new Map<string, RegionEmployment>();
    const prefectures = new Map<string, EmploymentCounts>();
    let province: EmploymentCounts = ZERO_COUNTS;
    for (const [code, { prefectureCode, counts }] of this.counties) {
      regions.set(regionKey('county', code), regionFigures('county', code, counts));
      prefectures.set(prefectureCode, addCounts(prefectures.get(prefectureCode) ?? ZERO_COUNTS, counts));
      province = addCounts(province, counts);
    }
    for (const [code, counts] of prefectures) {
      regions.set(regionKey('prefecture', code), regionFigures('prefecture', code, counts));
    }
    if (this.counties.size > 0) {
      regions.set(
        regionKey('province', GUIZHOU_PROVINCE_CODE),
        regionFigures('province', GUIZHOU_PROVINCE_CODE, province),
      );
    }
    return regions;
  }
}
