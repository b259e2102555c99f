import { maskName, nameVisibility, visibleName } from './personal-data';

describe('personal data: who sees a name', () => {
  const county = { countyCode: '520402', view: 'list' } as const;

  it('the county office of the household and the brokers covering it see names whole; others none', () => {
    expect(nameVisibility({ sub: 'o', role: 'county_office', countyCode: '520402' }, county)).toBe('whole');
    expect(nameVisibility({ sub: 'o', role: 'county_office', countyCode: '520423' }, county)).toBe('none');
    expect(nameVisibility({ sub: 'b', role: 'broker', counties: ['520402'] }, county)).toBe('whole');
    expect(nameVisibility({ sub: 'b', role: 'broker', counties: 'all' }, county)).toBe('whole');
    expect(nameVisibility({ sub: 'b', role: 'broker', counties: ['520423'] }, county)).toBe('none');
  });

  it('the admin sees names masked in lists and whole on the record', () => {
    expect(nameVisibility({ sub: 'a', role: 'admin' }, county)).toBe('masked');
    expect(nameVisibility({ sub: 'a', role: 'admin' }, { ...county, view: 'record' })).toBe('whole');
  });

  it('a station or workshop sees only the people placed with it', () => {
    const station = { sub: 's', role: 'station', stationId: 'st-1' } as const;
    expect(nameVisibility(station, county)).toBe('none');
    expect(nameVisibility(station, { ...county, placedWithCaller: true })).toBe('whole');
    const workshop = { sub: 'w', role: 'workshop', workshopId: 'ws-1' } as const;
    expect(nameVisibility(workshop, { ...county, view: 'record' })).toBe('none');
  });

  it('masks keep the family name and the last character', () => {
    expect(maskName('王秀英')).toBe('王*英');
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(visibleName('王秀英', 'none')).toBeNull();
    expect(visibleName('王秀英', 'whole')).toBe('王秀英');
  });
});
