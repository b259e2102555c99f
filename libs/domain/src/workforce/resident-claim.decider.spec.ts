import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import { type ResidentClaimEvent, residentClaimDecider } from './resident-claim.decider';

const now = '2026-03-01T08:00:00Z';
const idNumberHash = 'c'.repeat(64);
const claimed = (householdId: string, supersedes?: string): ResidentClaimEvent => ({
  type: 'ResidentIdClaimed',
  data: { idNumberHash, householdId, ...(supersedes ? { supersedes } : {}), claimedAt: now },
});
const released = (householdId: string): ResidentClaimEvent => ({
  type: 'ResidentIdReleased',
  data: { idNumberHash, householdId, releasedAt: now },
});
const claim = (householdId: string, supersedes?: { householdId: string; claimRevision: number }) =>
  ({ type: 'ClaimResident', idNumberHash, householdId, ...(supersedes ? { supersedes } : {}), now }) as const;
const release = (householdId: string) =>
  ({ type: 'ReleaseResident', idNumberHash, householdId, now }) as const;

describe('resident claim decider: one person, one household', () => {
  it('claims a free person, and again after a release', () => {
    given(residentClaimDecider)
      .when(claim('h1'))
      .then([claimed('h1')]);
    given(residentClaimDecider, [claimed('h1'), released('h1')])
      .when(claim('h2'))
      .then([claimed('h2')]);
    expect(() => encodeEvent(claimed('h1', 'h0'))).not.toThrow();
  });

  it('answers a repeated claim by the holder with nothing new', () => {
    given(residentClaimDecider, [claimed('h1')])
      .when(claim('h1'))
      .thenNothing();
  });

  it('refuses a claim on a person another household holds, naming the holder and its claim revision', () => {
    given(residentClaimDecider, [claimed('h1')])
      .when(claim('h2'))
      .thenRejects('person_already_registered');
    const decision = residentClaimDecider.decide(claim('h2'), {
      eventCount: 3,
      holder: { householdId: 'h1', claimRevision: 2 },
    });
    expect(decision).toMatchObject({
      ok: false,
      rejection: { details: { householdId: 'h1', claimRevision: 2 } },
    });
  });

  it('takes over exactly the claim that was voided, never a later one', () => {
    const history = [claimed('h1'), released('h1'), claimed('h3')]; // h3 holds it at revision 2
    given(residentClaimDecider, history)
      .when(claim('h2', { householdId: 'h3', claimRevision: 2 }))
      .then([claimed('h2', 'h3')]);
    given(residentClaimDecider, history)
      .when(claim('h2', { householdId: 'h3', claimRevision: 0 }))
      .thenRejects('person_already_registered');
    given(residentClaimDecider, history)
      .when(claim('h2', { householdId: 'h1', claimRevision: 0 }))
      .thenRejects('person_already_registered');
  });

  it('releases only the holder', () => {
    given(residentClaimDecider, [claimed('h1')])
      .when(release('h1'))
      .then([released('h1')]);
    given(residentClaimDecider, [claimed('h1')])
      .when(release('h2'))
      .thenNothing();
    given(residentClaimDecider).when(release('h1')).thenNothing();
  });
});
