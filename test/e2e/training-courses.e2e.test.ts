import { randomUUID } from 'node:crypto';
import { encodeEvent, trainingCourseStream } from '@contracts';
import { addDays, dayOf } from '@lib/domain/shared/business-dates';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  lastCommandPosition,
  memberBody,
  streamTypes,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/**
 * Skills training courses through HTTP (issue 15, item 3): publish, enrol (seats never overfilled, whoever
 * enrols at once), withdraw, complete → the worker's training and skills; "131": an enrolment is the worker's
 * training offer; scope across counties.
 */
describe('training courses', () => {
  let t: TestApp;
  let county: string;
  let broker: string;
  const today = () => dayOf(new Date().toISOString());
  const courseBody = (o: Record<string, unknown> = {}) => ({
    countyCode: COUNTY,
    occupation: '6-09-03-11', // 刺绣工
    title: '贵州绣娘刺绣培训班',
    startDate: addDays(today(), -5),
    endDate: addDays(today(), 5),
    seats: 3,
    place: '西秀区安置点就业服务中心',
    subsidyPerTrainee: 1200,
    ...o,
  });
  const publish = async (o: Record<string, unknown> = {}, token = county) =>
    (await t.http.post('/v1/training-courses').set(bearer(token)).send(courseBody(o)).expect(201)).body
      .courseId as string;
  const workers = async (count: number, countyCode = COUNTY) =>
    (
      await registerHousehold(
        t,
        t.tokens.county(countyCode),
        householdBody(
          countyCode,
          Array.from({ length: count }, () => memberBody()),
        ),
      )
    ).workerIds;
  const enrol = (courseId: string, workerId: string, token = broker) =>
    t.http.post(`/v1/training-courses/${courseId}/enrolments`).set(bearer(token)).send({ workerId });
  const detail = async (courseId: string, token = county) =>
    (
      await t.http
        .get(`/v1/training-courses/${courseId}`)
        .set(bearer(token))
        .set('X-Min-Position', await lastCommandPosition(t.app))
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await startTestApp();
    county = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes a course and lists it with its seats, by county and status', async () => {
    const courseId = await publish({ seats: 2 });
    const [w1, w2] = await workers(2);
    await enrol(courseId, w1).expect(201);
    const open = await t.http
      .get(`/v1/training-courses?county=${COUNTY}&status=open`)
      .set(bearer(t.tokens.workshop('any-workshop')))
      .set('X-Min-Position', await lastCommandPosition(t.app))
      .expect(200);
    expect(open.body.items.find((c: { courseId: string }) => c.courseId === courseId)).toMatchObject({
      countyCode: COUNTY,
      publisher: { type: 'county_office', id: COUNTY },
      occupation: { code: '6-09-03-11', label: expect.any(String) },
      seats: 2,
      seatsTaken: 1,
      seatsLeft: 1,
      status: 'open',
      subsidyPerTrainee: 1200,
    });
    await enrol(courseId, w2).expect(201);
    const full = await t.http
      .get(`/v1/training-courses?county=${COUNTY}&status=full`)
      .set(bearer(county))
      .set('X-Min-Position', await lastCommandPosition(t.app))
      .expect(200);
    expect(full.body.items.map((c: { courseId: string }) => c.courseId)).toContain(courseId);
    const other = await t.http
      .get(`/v1/training-courses?county=${OTHER_COUNTY}`)
      .set(bearer(county))
      .expect(200);
    expect(other.body.items.map((c: { courseId: string }) => c.courseId)).not.toContain(courseId);
  });

  it('30 concurrent enrolments into 4 seats: exactly 4 × 201, 26 × 409 course_full; view and stream agree', async () => {
    const courseId = await publish({ seats: 4 });
    const many = (await Promise.all([0, 1, 2].map(() => workers(10)))).flat();
    const results = await Promise.all(many.map((w) => enrol(courseId, w)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'course_full')).toHaveLength(26);
    const stream = await eventStoreOf(t.app).readStream(trainingCourseStream(courseId));
    const enrolled = stream.filter((e) => e.type === 'WorkerEnrolledInCourse').map((e) => e.data.workerId);
    expect(enrolled).toHaveLength(4);
    const winners = many.filter((_, i) => results[i].status === 201);
    expect([...enrolled].sort()).toEqual([...winners].sort());
    const view = await detail(courseId);
    expect(view).toMatchObject({ seats: 4, seatsTaken: 4, seatsLeft: 0, status: 'full' });
    expect([...view.enrolledWorkerIds].sort()).toEqual([...enrolled].sort());
  });

  it('refuses a worker twice (409 already_enrolled); a withdrawal frees the seat; nothing appended on refusal', async () => {
    const courseId = await publish({ seats: 1 });
    const [w1, w2] = await workers(2);
    await enrol(courseId, w1).expect(201);
    const twice = await enrol(courseId, w1).expect(409);
    expect(twice.body.error.code).toBe('already_enrolled');
    expect((await enrol(courseId, w2).expect(409)).body.error.code).toBe('course_full');
    expect(await streamTypes(t.app, trainingCourseStream(courseId))).toEqual([
      'TrainingCoursePublished',
      'WorkerEnrolledInCourse',
    ]);
    await t.http
      .post(`/v1/training-courses/${courseId}/withdrawals`)
      .set(bearer(county))
      .send({ workerId: w1, reason: '外出务工' })
      .expect(201);
    await enrol(courseId, w2).expect(201);
    expect(await detail(courseId)).toMatchObject({ seatsTaken: 1, withdrawals: 1, enrolledWorkerIds: [w2] });
  });

  it('refuses enrolment into a course that has ended: 409 course_ended', async () => {
    const courseId = randomUUID();
    const published = encodeEvent({
      type: 'TrainingCoursePublished',
      data: {
        courseId,
        publisher: { type: 'county_office', id: COUNTY },
        countyCode: COUNTY,
        occupation: '6-05-01-03',
        title: '缝纫工培训班',
        startDate: addDays(today(), -20),
        endDate: addDays(today(), -1),
        seats: 10,
        place: '安置点',
        subsidyPerTrainee: 800,
        publishedAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      },
    });
    await eventStoreOf(t.app).append(
      trainingCourseStream(courseId),
      [
        {
          ...published,
          id: randomUUID(),
          occurredAt: new Date().toISOString(),
          metadata: { actor: { id: 'test', role: 'admin' }, correlationId: 'c', causationId: 'c' },
        },
      ],
      'no_stream',
    );
    const [w] = await workers(1);
    const res = await enrol(courseId, w).expect(409);
    expect(res.body.error.code).toBe('course_ended');
    expect(await detail(courseId)).toMatchObject({ status: 'ended', seatsTaken: 0 });
  });

  it('publish → enrol → complete: the "131" offer, WorkerTrainingCompleted, and the occupation on the worker’s page', async () => {
    const courseId = await publish();
    const [w] = await workers(1);
    await enrol(courseId, w).expect(201);
    const householdId = w.split('.')[0];
    const complete = (body: Record<string, unknown>) =>
      t.http
        .post(`/v1/training-courses/${courseId}/completions`)
        .set(bearer(county))
        .send({ workerId: w, certificateNumber: 'GZ-2026-0001', completedOn: today(), ...body });
    // Bad dates first: 400 naming completedOn, nothing appended.
    const future = await complete({ completedOn: addDays(today(), 1) }).expect(400);
    expect(future.body.error.issues).toEqual([{ path: 'completedOn', message: expect.any(String) }]);
    const early = await complete({ completedOn: addDays(today(), -6) }).expect(400);
    expect(early.body.error.issues[0].path).toBe('completedOn');
    const done = await complete({}).expect(201);
    expect(await streamTypes(t.app, trainingCourseStream(courseId))).toEqual([
      'TrainingCoursePublished',
      'WorkerEnrolledInCourse',
      'CourseCompletionRecorded',
    ]);
    const household = await eventStoreOf(t.app).readStream(`household-${householdId}`);
    expect(household.find((e) => e.type === 'WorkerServiceDelivered')?.data).toMatchObject({
      workerId: w,
      service: 'training_offer',
    });
    expect(household.find((e) => e.type === 'WorkerTrainingCompleted')?.data).toMatchObject({
      workerId: w,
      skill: '6-09-03-11',
      name: '贵州绣娘刺绣培训班',
    });
    const page = await t.http
      .get(`/v1/workers/${w}`)
      .set(bearer(county))
      .set('X-Min-Position', done.body.position)
      .expect(200);
    expect(page.body.occupations.map((o: { code: string }) => o.code)).toEqual(['6-05-01-03', '6-09-03-11']);
    expect(await detail(courseId)).toMatchObject({
      seatsTaken: 1,
      enrolledWorkerIds: [],
      completions: [{ workerId: w, certificateNumber: 'GZ-2026-0001', completedOn: today() }],
    });
  });

  it('"131": the enrolment is the job-seeker’s training offer, completing the package in the county’s figures', async () => {
    const courseId = await publish();
    const [w] = await workers(1);
    const stationId = await registerStation(t);
    const vacancyIds = await Promise.all([1, 2, 3].map(() => postStationVacancy(t, stationId)));
    const service = (body: Record<string, unknown>) =>
      t.http
        .post(`/v1/workers/${w}/services`)
        .set(bearer(county))
        .send({ deliveredAt: new Date(Date.now() - 60_000).toISOString(), ...body })
        .expect(201);
    await service({ service: 'career_guidance' });
    await service({ service: 'job_recommendation', vacancyIds });
    const with131 = async () =>
      (
        await t.http
          .get(`/v1/counties/${COUNTY}/employment`)
          .set(bearer(county))
          .set('X-Min-Position', await lastCommandPosition(t.app))
          .expect(200)
      ).body.jobSeekersWith131 as number;
    const before = await with131();
    await enrol(courseId, w).expect(201);
    expect(await with131()).toBe(before + 1);
  });

  it('403 across counties: publishing, enrolling and completing for another county; nothing appended', async () => {
    const courseId = await publish();
    const [w] = await workers(1);
    const [elsewhere] = await workers(1, OTHER_COUNTY);
    const otherOffice = t.tokens.county(OTHER_COUNTY);
    await t.http.post('/v1/training-courses').set(bearer(otherOffice)).send(courseBody()).expect(403);
    await enrol(courseId, w, otherOffice).expect(403);
    await enrol(courseId, w, t.tokens.broker([OTHER_COUNTY])).expect(403);
    // A broker of the course's county enrols only workers of the counties it covers.
    await enrol(courseId, elsewhere, broker).expect(403);
    await enrol(courseId, w, t.tokens.station('a-station')).expect(403);
    await enrol(courseId, w).expect(201);
    await t.http
      .post(`/v1/training-courses/${courseId}/completions`)
      .set(bearer(otherOffice))
      .send({ workerId: w, certificateNumber: 'X-1', completedOn: today() })
      .expect(403);
    expect(await streamTypes(t.app, trainingCourseStream(courseId))).toEqual([
      'TrainingCoursePublished',
      'WorkerEnrolledInCourse',
    ]);
    // Who holds the seats is not for another county's office.
    const seen = await detail(courseId, otherOffice);
    expect(seen.enrolledWorkerIds).toBeUndefined();
    expect(seen.seatsTaken).toBe(1);
  });

  it('bad input is a 400 naming the field: dates, seats, occupation, unknown fields', async () => {
    const bad = async (o: Record<string, unknown>, path: string) => {
      const res = await t.http
        .post('/v1/training-courses')
        .set(bearer(county))
        .send(courseBody(o))
        .expect(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    await bad({ endDate: addDays(today(), -6) }, 'endDate');
    await bad({ startDate: addDays(today(), -20), endDate: addDays(today(), -10) }, 'endDate');
    await bad({ seats: 0 }, 'seats');
    await bad({ occupation: 'juggling' }, 'occupation');
    await bad({ subsidyPerTrainee: 12.5 }, 'subsidyPerTrainee');
    await bad({ colour: 'red' }, 'colour');
    const unknown = await enrol(randomUUID(), 'h1.1').expect(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  describe('attendance (考勤)', () => {
    const attend = (courseId: string, body: Record<string, unknown>, token = county) =>
      t.http.post(`/v1/training-courses/${courseId}/attendance`).set(bearer(token)).send(body);
    const courseTypes = (courseId: string) => streamTypes(t.app, trainingCourseStream(courseId));
    const yesterday = () => addDays(today(), -1);

    it('records days, shows each trainee’s days attended of the days held; a register twice appends nothing', async () => {
      const courseId = await publish();
      const [w1, w2] = await workers(2);
      await enrol(courseId, w1).expect(201);
      await enrol(courseId, w2).expect(201);
      const first = await attend(courseId, { date: yesterday(), present: [w1, w2] }).expect(201);
      expect(first.body).toMatchObject({ changed: 2, position: expect.any(String) });
      await attend(courseId, { date: today(), present: [w1], absent: [w2] }).expect(201);
      const again = await attend(courseId, { date: today(), present: [w1], absent: [w2] }).expect(201);
      expect(again.body.changed).toBe(0);
      // A correction is a new event: w2 came after all.
      await attend(courseId, { date: today(), present: [w2, w1] }).expect(201);
      const stream = await eventStoreOf(t.app).readStream(trainingCourseStream(courseId));
      const registers = stream.filter((e) => e.type === 'CourseAttendanceRecorded').map((e) => e.data);
      expect(registers).toEqual([
        expect.objectContaining({ date: yesterday(), present: [w1, w2], absent: [] }),
        expect.objectContaining({ date: today(), present: [w1], absent: [w2] }),
        expect.objectContaining({ date: today(), present: [w2], absent: [] }),
      ]);
      const view = await detail(courseId);
      expect(view.daysHeld).toEqual([yesterday(), today()]);
      expect(view.trainees).toEqual([
        expect.objectContaining({
          workerId: w1,
          name: '张三',
          daysPresent: 2,
          daysAbsent: 0,
          completion: null,
        }),
        expect.objectContaining({ workerId: w2, daysPresent: 2, presentOn: [yesterday(), today()] }),
      ]);
      // The admin sees the names masked in this list; the read is logged.
      expect((await detail(courseId, t.tokens.admin())).trainees[0].name).toBe('张*');
      const log = await t.http
        .get(`/v1/access-log?subject=${encodeURIComponent(w1)}`)
        .set(bearer(t.tokens.admin()))
        .expect(200);
      expect(log.body.items.map((i: { resource: string }) => i.resource)).toContain(
        'training_course_trainees',
      );
    });

    it('refuses bad days and workers with a stable code naming the field; nothing appended', async () => {
      const courseId = await publish();
      const [w1, w2, stranger] = await workers(3);
      await enrol(courseId, w1).expect(201);
      await enrol(courseId, w2).expect(201);
      await t.http
        .post(`/v1/training-courses/${courseId}/withdrawals`)
        .set(bearer(county))
        .send({ workerId: w2 })
        .expect(201);
      const refused = async (body: Record<string, unknown>, status: number, code: string, path: string) => {
        const res = await attend(courseId, body).expect(status);
        expect(res.body.error.code).toBe(code);
        const issue = res.body.error.issues.find((i: { path: string }) => i.path === path);
        expect(issue).toBeDefined();
        if (code !== 'validation_failed' || path !== 'date') expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
      };
      await refused({ date: addDays(today(), 1), present: [w1] }, 400, 'invalid_value', 'date');
      await refused({ date: addDays(today(), -6), present: [w1] }, 400, 'invalid_value', 'date');
      await refused({ date: today(), present: [w1, stranger] }, 409, 'not_enrolled', 'present.1');
      await refused({ date: today(), present: [w1], absent: [w2] }, 409, 'not_enrolled', 'absent.0');
      await refused({ date: today(), present: [w1], absent: [w1] }, 400, 'validation_failed', 'absent.0');
      await refused({ date: today(), present: [] }, 400, 'validation_failed', 'present');
      await refused({ date: '2026-02-30', present: [w1] }, 400, 'validation_failed', 'date');
      await attend(courseId, { date: today(), present: [w1] }, t.tokens.county(OTHER_COUNTY)).expect(403);
      await attend(courseId, { date: today(), present: [w1] }, broker).expect(403);
      expect(await courseTypes(courseId)).toEqual([
        'TrainingCoursePublished',
        'WorkerEnrolledInCourse',
        'WorkerEnrolledInCourse',
        'WorkerWithdrewFromCourse',
      ]);
    });

    it('completion reads the registers: present on no day is 409 not_attended; after it, later days are closed', async () => {
      const courseId = await publish();
      const [w1, w2] = await workers(2);
      await enrol(courseId, w1).expect(201);
      await enrol(courseId, w2).expect(201);
      // Both took their seats today: yesterday w1 came as a walk-in; w2 cannot be absent from a day before the seat.
      const early = await attend(courseId, { date: yesterday(), present: [w1], absent: [w2] }).expect(400);
      expect(early.body.error.issues[0].path).toBe('absent.0');
      await attend(courseId, { date: yesterday(), present: [w1] }).expect(201);
      await attend(courseId, { date: today(), absent: [w2], present: [] }).expect(201);
      const complete = (workerId: string, completedOn = yesterday()) =>
        t.http
          .post(`/v1/training-courses/${courseId}/completions`)
          .set(bearer(county))
          .send({ workerId, certificateNumber: `GZ-${workerId}`, completedOn });
      const unattended = await complete(w2).expect(409);
      expect(unattended.body.error.code).toBe('not_attended');
      expect(unattended.body.error.issues[0].path).toBe('workerId');
      await complete(w1).expect(201);
      const closed = await attend(courseId, { date: today(), present: [w1] }).expect(409);
      expect(closed.body.error.code).toBe('forbidden_transition');
      const view = await detail(courseId);
      expect(view.trainees).toEqual([
        expect.objectContaining({ workerId: w2, status: 'enrolled', daysPresent: 0, daysAbsent: 1 }),
        expect.objectContaining({
          workerId: w1,
          status: 'completed',
          daysPresent: 1,
          completion: { certificateNumber: `GZ-${w1}`, completedOn: yesterday() },
        }),
      ]);
    });
  });
});
