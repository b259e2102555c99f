import { isCountyOffice, requireScope } from '@lib/auth';
import { relocationSitesOf } from '@seeds/relocation-sites';
import type { CommandContext } from './command-context';
import { rejectWith } from './rejection';

/**
 * A household or a workshop is at one of its county's relocation sites (the province's register of 953,
 * the same the demo data is generated from): an unknown site, or another county's, would file it where no
 * county office looks. Refused as a 400 naming the field.
 */
export function requireRelocationSiteOf(countyCode: string, relocationSiteId: string): void {
  if (relocationSitesOf(countyCode).some((site) => site.id === relocationSiteId)) return;
  const elsewhere = /^site-(\d{6})-\d+$/.exec(relocationSiteId)?.[1];
  rejectWith({
    code: 'invalid_value',
    message:
      elsewhere && elsewhere !== countyCode && relocationSitesOf(elsewhere).length > 0
        ? `Relocation site ${relocationSiteId} belongs to county ${elsewhere}, not ${countyCode}`
        : `Relocation site ${relocationSiteId} is not a relocation site of county ${countyCode}`,
    details: { field: 'relocationSiteId' },
  });
}

/**
 * What files something at a relocation site (a household, a workshop) needs: the caller is the office of the
 * body's county (or the admin), else a 403 saying `forbidden`; and the site is one of that county's.
 */
export function requireCountyOfficeAtSite(
  { principal }: CommandContext,
  body: { readonly countyCode: string; readonly relocationSiteId: string },
  forbidden: string,
): void {
  requireScope(isCountyOffice(principal, body.countyCode), forbidden);
  requireRelocationSiteOf(body.countyCode, body.relocationSiteId);
}
