import { householdOfPlacement, newPlacementId } from './placement-id';

describe('placement ids', () => {
  it('carry their household', () => {
    expect(householdOfPlacement(newPlacementId('c0ffee-1'))).toBe('c0ffee-1');
    expect(householdOfPlacement('no-household')).toBeUndefined();
    expect(householdOfPlacement(':x')).toBeUndefined();
  });
});
