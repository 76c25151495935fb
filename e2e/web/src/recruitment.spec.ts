import { type Browser, type Page, expect, test } from '@playwright/test';
import type {
  AgreementView,
  ApplicationDetail,
  AssetSummary,
  AssignmentView,
  CallDetail,
  ObjectionView,
  Page as ListPage,
  ReviewAssignmentSummary,
} from '@madang/contracts';
import { expectAccessible, signIn, snap } from './support';

type Lang = 'ko' | 'en';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** A tiny but real PDF: the file service recognises files by their bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A term far from every other journey's bookings, so signing finds the room free. */
const TERM = { termStart: '2031-01-06', termEnd: '2031-12-31' };
const TEAM = '함께걷는 제주 주민팀';

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

/** An API call as the page's user (the CSRF cookie echoed as the SPA does); expects success. */
async function api<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  body?: unknown,
): Promise<T> {
  let token = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  if (!token && method !== 'GET') {
    await page.request.get('/api/auth/csrf');
    token = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
  }
  const response = await page.request.fetch(url, {
    method,
    ...(body === undefined ? {} : { data: body }),
    headers: { 'X-XSRF-TOKEN': token ?? '' },
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

async function lookAt(page: Page, name: string, lang: Lang): Promise<void> {
  await expectAccessible(page, `${name} (${lang})`);
  await snap(page, `recruitment-${name}-${lang}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name} at phone width (${lang})`);
  await snap(page, `recruitment-${name}-${lang}-phone`);
  await page.setViewportSize(DESKTOP);
}

const FORM = {
  sections: [
    {
      id: 'team',
      title: { ko: '팀 소개', en: 'The team' },
      fields: [
        {
          id: 'teamName',
          type: 'text',
          label: { ko: '팀 이름', en: 'Team name' },
          required: true,
          maxLength: 40,
        },
        { id: 'members', type: 'team_members', label: { ko: '팀원', en: 'Members' }, required: false },
        {
          id: 'plan',
          type: 'long_text',
          label: { ko: '활동 계획', en: 'Activity plan' },
          help: { ko: '공간에서 무엇을 할지 적어 주세요.', en: 'What you will do in the space.' },
          required: true,
          maxLength: 500,
        },
        { id: 'budget', type: 'file', label: { ko: '예산서', en: 'Budget' }, required: true },
      ],
    },
  ],
};
const RUBRIC = {
  criteria: [
    {
      id: 'impact',
      label: { ko: '지역 영향', en: 'Local impact' },
      weight: 2,
      min: 1,
      max: 5,
      comment: { required: 'always' },
      scaleLabels: [
        { value: 1, label: { ko: '미흡', en: 'Weak' } },
        { value: 5, label: { ko: '매우 우수', en: 'Excellent' } },
      ],
    },
    { id: 'feasibility', label: { ko: '실현 가능성', en: 'Feasibility' }, weight: 1, min: 1, max: 5 },
  ],
  tieBreaks: [{ kind: 'earlier-submission' }],
};

/**
 * The recruitment journey through the pages: a resident team applies with a file, a
 * reviewer scores, staff decide, publish and sign the agreement, the applicant objects, and a
 * visitor reads the results without signing in. Steps no page is being shown for go over the API.
 */
test.describe('recruitment', () => {
  test.describe.configure({ mode: 'serial' });
  let staff: Page;
  let call: CallDetail;
  let applicationId = '';
  let panelId = '';

  test.beforeAll(async ({ browser }) => {
    staff = await newPage(browser, 'ko');
    await signIn(staff, 'approver@madang.local');
    const assets = await api<AssetSummary[]>(staff, 'GET', '/api/assets');
    const room = assets.find((a) => a.name.en === 'Meeting Room C') ?? assets[0];
    call = await api<CallDetail>(staff, 'POST', '/api/recruitment/calls', {
      kind: 'residency',
      title: { ko: '2031 마당 입주 팀 공모', en: '2031 Madang resident team call' },
      summary: {
        ko: '회의실 C에 1년간 입주할 주민 팀을 찾습니다.',
        en: 'A resident team for Meeting Room C, one year.',
      },
      body: {
        ko: '제주 주민 팀의 활동 공간을 지원합니다.',
        en: 'The centre offers a room to a Jeju resident team.',
      },
      eligibility: { ko: '제주에 사는 주민 3명 이상의 팀', en: 'Teams of three or more Jeju residents' },
      offer: { assetIds: [room.id], ...TERM, monthlyFee: 150_000, deposit: 300_000 },
      deadline: new Date(Date.now() + 2 * 3600_000).toISOString(),
      reviewersPerApplication: 1,
    });
    await api(staff, 'PUT', `/api/recruitment/calls/${call.id}/form`, FORM);
    await api(staff, 'PUT', `/api/recruitment/calls/${call.id}/rubric`, RUBRIC);
    call = await api<CallDetail>(staff, 'POST', `/api/recruitment/calls/${call.id}/phase`, { to: 'open' });
  });

  test('a resident team drafts an application, attaches a file and submits it before the deadline', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await newPage(browser, 'ko');
    // Anyone sees the open call; applying needs an account.
    await page.goto('/calls');
    await expect(page.getByTestId(`call-link-${call.id}`)).toBeVisible();
    await page.getByTestId(`call-link-${call.id}`).click();
    await expect(page.getByTestId('call-title')).toHaveText('2031 마당 입주 팀 공모');
    await expect(page.getByTestId('sign-in-to-apply')).toBeVisible();

    await signIn(page, 'resident@madang.local');
    await useLanguage(page, 'ko');
    await page.getByTestId('nav-recruitment-calls').click();
    await page.getByTestId(`call-link-${call.id}`).click();
    await expect(page.getByTestId('timeline')).toContainText('접수 중');
    await expect(page.getByTestId('form-preview')).toContainText('활동 계획');
    await page.getByTestId('apply').click();

    // resident@ manages one group: it is chosen already.
    await expect(page.getByTestId('apply-group')).toContainText(TEAM);
    await page.getByTestId('apply-start').click();
    await expect(page).toHaveURL(/\/recruitment\/applications\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').pop() as string;
    await expect(page.getByTestId('application-state')).toHaveText('작성 중');
    await expect(page.getByTestId('countdown')).toContainText('남은 시간');

    // Submitting empty: the form says what is missing, nothing is sent.
    await page.getByTestId('submit').click();
    await expect(page.getByTestId('application-error')).toBeVisible();
    await expect(page.getByTestId('field-teamName')).toContainText('필수');

    await page.getByTestId('input-teamName').fill('함께걷는 제주');
    await page.getByTestId('input-plan').fill('골목 안전 지도를 주민과 함께 만듭니다.');
    await expect(page.getByTestId('counter-plan')).toHaveText('22 / 500');
    await page.getByTestId('member-add-members').click();
    await page.getByTestId('member-name-members-0').fill('김주민');
    // Saved as typed (autosave).
    await expect(page.getByTestId('save-state')).toContainText('임시 저장됨');

    // A file of a type the application does not take is refused before any upload.
    await page.getByTestId('file-input-budget').setInputFiles({
      name: 'virus.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await expect(page.getByTestId('file-error-budget')).toContainText('virus.exe');
    await page.getByTestId('file-input-budget').setInputFiles({
      name: '예산서.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect(page.getByTestId('files-budget')).toContainText('예산서.pdf');
    await lookAt(page, 'application-draft', 'ko');

    await page.getByTestId('submit').click();
    await expect(page.getByTestId('application-state')).toHaveText('제출됨');
    const saved = await api<ApplicationDetail>(page, 'GET', `/api/recruitment/applications/${applicationId}`);
    expect(saved.state).toBe('submitted');
    expect(saved.answers['teamName']).toBe('함께걷는 제주');
    expect(saved.answers['members']).toEqual([{ name: '김주민' }]);
    const fileId = (saved.answers['budget'] as string[])[0];
    const content = await page.request.get(`/api/files/${fileId}/content`);
    expect(Buffer.compare(await content.body(), PDF)).toBe(0);

    await useLanguage(page, 'en');
    await expect(page.getByTestId('application-state')).toHaveText('Submitted');
    await lookAt(page, 'application-submitted', 'en');
    await page.getByTestId('nav-recruitment-applications').click();
    await expect(page.getByTestId(`application-state-${applicationId}`)).toHaveText('Submitted');
    await useLanguage(page, 'ko');
    await page.context().close();
  });

  test('a reviewer declares no conflict, scores against the rubric and sees the others only after submitting', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    // A panel member of their own (the demo reviewer@ may share a group with the team).
    const page = await newPage(browser, 'ko');
    await page.goto('/');
    const email = `panel-${Date.now()}@madang.local`;
    const user = await api<{ id: string }>(page, 'POST', '/api/auth/register', {
      email,
      password: 'correct horse battery',
      displayName: '심사위원 한라',
      locale: 'ko',
    });
    panelId = user.id;
    await api(page, 'POST', '/api/auth/logout');
    const admin = await newPage(browser, 'ko');
    await signIn(admin, 'admin@madang.local');
    await api(admin, 'PUT', `/api/users/${panelId}/roles/reviewer`);
    await admin.context().close();

    // Staff close the call, screen the application and assign the panel member.
    for (const to of ['closed', 'screening'])
      await api(staff, 'POST', `/api/recruitment/calls/${call.id}/phase`, { to });
    await api(staff, 'POST', `/api/recruitment/applications/${applicationId}/screening`, {
      eligible: true,
      reasons: ['제주 주민 팀 확인'],
    });
    await api(staff, 'PUT', `/api/recruitment/calls/${call.id}/reviewers`, { userIds: [panelId] });
    await api<AssignmentView>(staff, 'POST', `/api/recruitment/calls/${call.id}/assignments`, {
      reviewerId: panelId,
      applicationId,
    });
    await api(staff, 'POST', `/api/recruitment/calls/${call.id}/phase`, { to: 'review_document' });

    await signIn(page, email, 'correct horse battery');
    await useLanguage(page, 'ko');
    await page.getByTestId('nav-recruitment-reviews').click();
    const [assignment] = await api<ReviewAssignmentSummary[]>(page, 'GET', '/api/recruitment/reviews');
    await expect(page.getByTestId(`assignment-state-${assignment.id}`)).toHaveText('이해충돌 신고 필요');
    await page.getByTestId(`assignment-${assignment.id}`).getByRole('link').click();

    // Nothing of the application before declaring.
    await expect(page.getByTestId('declare-submit')).toBeVisible();
    await expect(page.getByTestId('answer-plan')).toHaveCount(0);
    await lookAt(page, 'review-declare', 'ko');
    await page.getByTestId('declare-none').click();
    await page.getByTestId('declare-submit').click();
    await expect(page.getByTestId('review-state')).toHaveText('심사 중');
    await expect(page.getByTestId('answer-plan')).toContainText('골목 안전 지도');

    // Submitting without the required comment: refused on the page, nothing sent.
    await page.getByTestId('score-impact-4').click();
    await page.getByTestId('score-feasibility-3').click();
    await page.getByTestId('review-submit').click();
    await expect(page.getByTestId('review-error')).toBeVisible();
    await page.getByTestId('comment-impact').fill('주민 참여 계획이 구체적입니다.');
    // (2·(4−1)/4 + 1·(3−1)/4) / 3 × 100 = 66.6667, shown to two decimals
    await expect(page.getByTestId('live-total')).toContainText('66.67');
    await lookAt(page, 'review-sheet', 'ko');
    await page.getByTestId('review-submit').click();
    await expect(page.getByTestId('review-state')).toHaveText('제출함');
    await expect(page.getByTestId('peers')).toBeVisible();

    await useLanguage(page, 'en');
    await expect(page.getByTestId('review-state')).toHaveText('Submitted');
    await lookAt(page, 'review-submitted', 'en');
    await useLanguage(page, 'ko');
    await page.context().close();
  });

  test('staff decide with a rationale, publish the results, answer the objection and sign the agreement', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    await useLanguage(staff, 'ko');
    await staff.getByTestId('nav-recruitment-manage').click();
    await staff.getByTestId(`call-row-${call.id}`).getByRole('link').click();
    await expect(staff.getByTestId('manage-phase')).toHaveText('서류 심사');

    // Ranking: the committee's decision with its rationale.
    await staff.getByRole('tab', { name: '순위·선정' }).click();
    await expect(staff.getByTestId(`ranking-row-${applicationId}`)).toContainText(TEAM);
    await expect(staff.getByTestId('criterion-chart')).toBeVisible();
    await staff.getByTestId(`decide-${applicationId}`).click();
    await staff.getByTestId('decide-decision').click();
    await staff.getByRole('option', { name: '선정', exact: true }).click();
    await staff.getByTestId('decide-rationale').fill('지역 영향이 크고 계획이 구체적임');
    await staff.getByTestId('decide-submit').click();
    await expect(staff.getByTestId(`decision-${applicationId}`)).toHaveText('선정');
    await lookAt(staff, 'manage-ranking', 'ko');

    // Publishing the provisional results is a move by hand (audited, announced).
    await staff.getByRole('tab', { name: '단계·기본 정보' }).click();
    await staff.getByTestId('move-to').click();
    await staff.getByRole('option', { name: '잠정 결과 발표', exact: true }).click();
    await staff.getByTestId('move-reason').fill('심사위원회 의결');
    await staff.getByTestId('move-submit').click();
    await expect(staff.getByTestId('manage-phase')).toHaveText('잠정 결과 발표');
    await expect(staff.getByTestId('phase-history')).toContainText('심사위원회 의결');
    await api(staff, 'POST', `/api/recruitment/calls/${call.id}/phase`, { to: 'objection_window' });

    // The applicant sees their scores and comments, and objects within the window.
    const applicant = await newPage(browser, 'ko');
    await signIn(applicant, 'resident@madang.local');
    await useLanguage(applicant, 'ko');
    await applicant.goto(`/recruitment/applications/${applicationId}`);
    await expect(applicant.getByTestId('result-decision')).toHaveText('선정');
    await expect(applicant.getByTestId('result-comments')).toContainText('주민 참여 계획이 구체적입니다.');
    await expect(applicant.getByTestId('result-comments')).not.toContainText('한라');
    await applicant.getByTestId('objection-reasons').fill('실현 가능성 점수의 근거를 알고 싶습니다.');
    await applicant.getByTestId('objection-submit').click();
    await expect(applicant.getByTestId('my-objections')).toContainText('접수됨');
    await lookAt(applicant, 'result', 'ko');

    // Staff answer it on the objections tab, then publish the final results.
    await staff.reload();
    await staff.getByRole('tab', { name: '이의 신청' }).click();
    const [objection] = await api<ObjectionView[]>(
      staff,
      'GET',
      `/api/recruitment/calls/${call.id}/objections`,
    );
    await staff.getByTestId(`answer-${objection.id}`).click();
    await staff.getByTestId('objection-dismissed').click();
    await staff.getByTestId('objection-answer').fill('심사위원의 의견을 다시 확인했습니다.');
    await staff.getByTestId('objection-answer-submit').click();
    await expect(staff.getByTestId(`objection-state-${objection.id}`)).toHaveText('기각');
    for (const to of ['final_results', 'agreements'])
      await api(staff, 'POST', `/api/recruitment/calls/${call.id}/phase`, { to });
    await applicant.reload();
    await expect(applicant.getByTestId('my-objections')).toContainText(
      '심사위원의 의견을 다시 확인했습니다.',
    );
    await applicant.context().close();

    // The agreement: prepared from the call's offer, no booking in the way, signed.
    await staff.reload();
    await staff.getByRole('tab', { name: '협약' }).click();
    await staff.getByTestId(`prepare-${applicationId}`).click();
    await expect(staff.getByTestId('no-conflicts')).toBeVisible();
    await staff.getByTestId('obligation-title').fill('분기 활동 보고서');
    await staff.getByTestId('obligation-due').fill('2031-03-31');
    await staff.getByTestId('obligation-add').click();
    await expect(staff.getByTestId('agreements')).toContainText('분기 활동 보고서');
    await lookAt(staff, 'manage-agreement', 'ko');
    await staff.getByTestId('agreement-sign').click();
    await expect(staff.getByTestId('agreement-signed')).toBeVisible();
    await expect(staff.locator('[data-testid^="agreement-state-"]')).toHaveText('서명 완료');

    await useLanguage(staff, 'en');
    await staff.getByRole('tab', { name: 'Ranking & decisions' }).click();
    await expect(staff.getByTestId(`decision-${applicationId}`)).toHaveText('Selected');
    await lookAt(staff, 'manage-ranking', 'en');
    await useLanguage(staff, 'ko');

    // Signing blocked the room for the term through the booking engine.
    const agreements = await api<ListPage<AgreementView>>(
      staff,
      'GET',
      '/api/recruitment/agreements?limit=100',
    );
    const signed = agreements.items.find((a) => a.applicationId === applicationId);
    expect(signed?.state).toBe('signed');
    expect(signed?.blockIds).toHaveLength(1);
  });

  test('a visitor sees the call list and the published results without signing in', async ({ browser }) => {
    test.setTimeout(90_000);
    for (const lang of ['ko', 'en'] as const) {
      const page = await newPage(browser, lang);
      await page.goto('/calls');
      await useLanguage(page, lang);
      await expect(page.getByTestId(`call-link-${call.id}`)).toBeVisible();
      await lookAt(page, 'calls', lang);
      await page.getByTestId(`call-link-${call.id}`).click();
      await expect(page.getByTestId('results-selected')).toHaveText(TEAM);
      // Nothing personal: no applicant, no reviewer, no answer.
      const text = (await page.locator('main').textContent()) ?? '';
      for (const secret of ['김주민', '한라', '골목 안전 지도', 'resident@'])
        expect(text).not.toContain(secret);
      await lookAt(page, 'results', lang);
      await page.context().close();
    }
  });
});
