import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, dayOf } from '@lib/domain/shared/business-dates';
import { householdBody, memberBody } from '../e2e/helpers/fixtures';
import {
  chromiumMissing,
  COUNTY,
  overflowsRight,
  signIn,
  startBrowserPlatform,
  type BrowserPlatform,
} from './harness';

/**
 * The county office's training courses in a browser (issue 15): the list with its seats, a course's trainees
 * by name with their days attended, today's register by tick boxes, a completion with its certificate, and
 * the server's refusals in Chinese next to what they are about. Screenshots in the temporary directory
 * (training-list.png, training-refusal.png, training-course.png, training-phone*.png) to look at.
 */
jest.setTimeout(180_000);

(chromiumMissing ? describe.skip : describe)('training courses in a browser', () => {
  let platform: BrowserPlatform;

  beforeAll(async () => {
    platform = await startBrowserPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('lists the county’s courses, records today’s attendance and a completion, shows refusals in Chinese', async () => {
    const office = platform.tokens.county(COUNTY);
    const today = dayOf(new Date().toISOString());
    const { courseId } = await platform.api<{ courseId: string }>('POST', '/v1/training-courses', office, {
      countyCode: COUNTY,
      occupation: '6-09-03-11',
      title: '贵州绣娘刺绣培训班（第三期）',
      startDate: addDays(today, -3),
      endDate: addDays(today, 7),
      seats: 10,
      place: '西秀区易地扶贫搬迁安置点就业服务中心三楼',
      subsidyPerTrainee: 1200,
    });
    const names = ['杨春花', '吴秀英', '龙金梅', '石小芳', '潘玉兰'];
    const { workerIds } = await platform.api<{ workerIds: string[] }>(
      'POST',
      '/v1/households',
      office,
      householdBody(
        COUNTY,
        names.map((name) => memberBody({ name })),
      ),
    );
    for (const workerId of workerIds) {
      await platform.api('POST', `/v1/training-courses/${courseId}/enrolments`, office, { workerId });
    }
    // Yesterday's register, kept before their seats were recorded today: three came (walk-ins); nobody can be
    // absent from a day before the seat, so 龙金梅 and 潘玉兰 have no value for it.
    await platform.api('POST', `/v1/training-courses/${courseId}/attendance`, office, {
      date: addDays(today, -1),
      present: [workerIds[0], workerIds[1], workerIds[3]],
    });

    const page = await platform.newPage({ width: 1366, height: 900 });
    await signIn(page, platform.base, office);
    await page.locator('a.nav-link', { hasText: '培训课程' }).click();
    const item = page.locator(`[data-testid=courses] li[data-course="${courseId}"]`);
    await item.waitFor();
    expect(await item.locator('.course-title').textContent()).toBe('贵州绣娘刺绣培训班（第三期）');
    expect(await item.locator('[data-testid=seats]').textContent()).toContain('5 / 10');
    expect(await item.locator('.badge').textContent()).toBe('招生中');
    expect(await item.textContent()).toContain('刺绣');
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'training-list.png'), fullPage: true });

    await item.locator('a.course-link').click();
    const row = (name: string) => page.locator('[data-testid=trainees] li', { hasText: name });
    await row('龙金梅').waitFor();
    expect(await row('龙金梅').locator('[data-testid=days]').textContent()).toMatch(/出勤 0 \/ 1 天/);
    expect(await row('龙金梅').locator('[data-testid=days]').textContent()).not.toMatch(/缺勤/);
    expect(await row('杨春花').locator('[data-testid=days]').textContent()).toMatch(/出勤 1 \/ 1 天/);

    // Today's register: everyone but 石小芳 and 潘玉兰.
    const register = page.locator('[data-testid=register]');
    expect(await register.locator('input[type=date]').inputValue()).toBe(today);
    await register.locator('button', { hasText: '全部到课' }).click();
    await register.locator('li', { hasText: '石小芳' }).locator('input[type=checkbox]').uncheck();
    await register.locator('li', { hasText: '潘玉兰' }).locator('input[type=checkbox]').uncheck();
    await register.locator('button[type=submit]').click();
    await register.locator('[role=status]', { hasText: '已登记 5 人的考勤' }).waitFor();
    await row('龙金梅').locator('[data-testid=days]', { hasText: '出勤 1 / 2 天' }).waitFor();
    expect(await row('石小芳').locator('[data-testid=days]').textContent()).toMatch(/出勤 1 \/ 2 天/);

    // A trainee withdrawn meanwhile (by a colleague): the refusal sits next to her name, in Chinese.
    await platform.api('POST', `/v1/training-courses/${courseId}/withdrawals`, office, {
      workerId: workerIds[3],
    });
    await register.locator('button[type=submit]').click();
    const refusal = register.locator(`[data-field="${workerIds[3]}"]`);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('未报名本课程或已退出，请刷新页面后重新登记');
    await register.screenshot({ path: join(tmpdir(), 'training-refusal.png') });

    // No certificate for a trainee present on no day: the refusal in her row, in Chinese.
    const absentee = row('潘玉兰');
    await absentee.locator('button', { hasText: '登记结业' }).click();
    await absentee.locator('input[name=certificateNumber]').fill('GZ-2026-000124');
    await absentee.locator('button[type=submit]').click();
    const unattended = absentee.locator('[data-field=form]');
    await unattended.waitFor();
    expect(await unattended.textContent()).toBe('考勤中没有一天到课，不能登记结业');

    // A completion with a certificate number, then the line shows it.
    const form = row('杨春花');
    await form.locator('button', { hasText: '登记结业' }).click();
    await form.locator('button[type=submit]').click();
    expect(await form.locator('[data-field=certificateNumber]').textContent()).toBe('必填');
    await form.locator('input[name=certificateNumber]').fill('GZ-2026-000123');
    await form.locator('button[type=submit]').click();
    await form.locator('.completed-line', { hasText: '证书 GZ-2026-000123' }).waitFor();
    expect(await page.locator('[data-testid=days-held]').textContent()).toBe('已登记考勤 2 天');
    expect(await overflowsRight(page)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'training-course.png'), fullPage: true });
    await page.context().close();

    // On a phone: nothing runs off the right edge, the register and the completion fit.
    const phone = await platform.newPage({ width: 390, height: 844 });
    await signIn(phone, platform.base, office);
    await phone.goto(`${platform.base}/training/${courseId}`);
    await phone.locator('[data-testid=trainees] li', { hasText: '吴秀英' }).waitFor();
    await phone
      .locator('[data-testid=trainees] li', { hasText: '吴秀英' })
      .locator('button', { hasText: '登记结业' })
      .click();
    expect(await overflowsRight(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'training-phone.png'), fullPage: true });
    await phone.goto(`${platform.base}/training`);
    await phone.locator(`[data-testid=courses] li[data-course="${courseId}"]`).waitFor();
    expect(await overflowsRight(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'training-phone-list.png'), fullPage: true });
    await phone.context().close();
  });
});
