import type { Trainee } from './api-training';
import { parseRoute, routePath } from './router';
import { registerDays, registerOf, ticksOn } from './training-days';
import { guizhouToday } from './guizhou-dates';

const trainee = (
  workerId: string,
  presentOn: string[] = [],
  absentOn: string[] = [],
  enrolledOn: string | null = '2026-03-01',
): Trainee => ({
  workerId,
  name: null,
  status: 'enrolled',
  enrolledOn,
  daysPresent: presentOn.length,
  daysAbsent: absentOn.length,
  daysUnrecorded: 0,
  presentOn,
  absentOn,
  completion: null,
});

describe('training days', () => {
  it('is already tomorrow in Guizhou at 16:00 UTC', () => {
    expect(guizhouToday(Date.parse('2026-03-11T15:59:00Z'))).toBe('2026-03-11');
    expect(guizhouToday(Date.parse('2026-03-11T16:00:00Z'))).toBe('2026-03-12');
  });

  it('keeps registers for the course’s days up to today, none before it starts', () => {
    const course = { startDate: '2026-03-10', endDate: '2026-03-20' };
    expect(registerDays(course, '2026-03-12')).toEqual({ min: '2026-03-10', max: '2026-03-12' });
    expect(registerDays(course, '2026-04-01')).toEqual({ min: '2026-03-10', max: '2026-03-20' });
    expect(registerDays(course, '2026-03-09')).toBeUndefined();
  });

  it('starts a day from what was recorded and sends the unticked as absent', () => {
    const list = [trainee('a.1', ['2026-03-12']), trainee('b.1', [], ['2026-03-12']), trainee('c.1')];
    const ticks = ticksOn(list, '2026-03-12');
    expect(ticks).toEqual({ 'a.1': true, 'b.1': false, 'c.1': false });
    expect(registerOf(list, { ...ticks, 'c.1': true }, '2026-03-12')).toEqual({
      present: ['a.1', 'c.1'],
      absent: ['b.1'],
    });
  });

  it('does not send as absent a trainee who took the seat after the day (ticked: a walk-in, present)', () => {
    const list = [trainee('a.1'), trainee('late.1', [], [], '2026-03-13')];
    expect(registerOf(list, {}, '2026-03-12')).toEqual({ present: [], absent: ['a.1'] });
    expect(registerOf(list, { 'late.1': true }, '2026-03-12')).toEqual({
      present: ['late.1'],
      absent: ['a.1'],
    });
    expect(registerOf(list, {}, '2026-03-13')).toEqual({ present: [], absent: ['a.1', 'late.1'] });
  });
});

describe('the training page’s addresses', () => {
  it('round-trips the list and a course', () => {
    for (const route of [{ page: 'training' as const }, { page: 'training' as const, courseId: 'c-1' }]) {
      expect(parseRoute(routePath(route))).toEqual(route);
    }
    expect(routePath({ page: 'training', courseId: 'c-1' })).toBe('/training/c-1');
  });
});
