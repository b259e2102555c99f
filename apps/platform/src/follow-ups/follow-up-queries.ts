import { Inject, Injectable } from '@nestjs/common';
import type { FollowUpsQuery } from '@contracts';
import { nameVisibility, visibleName, type Principal } from '@lib/auth';
import { followUpsCollection, householdsCollection } from '@lib/application';
import {
  currentPlacementIds,
  followUpsDue,
  type FollowUpDueItem,
} from '@lib/domain/placements/follow-ups-due.view';
import { findAll, type ReadStore } from '@lib/read-store';
import { pageOf } from '../monitor/in-memory-page';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';

/**
 * A county's follow-ups due, over the monitor's collections. A follow-up document has no county: the county's
 * covered households are read (a household with a placement is covered), their members' current placements
 * name the follow-up documents to load, and the order (by due day against `now`) is computed in memory, as the
 * case work-list is. Households and follow-ups are written in the same batches: they agree at any position.
 * The page's workers are named as the caller may see them in a list (masked for the admin): the JSON list and
 * its sheet both read this page.
 */
@Injectable()
export class FollowUpQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  async list(
    countyCode: string,
    query: FollowUpsQuery,
    now: string,
    caller: Principal,
  ): Promise<{ items: FollowUpDueItem[]; total: number; nextCursor: string | null }> {
    const households = await findAll(this.store, householdsCollection, { countyCode, status: 'covered' });
    const followUps = await this.store.load(followUpsCollection, currentPlacementIds(households));
    const all = followUpsDue(households, followUps, now, query.due === 'true');
    const page = pageOf(all, query.limit, query.cursor);
    const visibility = nameVisibility(caller, { countyCode, view: 'list' });
    const items = page.items.map((item) => ({
      ...item,
      workerName: visibleName(item.workerName, visibility) ?? '',
    }));
    return { items, total: all.length, nextCursor: page.nextCursor };
  }
}
