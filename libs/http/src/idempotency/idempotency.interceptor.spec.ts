import { keyScope, requestHash } from './idempotency.interceptor';

describe('what makes two requests the same, and whose key it is', () => {
  it('compares bodies whatever the order of their keys, nested ones included', () => {
    const a = requestHash('POST', '/v1/households', {
      countyCode: '520402',
      members: [{ name: 'x', age: 1 }],
    });
    const b = requestHash('POST', '/v1/households', {
      members: [{ age: 1, name: 'x' }],
      countyCode: '520402',
    });
    expect(a).toBe(b);
    expect(requestHash('POST', '/v1/households', { countyCode: '520424' })).not.toBe(a);
  });

  it('scopes a key by the whole identity of the caller and the route', () => {
    const office = { sub: 'office-1', role: 'county_office', countyCode: '520402' } as const;
    const base = keyScope(office, 'POST', '/v1/households');
    expect(keyScope({ ...office }, 'POST', '/v1/households')).toBe(base);
    expect(keyScope({ ...office, countyCode: '520424' }, 'POST', '/v1/households')).not.toBe(base);
    expect(keyScope(office, 'POST', '/v1/households/:id/workers')).not.toBe(base);
    expect(keyScope(undefined, 'POST', '/v1/households')).not.toBe(base);
  });
});
