import { signToken, type ExpiresIn, type TokenClaims } from '@lib/auth';

/** Tokens for every role, signed with the test app's secret. */
export interface TestTokens {
  admin(): string;
  station(stationId: string): string;
  workshop(workshopId: string): string;
  county(countyCode: string): string;
  broker(counties: readonly string[] | 'all'): string;
  prefecture(prefectureCode: string): string;
  /** Any claims (also invalid ones, cast by the caller) and any lifetime (negative: already expired). */
  sign(claims: TokenClaims, expiresIn?: ExpiresIn): string;
}

export function testTokens(secret: string): TestTokens {
  const sign = (claims: TokenClaims, expiresIn: ExpiresIn = '1h'): string =>
    signToken(claims, secret, expiresIn);
  return {
    admin: () => sign({ sub: 'test-admin', role: 'admin' }),
    station: (stationId) => sign({ sub: `test-station-${stationId}`, role: 'station', stationId }),
    workshop: (workshopId) => sign({ sub: `test-workshop-${workshopId}`, role: 'workshop', workshopId }),
    county: (countyCode) => sign({ sub: `test-county-${countyCode}`, role: 'county_office', countyCode }),
    broker: (counties) =>
      sign({
        sub: `test-broker-${counties === 'all' ? 'all' : counties.join('-')}`,
        role: 'broker',
        counties: counties === 'all' ? 'all' : [...counties],
      }),
    prefecture: (prefectureCode) =>
      sign({ sub: `test-prefecture-${prefectureCode}`, role: 'prefecture_office', prefectureCode }),
    sign,
  };
}
