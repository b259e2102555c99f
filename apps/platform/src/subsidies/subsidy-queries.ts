import { Inject, Injectable } from '@nestjs/common';
import { provinceName, type TransportSubsidiesQuery, type TransportSubsidyItem } from '@contracts';
import { nameVisibility, visibleName, type Principal } from '@lib/auth';
import { householdsCollection, subsidiesCollection, subsidyClaimsCollection } from '@lib/application';
import {
  subsidyLedgerItems,
  subsidyLedgerTotals,
  type SubsidyLedgerTotals,
} from '@lib/domain/subsidies/transport-subsidy-ledger';
import { findAll, type ReadStore } from '@lib/read-store';
import { pageOf } from '../monitor/in-memory-page';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';

export interface SubsidyLedgerPage {
  readonly items: TransportSubsidyItem[];
  readonly totals: SubsidyLedgerTotals;
  readonly total: number;
  readonly nextCursor: string | null;
}

/**
 * A county's transport-subsidy ledger over the monitor's collections: the grants (eligibility) and the claims'
 * documents, written in the same batches, joined in memory (a county has thousands of subsidies a year, as it
 * has cases). The totals count the whole county (of the year asked), whatever `status` filters; the workers are
 * named as the caller may see them in a list.
 */
@Injectable()
export class SubsidyQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  async list(
    countyCode: string,
    query: TransportSubsidiesQuery,
    caller: Principal,
  ): Promise<SubsidyLedgerPage> {
    const { year, status } = query;
    const grants = await findAll(this.store, subsidiesCollection, { countyCode, ...(year ? { year } : {}) });
    const claims = (await findAll(this.store, subsidyClaimsCollection, { countyCode })).filter(
      (c) => year === undefined || c.year === year,
    );
    const all = subsidyLedgerItems(grants, claims);
    const listed = status ? all.filter((item) => item.status === status) : all;
    const page = pageOf(listed, query.limit, query.cursor);
    const households = await this.store.load(householdsCollection, [
      ...new Set(page.items.map((i) => i.householdId)),
    ]);
    const visibility = nameVisibility(caller, { countyCode, view: 'list' });
    const items = page.items.map((item) => {
      const name = households.get(item.householdId)?.members.find((m) => m.workerId === item.workerId)?.name;
      return {
        ...item,
        workerName: (name === undefined ? null : visibleName(name, visibility)) ?? '',
        destinationProvinceName:
          item.destinationProvince === null ? null : provinceName(item.destinationProvince),
      };
    });
    return { items, totals: subsidyLedgerTotals(all), total: listed.length, nextCursor: page.nextCursor };
  }
}
