import { JwtService } from '@nestjs/jwt';
import { TokenClaimsSchema, signToken } from '@lib/auth';
import { claimsFromArgs } from './token.cli';

describe('token CLI arguments', () => {
  it.each([
    [['--role', 'county_office', '--county', '520402'], { role: 'county_office', countyCode: '520402' }],
    [
      ['--role', 'broker', '--counties', '520402, 520403'],
      { role: 'broker', counties: ['520402', '520403'] },
    ],
    [['--role', 'broker', '--counties', 'all'], { role: 'broker', counties: 'all' }],
    [
      ['--role', 'broker', '--county', '520402'],
      { role: 'broker', counties: ['520402'], sub: 'broker-520402' },
    ],
    [
      ['--role', 'station', '--station', 'st-1', '--sub', 'alice'],
      { role: 'station', stationId: 'st-1', sub: 'alice' },
    ],
    [['--role', 'workshop', '--workshop', 'ws-1'], { role: 'workshop', workshopId: 'ws-1' }],
    [['--role', 'admin'], { role: 'admin' }],
    [
      ['--role', 'prefecture_office', '--prefecture', '520400'],
      { role: 'prefecture_office', prefectureCode: '520400', sub: 'prefecture_office-520400' },
    ],
  ])('%j gives valid claims', (args, expected) => {
    const { claims } = claimsFromArgs(args);
    expect(TokenClaimsSchema.parse(claims)).toMatchObject(expected);
  });

  it('refuses an unknown role and unknown options', () => {
    expect(() => claimsFromArgs(['--role', 'root'])).toThrow(/--role/);
    expect(() => claimsFromArgs(['--role', 'admin', '--colour', 'red'])).toThrow();
  });

  it('refuses a prefecture office without its prefecture, or with a county for one', () => {
    expect(TokenClaimsSchema.safeParse(claimsFromArgs(['--role', 'prefecture_office']).claims).success).toBe(
      false,
    );
    const county = claimsFromArgs(['--role', 'prefecture_office', '--prefecture', '520402']).claims;
    expect(TokenClaimsSchema.safeParse(county).success).toBe(false);
  });

  it('refuses a broker given both --county and --counties', () => {
    expect(() => claimsFromArgs(['--role', 'broker', '--county', '520402', '--counties', '520403'])).toThrow(
      /not both/,
    );
  });

  it('signs HS256 tokens that verify with the same secret only', () => {
    const secret = 'x'.repeat(40);
    const token = signToken({ sub: 'a', role: 'admin' }, secret, 60);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({
      alg: 'HS256',
    });
    expect(new JwtService({ secret }).verify(token)).toMatchObject({ sub: 'a', role: 'admin' });
    expect(() => new JwtService({ secret: 'y'.repeat(40) }).verify(token)).toThrow();
  });
});
