import { Inject, Injectable } from '@nestjs/common';
import type { FollowUpsQuery } from '@contracts';
import { followUpsCollection, householdsCollection } from '@lib/application';
import type { HouseholdEmployment } from '@lib/domain/monitor';
import {
  currentPlacementIds,
  followUpsDue,
  type FollowUpDueItem,
} from '@lib/domain/placements/follow-ups-due.view';
import type { ReadStore } from '@lib/read-store';
import { pageOf } from '../monitor/in-memory-page';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';

const SCAN_PAGE = 1000;

/**
 * A county's follow-ups due, over the monitor's collections. A follow-up document has no county: the county's
 * covered households are read (a household with a placement is covered), their members' current placements
 * name the follow-up documents to load, and the order (by due day against `now`) is computed in memory, as the
 * case work-list is. Households and follow-ups are written in the same batches: they agree at any position.
 */
@Injectable()
export class FollowUpQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  async list(
    countyCode: string,
    query: FollowUpsQuery,
    now: string,
  ): Promise<{ items: FollowUpDueItem[]; total: number; nextCursor: string | null }> {
    const households = await this.coveredHouseholds(countyCode);
    const followUps = await this.store.load(followUpsCollection, currentPlacementIds(households));
    const all = followUpsDue(households, followUps, now, query.due === 'true');
    const page = pageOf(all, query.limit, query.cursor);
    return { items: page.items, total: all.length, nextCursor: page.nextCursor };
  }

  private async coveredHouseholds(countyCode: string): Promise<HouseholdEmployment[]> {
    const out: HouseholdEmployment[] = [];
    let after: string | undefined;
    do {
      const page = await this.store.find(householdsCollection, {
        where: { countyCode, status: 'covered' },
        limit: SCAN_PAGE,
        after,
      });
      out.push(...page.items);
      after = page.next ?? undefined;
    } while (after !== undefined);
    return out;
  }
}
