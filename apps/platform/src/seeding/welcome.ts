import { signToken, type TokenClaims } from '@lib/auth';
import { START, type EventStore } from '@lib/event-store';

/** Ids of a station and a workshop that exist, and the counties seeded: what the demo tokens are scoped to. */
export interface DemoScopes {
  readonly station?: { readonly id: string; readonly name: string };
  readonly workshop?: { readonly id: string; readonly name: string; readonly countyCode: string };
  readonly counties: readonly string[];
}

/** The county office token goes to 西秀区 when it is seeded (the demo's first county). */
const PREFERRED_COUNTY = '520402';
/** Reference data come first in a seed; households follow. Enough to see them without reading it all. */
const SCAN_LIMIT = 50_000;

const text = (data: Record<string, unknown>, key: string): string =>
  typeof data[key] === 'string' ? data[key] : '';

/** Reads the log from its start until the first household: the first station, workshop and the counties. */
export async function findDemoScopes(store: EventStore): Promise<DemoScopes> {
  let station: DemoScopes['station'];
  let workshop: DemoScopes['workshop'];
  const counties = new Set<string>();
  let read = 0;
  for await (const event of store.readAll(START, SCAN_LIMIT)) {
    if (++read > SCAN_LIMIT) break;
    if (event.type === 'LabourStationRegistered' && !station) {
      station = { id: text(event.data, 'stationId'), name: text(event.data, 'name') };
    } else if (event.type === 'WorkshopCertified') {
      const countyCode = text(event.data, 'countyCode');
      counties.add(countyCode);
      workshop ??= { id: text(event.data, 'workshopId'), name: text(event.data, 'name'), countyCode };
    } else if (event.type === 'HouseholdRegistered') {
      counties.add(text(event.data, 'countyCode'));
      break;
    }
  }
  return { station, workshop, counties: [...counties].sort() };
}

interface DemoToken {
  readonly variable: string;
  readonly claims: TokenClaims;
  readonly what: string;
}

function demoTokens(scopes: DemoScopes): DemoToken[] {
  const county = scopes.counties.includes(PREFERRED_COUNTY) ? PREFERRED_COUNTY : scopes.counties[0];
  const tokens: DemoToken[] = [
    { variable: 'TOKEN_ADMIN', claims: { sub: 'demo-admin', role: 'admin' }, what: 'admin' },
  ];
  if (county) {
    tokens.push({
      variable: 'TOKEN_COUNTY',
      claims: { sub: `demo-county-${county}`, role: 'county_office', countyCode: county },
      what: `county office of ${county}`,
    });
  }
  const counties = scopes.counties.length > 0 ? [...scopes.counties] : 'all';
  tokens.push({
    variable: 'TOKEN_BROKER',
    claims: { sub: 'demo-broker', role: 'broker', counties },
    what: `broker for ${counties === 'all' ? 'all counties' : counties.join(', ')}`,
  });
  if (scopes.station) {
    const { id, name } = scopes.station;
    tokens.push({
      variable: 'TOKEN_STATION',
      claims: { sub: `demo-station-${id}`, role: 'station', stationId: id },
      what: `station ${name}`,
    });
  }
  if (scopes.workshop) {
    const { id, name } = scopes.workshop;
    tokens.push({
      variable: 'TOKEN_WORKSHOP',
      claims: { sub: `demo-workshop-${id}`, role: 'workshop', workshopId: id },
      what: `workshop ${name}`,
    });
  }
  return tokens;
}

/**
 * What `npm start` prints once it is ready: where it listens, the docs, and one token per demo role as
 * `export` lines to paste into a shell, with a curl line that uses one of them.
 */
export function welcomeText(
  url: string,
  jwtSecret: string,
  scopes: DemoScopes,
  expiresIn = '8h' as const,
): string {
  const tokens = demoTokens(scopes);
  const county = tokens.find((t) => t.claims.role === 'county_office')?.claims;
  const example =
    county?.role === 'county_office'
      ? `curl -s ${url}/v1/counties/${county.countyCode}/employment -H "Authorization: Bearer $TOKEN_COUNTY"`
      : `curl -s ${url}/v1/province/employment -H "Authorization: Bearer $TOKEN_ADMIN"`;
  return [
    '',
    `Platform ready at ${url}  (OpenAPI docs: ${url}/docs)`,
    `Demo tokens (${expiresIn}; more with \`npm run -s token -- --role ...\`), paste into a shell:`,
    '',
    ...tokens.flatMap((t) => [
      `# ${t.what}`,
      `export ${t.variable}=${signToken(t.claims, jwtSecret, expiresIn)}`,
    ]),
    '',
    example,
    '',
  ].join('\n');
}
