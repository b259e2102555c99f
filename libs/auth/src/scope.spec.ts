import { principalFromClaims, type Principal } from './principal';
import { nameVisibility } from './personal-data';
import {
  canActForCounty,
  canActForStation,
  canActForWorkshop,
  canReadCounty,
  canReadCountyCases,
  canReadPrefecture,
  countiesOf,
  isCountyOffice,
} from './scope';

const admin: Principal = { sub: 'a', role: 'admin' };
const county: Principal = { sub: 'c', role: 'county_office', countyCode: '520402' };
const broker: Principal = { sub: 'b', role: 'broker', counties: ['520402', '520403'] };
const anyBroker: Principal = { sub: 'b2', role: 'broker', counties: 'all' };
const station: Principal = { sub: 's', role: 'station', stationId: 'st-1' };
const workshop: Principal = { sub: 'w', role: 'workshop', workshopId: 'ws-1' };
const anshun: Principal = { sub: 'p', role: 'prefecture_office', prefectureCode: '520400' };

describe('scope checks', () => {
  it.each([
    [admin, '520402', true],
    [county, '520402', true],
    [county, '520403', false],
    [broker, '520403', true],
    [broker, '520111', false],
    [anyBroker, '520111', true],
    [station, '520402', false],
    [workshop, '520402', false],
  ])('canActForCounty(%o, %s) is %s', (principal, code, expected) => {
    expect(canActForCounty(principal, code)).toBe(expected);
  });

  it('keeps household registration to the county office itself, not brokers', () => {
    expect(isCountyOffice(county, '520402')).toBe(true);
    expect(isCountyOffice(broker, '520402')).toBe(false);
    expect(isCountyOffice(county, '520403')).toBe(false);
  });

  it('lets a station and a workshop act for themselves only', () => {
    expect(canActForStation(station, 'st-1')).toBe(true);
    expect(canActForStation(station, 'st-2')).toBe(false);
    expect(canActForStation(county, 'st-1')).toBe(false);
    expect(canActForWorkshop(workshop, 'ws-1')).toBe(true);
    expect(canActForWorkshop(workshop, 'ws-2')).toBe(false);
    expect(canActForWorkshop(admin, 'ws-2')).toBe(true);
  });

  it('lets a prefecture office read its own counties and prefecture, act for none, and read nothing else', () => {
    expect(canReadCounty(anshun, '520402')).toBe(true);
    expect(canReadCounty(anshun, '520425')).toBe(true);
    expect(canReadCounty(anshun, '520102')).toBe(false);
    expect(canReadCountyCases(anshun, '520402')).toBe(true);
    expect(canReadCountyCases(anshun, '522301')).toBe(false);
    expect(canReadPrefecture(anshun, '520400')).toBe(true);
    expect(canReadPrefecture(anshun, '520500')).toBe(false);
    expect(canReadPrefecture(county, '520400')).toBe(false);
    expect(canReadPrefecture(admin, '520500')).toBe(true);
    expect(canActForCounty(anshun, '520402')).toBe(false);
    expect(isCountyOffice(anshun, '520402')).toBe(false);
    expect(countiesOf(anshun)).toEqual([]);
    // Cases are the county office's: a broker reads figures but not the case list.
    expect(canReadCounty(broker, '520402')).toBe(true);
    expect(canReadCountyCases(broker, '520402')).toBe(false);
  });

  it('shows a prefecture office names masked in lists and whole on a record, in its prefecture only', () => {
    expect(nameVisibility(anshun, { countyCode: '520402', view: 'list' })).toBe('masked');
    expect(nameVisibility(anshun, { countyCode: '520402', view: 'record' })).toBe('whole');
    expect(nameVisibility(anshun, { countyCode: '520102', view: 'record' })).toBe('none');
  });

  it('lists the counties a principal covers', () => {
    expect(countiesOf(county)).toEqual(['520402']);
    expect(countiesOf(anyBroker)).toBe('all');
    expect(countiesOf(station)).toEqual([]);
  });
});

describe('token claims', () => {
  it('accepts each role with its scope and drops registered claims', () => {
    expect(principalFromClaims({ ...county, iat: 1, exp: 2 })).toEqual(county);
    expect(principalFromClaims(anyBroker)).toEqual(anyBroker);
  });

  it.each([
    { sub: 'x', role: 'county_office' },
    { sub: 'x', role: 'county_office', countyCode: '5204' },
    { sub: 'x', role: 'broker', counties: [] },
    { sub: 'x', role: 'broker', counties: 'some' },
    { sub: 'x', role: 'station' },
    { sub: 'x', role: 'prefecture_office' },
    { sub: 'x', role: 'prefecture_office', prefectureCode: '520402' },
    { sub: 'x', role: 'prefecture_office', prefectureCode: '530100' },
    { sub: '', role: 'admin' },
    { sub: 'x', role: 'root' },
  ])('refuses %o', (claims) => {
    expect(principalFromClaims(claims)).toBeUndefined();
  });
});
