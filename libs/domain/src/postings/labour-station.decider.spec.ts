import { given } from '../shared/testing/decider-spec';
import { labourStationDecider } from './labour-station.decider';

const now = '2026-03-01T08:00:00Z';
const register = {
  type: 'RegisterLabourStation' as const,
  stationId: 'station-gz-1',
  name: '贵州驻广州劳务工作站',
  hostProvince: '广东省',
  hostCity: '广州市',
  managingRegionCode: '520400',
  now,
};
const registered = {
  type: 'LabourStationRegistered' as const,
  data: {
    stationId: 'station-gz-1',
    name: '贵州驻广州劳务工作站',
    hostProvince: '广东省',
    hostCity: '广州市',
    managingRegionCode: '520400',
    registeredAt: now,
  },
};

describe('labour station decider', () => {
  it('registers a new station', () => given(labourStationDecider).when(register).then([registered]));
  it('refuses to register a station twice', () =>
    given(labourStationDecider, [registered]).when(register).thenRejects('already_exists'));
});
