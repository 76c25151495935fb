import { type Browser, type Page, expect, test } from '@playwright/test';
import type {
  ObservationDetail,
  Page as ListPage,
  ProjectDetail,
  ProjectSummary,
  UserSummary,
} from '@madang/contracts';
import { dialogOpened, expectAccessible, openDay, signIn, snap } from './support';

type Lang = 'ko' | 'en';

const RESIDENT = 'resident@madang.local';
const STAFF = 'approver@madang.local';
const SECOND_STAFF = 'reviewer@madang.local';
const TEAM = '함께걷는 제주 주민팀';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
// One run's words, so a re-run against the same data finds its own observation.
const RUN = Date.now().toString(36).slice(-5);
const TITLE = `버스정류장에 그늘이 없어요 ${RUN}`;
const BODY =
  '제주시청 앞 버스정류장은 한여름 오후에 그늘이 하나도 없습니다. 어르신들이 뙤약볕에서 버스를 기다립니다.';
const PARTICIPANT = '홍길동';
const PROJECT = `정류장 그늘 실험 ${RUN}`;
/** A 1×1 PNG, the smallest photo the file service accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function newPage(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
  const page = await context.newPage();
  await page.setViewportSize(DESKTOP);
  return page;
}

async function useLanguage(page: Page, lang: Lang): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** axe at desk and phone width, with a screenshot of each. */
async function lookAt(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await snap(page, `labs-${name}-${lang}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at phone width (${lang})`);
  await snap(page, `labs-${name}-${lang}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** A mutating API call as the page's signed-in user (the CSRF cookie echoed as the SPA does). */
async function put(page: Page, url: string): Promise<void> {
  const token = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.put(url, { headers: { 'X-XSRF-TOKEN': token } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
}

async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** `YYYY-MM-DD` in Seoul, `days` from today. */
function seoulDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** A day three weeks or more ahead on which the community kitchen is open 10:00–12:00. */
async function kitchenDay(page: Page): Promise<string> {
  const assets = await json<{ id: string; name: { en: string } }[]>(page, '/api/assets');
  const kitchen = assets.find((a) => a.name.en === 'Community Kitchen');
  expect(kitchen, 'the demo community kitchen').toBeTruthy();
  return openDay(page.request, kitchen?.id ?? '', 21, { from: '10:00', to: '12:00' });
}

async function observationId(page: Page): Promise<string> {
  const list = await json<ListPage<ObservationDetail>>(
    page,
    `/api/public/observations?q=${encodeURIComponent(RUN)}`,
  );
  expect(list.items.length, 'the posted observation is public').toBe(1);
  return list.items[0].id;
}

/** Opens the run's experiment through its project (staff). */
async function openExperiment(page: Page): Promise<void> {
  const list = await json<ListPage<ProjectSummary>>(
    page,
    `/api/labs/projects?scope=all&q=${encodeURIComponent(RUN)}`,
  );
  expect(list.items.length, 'the started project').toBe(1);
  const project = await json<ProjectDetail>(page, `/api/labs/projects/${list.items[0].id}`);
  expect(project.experiments.length, 'its experiment').toBe(1);
  await page.goto(`/labs/experiments/${project.experiments[0].id}`);
  await expect(page.getByTestId('exp-title')).toHaveText(project.experiments[0].title);
}

test.describe.configure({ mode: 'serial' });

async function staffPage(browser: Browser, lang: Lang = 'ko'): Promise<Page> {
  const page = await newPage(browser, lang);
  await signIn(page, STAFF);
  await useLanguage(page, lang);
  return page;
}

test('a resident posts an observation in Korean with a photo and sees the promised answer time', async ({
  browser,
}) => {
  const resident = await newPage(browser, 'ko');
  await signIn(resident, RESIDENT);
  await useLanguage(resident, 'ko');
  await resident.getByTestId('nav-labs-post').click();
  await expect(resident.getByTestId('post-promise')).toContainText('근무시간');
  await resident.getByTestId('post-kind-problem').click();
  await choose(resident, 'post-category', '교통');
  await resident.getByTestId('post-title').fill(TITLE);
  await resident.getByTestId('post-body').fill(BODY);
  await resident.getByTestId('post-place').fill('제주시청 버스정류장');
  await resident
    .getByTestId('post-files')
    .setInputFiles({ name: '정류장.png', mimeType: 'image/png', buffer: PNG });
  await expect(resident.getByTestId('post-upload')).toContainText('정류장.png');
  await lookAt(resident, 'post', 'ko');
  await resident.getByTestId('post-submit').click();
  await expect(resident.getByTestId('obs-title')).toHaveText(TITLE);
  await expect(resident.locator('.photos img')).toHaveCount(1);
  await expect(resident.getByTestId('obs-answer-promise')).toBeVisible();
  await resident.context().close();
});

test('anyone, without signing in, finds the observation in the public list', async ({ browser }) => {
  const visitor = await newPage(browser, 'ko');
  await visitor.goto('/observations');
  await expect(visitor.getByTestId('nav-labs-observations')).toBeAttached();
  await visitor.getByTestId('obs-search').fill(RUN);
  await visitor.getByTestId('obs-search').press('Enter');
  await expect(visitor.getByTestId('obs-item')).toHaveCount(1);
  await expect(visitor.getByTestId('obs-item')).toContainText(TITLE);
  await expect(visitor.getByTestId('obs-item')).toContainText('김주민');
  await lookAt(visitor, 'observations', 'ko');
  await visitor.context().close();
});

test('the public reads the observation; staff see its promise due in the inbox and answer it', async ({
  browser,
}) => {
  const visitor = await newPage(browser, 'en');
  await visitor.goto('/observations');
  await useLanguage(visitor, 'en');
  await visitor.goto(`/observations/${await observationId(visitor)}`);
  await expect(visitor.getByTestId('obs-body')).toHaveText(BODY);
  await expect(visitor.getByTestId('obs-no-reply')).toBeVisible();
  await lookAt(visitor, 'observation-public', 'en');

  const staff = await staffPage(browser);
  await staff.getByTestId('nav-labs-inbox').click();
  const item = staff.getByTestId('inbox-item').filter({ hasText: TITLE });
  await expect(item.getByTestId('inbox-answer')).toContainText('남음');
  await lookAt(staff, 'inbox', 'ko');
  await item.getByRole('link', { name: TITLE }).click();
  await choose(staff, 'reply-kind', '답변');
  await staff.getByTestId('reply-body').fill('현장을 확인했습니다. 시와 함께 그늘막 실험을 준비하겠습니다.');
  await staff.getByTestId('reply-send').click();
  await expect(staff.getByTestId('obs-reply')).toContainText('그늘막 실험');
  await expect(staff.getByTestId('obs-answer-promise')).toContainText('기한 내 답변');
  await expect(staff.getByTestId('obs-state')).toHaveText('답변 완료');
  await staff.context().close();

  // The public now reads the centre's answer, signed by the team, not by the staff member.
  await visitor.reload();
  await expect(visitor.getByTestId('obs-reply')).toContainText('그늘막 실험');
  await expect(visitor.getByTestId('obs-reply')).not.toContainText('이승인');
  await visitor.context().close();
});

test('staff see the answered observation with its promise kept', async ({ browser }) => {
  const staff = await staffPage(browser, 'en');
  await staff.goto(`/observations/${await observationId(staff)}`);
  await expect(staff.getByTestId('obs-answer-promise')).toContainText('answered on time');
  await lookAt(staff, 'observation-staff', 'en');
  await staff.context().close();
});

test('the response-time dashboard counts the answer as on time', async ({ browser }) => {
  const staff = await staffPage(browser, 'en');
  await staff.getByTestId('nav-labs-dashboard').click();
  await expect(staff.getByTestId('dash-chart').locator('canvas')).toBeVisible();
  expect(Number(await staff.getByTestId('dash-met').textContent())).toBeGreaterThanOrEqual(1);
  await lookAt(staff, 'dashboard', 'en');
  await useLanguage(staff, 'ko');
  await snap(staff, 'labs-dashboard-ko-desktop');
  await staff.context().close();
});

test('staff start a project from the observation; the gate says why it cannot enter the experiment stage until it has a problem statement', async ({
  browser,
}) => {
  const staff = await staffPage(browser);
  await staff.goto(`/observations/${await observationId(staff)}`);
  await staff.getByTestId('start-project').click();
  await expect(staff.getByTestId('new-from')).toContainText(TITLE);
  await staff.getByTestId('new-title').fill(PROJECT);
  await staff.getByTestId('new-problem').fill('');
  await staff.getByTestId('new-lead-group').click();
  await choose(staff, 'new-group', TEAM);
  await staff.getByTestId('new-submit').click();
  await expect(staff.getByTestId('ws-title')).toHaveText(PROJECT);
  await expect(staff.getByTestId('ws-stage')).toHaveText('관찰');

  await expect(staff.getByTestId('ws-move-experiment')).toBeDisabled();
  await expect(staff.getByTestId('ws-gate-experiment')).toContainText('문제 정의');
  await staff.getByTestId('ws-edit-problemStatement').click();
  await staff.getByTestId('ws-text-problemStatement').fill(BODY);
  await staff.getByTestId('ws-save-problemStatement').click();
  await expect(staff.getByTestId('ws-value-problemStatement')).toHaveText(BODY);
  await expect(staff.getByTestId('ws-gate-experiment')).toHaveCount(0);
  await staff.getByTestId('ws-move-experiment').click();
  await dialogOpened(staff);
  await staff.getByTestId('reason').fill('문제 정의와 주민 관찰이 모였습니다.');
  await staff.getByTestId('dialog-confirm').click();
  await expect(staff.getByTestId('ws-stage')).toHaveText('실험');
  await expect(staff.getByTestId('ws-timeline')).toContainText('문제 정의와 주민 관찰이 모였습니다.');

  await staff.getByTestId('ws-add-experiment').click();
  await staff.getByTestId('exp-title').fill('그늘막 설치 실험');
  await staff.getByTestId('exp-hypothesis').fill('그늘막이 있으면 한낮 정류장 체감 온도가 5도 내려간다.');
  await staff.getByTestId('exp-intervention').fill('정류장 두 곳에 접이식 그늘막을 6주 동안 설치한다.');
  await staff.getByTestId('exp-starts').fill(seoulDate(0));
  await staff.getByTestId('exp-ends').fill(seoulDate(60));
  await staff.getByTestId('exp-save').click();
  await expect(staff.getByTestId('exp-title')).toHaveText('그늘막 설치 실험');
  await staff.context().close();
});

test('the experiment books the community kitchen through the booking engine; the same slot again is refused with 409, shown clearly', async ({
  browser,
}) => {
  const staff = await staffPage(browser);
  await openExperiment(staff);
  const day = await kitchenDay(staff);
  const book = async () => {
    await choose(staff, 'book-site', '공유 부엌');
    await staff.getByTestId('book-start').fill(`${day}T10:00`);
    await staff.getByTestId('book-end').fill(`${day}T12:00`);
    await staff.getByTestId('book-attendees').fill('8');
    await staff.getByTestId('book-purpose').fill('그늘막 실험 주민 설명회');
    const response = staff.waitForResponse(
      (r) => r.url().endsWith('/bookings') && r.request().method() === 'POST',
    );
    await staff.getByTestId('book-submit').click();
    return (await response).status();
  };
  expect(await book()).toBe(201);
  await expect(staff.getByTestId('exp-booking')).toHaveCount(1);
  await expect(staff.getByTestId('exp-booking')).toContainText('공유 부엌');
  expect(await book()).toBe(409);
  await expect(staff.getByTestId('book-conflict')).toBeVisible();
  await expect(staff.getByTestId('exp-booking')).toHaveCount(1);
  await snap(staff, 'labs-experiment-conflict-ko-desktop');
  await staff.context().close();
});

test('the experiment records consent and a metric with readings charted against baseline and target', async ({
  browser,
}) => {
  const staff = await staffPage(browser);
  await openExperiment(staff);
  await staff.getByTestId('consent-name').fill(PARTICIPANT);
  await staff.getByTestId('consent-note').fill('설문 응답 및 사진 촬영 동의');
  await staff.getByTestId('consent-save').click();
  await expect(staff.getByTestId('exp-participant-list')).toContainText(PARTICIPANT);
  await staff.getByTestId('metric-name').fill('체감 온도');
  await staff.getByTestId('metric-unit').fill('℃');
  await staff.getByTestId('metric-baseline').fill('36');
  await staff.getByTestId('metric-target').fill('31');
  await choose(staff, 'metric-direction', '낮을수록');
  await staff.getByTestId('metric-save').click();
  const metric = staff.getByTestId('metric-체감 온도');
  for (const [count, date, value] of [
    [1, seoulDate(-14), '35'],
    [2, seoulDate(-7), '30.5'],
  ] as const) {
    await choose(staff, 'reading-metric', '체감 온도');
    await staff.getByTestId('reading-date').fill(date);
    await staff.getByTestId('reading-value').fill(value);
    await staff.getByTestId('reading-save').click();
    await expect(metric.locator('tbody tr')).toHaveCount(count);
  }
  await expect(metric.locator('canvas')).toBeVisible();
  await expect(metric.getByTestId('metric-reached')).toHaveText('목표 달성');
  await lookAt(staff, 'experiment', 'ko');
  await staff.context().close();
});

test('the experiment page reads in English too, and the verdict concludes it', async ({ browser }) => {
  const staff = await staffPage(browser);
  await openExperiment(staff);
  const metric = staff.getByTestId('metric-체감 온도');
  await useLanguage(staff, 'en');
  await expect(metric.getByTestId('metric-reached')).toHaveText('Target reached');
  await snap(staff, 'labs-experiment-en-desktop');
  await useLanguage(staff, 'ko');
  await choose(staff, 'verdict-select', '가설 입증');
  await staff
    .getByTestId('verdict-lesson')
    .fill('그늘막만으로 체감 온도가 목표 이상 내려갔다. 바람길이 중요했다.');
  await staff.getByTestId('verdict-save').click();
  await expect(staff.getByTestId('exp-verdict')).toContainText('가설 입증');
  await expect(staff.getByTestId('exp-status')).toHaveText('결론');
  await staff.context().close();
});

test('the lead group records an outcome and the results note', async ({ browser }) => {
  const resident = await newPage(browser, 'ko');
  await signIn(resident, RESIDENT);
  await useLanguage(resident, 'ko');
  const mine = await json<ListPage<ProjectSummary>>(
    resident,
    `/api/labs/projects?q=${encodeURIComponent(RUN)}`,
  );
  expect(mine.items.map((p) => p.title)).toEqual([PROJECT]);
  await resident.goto(`/labs/projects/${mine.items[0].id}`);
  await expect(resident.getByTestId('ws-title')).toHaveText(PROJECT);
  await resident.getByTestId('ws-add-outcome').click();
  await choose(resident, 'outcome-type', '정책·조례 채택');
  await resident.getByTestId('outcome-title').fill('버스정류장 그늘막 설치 조례 개정');
  await resident.getByTestId('outcome-date').fill(seoulDate(-1));
  await resident.getByTestId('outcome-body').fill('제주특별자치도의회');
  await resident
    .getByTestId('outcome-description')
    .fill('실험 결과를 바탕으로 정류장 그늘막 설치 기준이 조례에 들어갔다.');
  await resident.getByTestId('outcome-save').click();
  await expect(resident.getByTestId('outcome-unverified')).toBeVisible();
  await expect(resident.getByTestId('outcome-verify')).toHaveCount(0);
  await resident.getByTestId('ws-edit-resultsNote').click();
  await resident
    .getByTestId('ws-text-resultsNote')
    .fill('그늘막으로 체감 온도가 5도 이상 내려갔고, 도가 설치 기준을 조례에 담았다.');
  await resident.getByTestId('ws-save-resultsNote').click();
  await expect(resident.getByTestId('ws-value-resultsNote')).toContainText('조례');
  await resident.context().close();
});

test("a second staff member verifies the outcome (the project's creator may not)", async ({ browser }) => {
  const creator = await staffPage(browser);
  const mine = await json<ListPage<ProjectSummary>>(
    creator,
    `/api/labs/projects?scope=all&q=${encodeURIComponent(RUN)}`,
  );
  await creator.goto(`/labs/projects/${mine.items[0].id}`);
  await expect(creator.getByTestId('outcome-unverified')).toBeVisible();
  await expect(creator.getByTestId('outcome-verify')).toHaveCount(0);
  await creator.context().close();

  // The project's creator may not verify its outcome (the API and the database refuse): a second
  // staff member does — the reviewer, given the approver role by the administrator for this run.
  const admin = await newPage(browser, 'ko');
  await signIn(admin, 'admin@madang.local');
  const reviewer = await json<ListPage<UserSummary>>(
    admin,
    `/api/users?q=${encodeURIComponent(SECOND_STAFF)}`,
  );
  await put(admin, `/api/users/${reviewer.items[0].id}/roles/approver`);
  await admin.context().close();
  const second = await newPage(browser, 'ko');
  await signIn(second, SECOND_STAFF);
  await useLanguage(second, 'ko');
  await second.goto(`/labs/projects/${mine.items[0].id}`);
  await second.getByTestId('outcome-verify').click();
  await expect(second.getByTestId('outcome-verified')).toContainText('검증');
  await second.context().close();
});

test('staff move the project through cooperation to sharing and publish it', async ({ browser }) => {
  const staff = await staffPage(browser);
  const mine = await json<ListPage<ProjectSummary>>(
    staff,
    `/api/labs/projects?scope=all&q=${encodeURIComponent(RUN)}`,
  );
  await staff.goto(`/labs/projects/${mine.items[0].id}`);
  await expect(staff.getByTestId('outcome-verified')).toBeVisible();
  for (const [stage, label] of [
    ['cooperation', '협력'],
    ['sharing', '공유'],
  ] as const) {
    await staff.getByTestId(`ws-move-${stage}`).click();
    await dialogOpened(staff);
    await staff.getByTestId('reason').fill(`${label} 단계로: 실험 결과와 성과가 정리되었습니다.`);
    await staff.getByTestId('dialog-confirm').click();
    await expect(staff.getByTestId('ws-stage')).toHaveText(label);
  }
  const project = await json<ProjectDetail>(staff, `/api/labs/projects/${mine.items[0].id}`);
  if (!project.published) await staff.getByTestId('ws-share').click();
  await expect(staff.getByTestId('ws-public-page')).toBeVisible();
  await staff.context().close();
});

test('the shared project’s workspace at desk and phone width', async ({ browser }) => {
  const staff = await staffPage(browser);
  const mine = await json<ListPage<ProjectSummary>>(
    staff,
    `/api/labs/projects?scope=all&q=${encodeURIComponent(RUN)}`,
  );
  await staff.goto(`/labs/projects/${mine.items[0].id}`);
  await expect(staff.getByTestId('ws-stage')).toHaveText('공유');
  await expect(staff.getByTestId('ws-timeline')).toContainText('공유 단계로');
  await lookAt(staff, 'workspace', 'ko');
  await staff.context().close();
});

for (const lang of ['ko', 'en'] as const) {
  test(`without signing in (${lang}): the archive lists the shared project with its summary charts, and its page shows no participant names`, async ({
    browser,
  }) => {
    const visitor = await newPage(browser, lang);
    await visitor.goto('/labs?stage=sharing');
    await useLanguage(visitor, lang);
    await expect(visitor.getByTestId('chart-stage').locator('canvas')).toBeVisible();
    await expect(visitor.getByTestId('archive-project').filter({ hasText: PROJECT })).toHaveCount(1);
    await lookAt(visitor, 'archive', lang);
    await visitor.getByRole('link', { name: PROJECT }).click();
    await expect(visitor.getByTestId('project-title')).toHaveText(PROJECT);
    await expect(visitor.getByTestId('public-experiment')).toContainText(
      lang === 'ko' ? '가설 입증' : 'Confirmed',
    );
    await expect(visitor.getByTestId('metric-체감 온도').locator('canvas')).toBeVisible();
    await expect(visitor.getByTestId('public-outcome')).toContainText('조례');
    const text = (await visitor.locator('body').textContent()) ?? '';
    expect(text).not.toContain(PARTICIPANT);
    expect(text).not.toContain('김주민');
    expect(text).not.toContain('이승인');
    await lookAt(visitor, 'shared-project', lang);
    await visitor.context().close();
  });
}
