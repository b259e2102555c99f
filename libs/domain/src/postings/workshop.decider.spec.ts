import { given } from '../shared/testing/decider-spec';
import { type WorkshopEvent, workshopDecider } from './workshop.decider';

const now = '2026-03-01T08:00:00Z';
const certify = {
  type: 'CertifyWorkshop' as const,
  workshopId: 'ws-1',
  name: '绣娘车间',
  countyCode: '520402',
  relocationSiteId: 'site-1',
  sector: 'embroidery',
  now,
};
const certified: WorkshopEvent = {
  type: 'WorkshopCertified',
  data: {
    workshopId: 'ws-1',
    name: '绣娘车间',
    countyCode: '520402',
    relocationSiteId: 'site-1',
    sector: 'embroidery',
    certifiedAt: now,
  },
};
const decertify = { type: 'DecertifyWorkshop' as const, workshopId: 'ws-1', reason: 'closed down', now };
const decertified: WorkshopEvent = {
  type: 'WorkshopDecertified',
  data: { workshopId: 'ws-1', reason: 'closed down', decertifiedAt: now },
};

describe('workshop decider', () => {
  it('certifies a workshop', () => given(workshopDecider).when(certify).then([certified]));
  it('refuses to certify a certified workshop again', () =>
    given(workshopDecider, [certified]).when(certify).thenRejects('already_exists'));
  it('certifies a decertified workshop again', () =>
    given(workshopDecider, [certified, decertified]).when(certify).then([certified]));
  it('decertifies a certified workshop', () =>
    given(workshopDecider, [certified]).when(decertify).then([decertified]));
  it('decertifying twice appends nothing', () =>
    given(workshopDecider, [certified, decertified]).when(decertify).thenNothing());
  it('refuses to decertify an unknown workshop', () =>
    given(workshopDecider).when(decertify).thenRejects('not_found'));
});
