import { EVENT_EXAMPLES, employerStream, labourStationStream } from '@contracts';
import { projectAll } from '../shared/keyed-projection';
import { EventLogBuilder } from '../monitor/testing/event-log';
import { directoryProjection, findEmployers } from './directory.projection';

const employer = (employerId: string, name: string, creditCode: string) => ({
  ...EVENT_EXAMPLES.EmployerRegistered,
  employerId,
  name,
  creditCode,
});

describe('directory projection', () => {
  const log = new EventLogBuilder();
  log.append(
    employerStream('e-1'),
    'EmployerRegistered',
    employer('e-1', '深圳市华强电子有限公司', '914403001922038216'),
  );
  log.append(
    employerStream('e-2'),
    'EmployerRegistered',
    employer('e-2', '广州华盛制衣有限公司', '91350100M000100Y43'),
  );
  log.append(labourStationStream('s-1'), 'LabourStationRegistered', EVENT_EXAMPLES.LabourStationRegistered);
  const docs = projectAll(directoryProjection, log.events);

  it('keeps employers and posters by kind and id, and a replay changes nothing', () => {
    expect(docs['employer:e-1']).toMatchObject({
      kind: 'employer',
      name: '深圳市华强电子有限公司',
      contact: { name: '陈经理' },
    });
    expect(docs['labour_station:station-gz-001']).toMatchObject({
      name: '贵州省驻广州劳务协作站',
      city: '广州市',
    });
    expect(
      projectAll(
        directoryProjection,
        log.events.flatMap((e) => [e, e]),
      ),
    ).toEqual(docs);
  });

  it('finds employers by a part of the name or the start of the credit code, never a poster', () => {
    expect(findEmployers(Object.values(docs)).map((e) => e.id)).toEqual(
      ['e-2', 'e-1'].sort((a, b) =>
        docs[`employer:${a}`].name.localeCompare(docs[`employer:${b}`].name, 'zh'),
      ),
    );
    expect(findEmployers(Object.values(docs), '制衣').map((e) => e.id)).toEqual(['e-2']);
    expect(findEmployers(Object.values(docs), '91440300').map((e) => e.id)).toEqual(['e-1']);
    expect(findEmployers(Object.values(docs), '协作站')).toEqual([]);
  });
});
