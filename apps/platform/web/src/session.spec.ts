import { allowedArea, readsOnly, sessionFromToken, type Session } from './session';

const base64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const token = (payload: object) => ['e30', base64Url(JSON.stringify(payload)), 'sig'].join('.');

describe('a prefecture office’s session', () => {
  const session = sessionFromToken(
    token({ sub: 'p', role: 'prefecture_office', prefectureCode: '520400' }),
  ) as Session;

  it('is read from its token, with its prefecture, and reads only', () => {
    expect(session).toMatchObject({ role: 'prefecture_office', prefectureCode: '520400' });
    expect(readsOnly(session)).toBe(true);
  });

  it('looks at its prefecture and that prefecture’s counties, and nothing else', () => {
    expect(allowedArea(session, '520402', '520400')).toBe('520402');
    expect(allowedArea(session, '520400', '520400')).toBe('520400');
    expect(allowedArea(session, undefined, '520400')).toBe('520400');
    expect(allowedArea(session, '520000', '520400')).toBe('520400');
    expect(allowedArea(session, '520500', '520400')).toBe('520400');
    expect(allowedArea(session, '520524', '520400')).toBe('520400');
  });

  it('leaves a county office at its county and the admin where it asks', () => {
    const county: Session = { token: 't', sub: 'c', role: 'county_office', countyCode: '520402' };
    expect(allowedArea(county, '520524', '520402')).toBe('520402');
    expect(readsOnly(county)).toBe(false);
    const admin: Session = { token: 't', sub: 'a', role: 'admin' };
    expect(allowedArea(admin, '520524', '520000')).toBe('520524');
    expect(allowedArea(admin, undefined, '520000')).toBe('520000');
  });
});
