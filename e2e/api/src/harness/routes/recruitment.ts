import { randomUUID } from 'node:crypto';
import { matrixCallBody, MATRIX_FORM } from '../support/recruitment-context';
import type { RoleName } from '../support/probe';
import {
  APPROVER_ONLY,
  cells,
  get,
  json,
  PUBLIC_200,
  SIGNED_IN_200,
  type MatrixContext,
  type RouteEntry,
  type Variant,
} from './common';

/**
 * Recruitment (issue 10). recruitment:manage is the approver's (the Foundation Development Team);
 * recruitment:review is the reviewer's — no column of the table holds it, so every reviewer route is
 * 403 for every signed-in column. The applicant's routes need only signing in; the service scopes
 * them: an application is seen by its applicant, its group's members and recruitment managers, and
 * written only by its applicant or a manager of its group (others: 404, or 403 for a manager who may
 * read it). "own" = an application of the acting person for a group they manage; "other" = resident
 * A's (resident B's for resident A).
 */
const REVIEWER_ONLY = cells(401, 403, 403, 403, 403, 403);
const SIGNED_IN = (ok: number) => cells(401, ok, ok, ok, ok, ok);
/** Another person's application: readable only by recruitment managers. */
const OTHER_READ = cells(401, 404, 404, 200, 404, 404);
/** Another person's application: a manager reads it but may not write it (403); the rest never see it. */
const OTHER_WRITE = cells(401, 404, 404, 403, 404, 404);

const ownerOf = (ctx: MatrixContext, role: RoleName, variant: Variant) => ctx.owner(role, variant);
/** A fresh object only where the request can succeed (the approver); the others are refused first. */
const forApprover = async <T>(role: RoleName, fresh: () => Promise<T>, shared: () => Promise<T>) =>
  role === 'approver' ? fresh() : shared();

let sharedScreening: Promise<{ applicationId: string }> | undefined;
let sharedReview: Promise<{ callId: string; applicationId: string; reviewerId: string }> | undefined;
let sharedAgreement: Promise<string> | undefined;
let sharedDraftCall: Promise<string> | undefined;
let sharedSelected: Promise<string> | undefined;
let sharedObjection: Promise<string> | undefined;
let sharedAssignment: Promise<string> | undefined;

const screening = (ctx: MatrixContext) =>
  (sharedScreening ??= ctx.recruitment.inScreening().then((x) => ({ applicationId: x.application.id })));
const review = (ctx: MatrixContext) =>
  (sharedReview ??= ctx.recruitment
    .inReview()
    .then((x) => ({ callId: x.call.id, applicationId: x.application.id, reviewerId: x.reviewerId })));
const agreementId = (ctx: MatrixContext) =>
  (sharedAgreement ??= ctx.recruitment.agreement('residentA').then((a) => a.id));
const draftCallId = (ctx: MatrixContext) =>
  (sharedDraftCall ??= ctx.recruitment.draftCall().then((c) => c.id));
const selectedId = (ctx: MatrixContext) =>
  (sharedSelected ??= ctx.recruitment.selected('residentA').then((a) => a.id));
const objectionId = (ctx: MatrixContext) =>
  (sharedObjection ??= ctx.recruitment.objection().then((o) => o.id));
const assignmentId = (ctx: MatrixContext) => (sharedAssignment ??= ctx.recruitment.assignment());

const manageOnCall = (suffix: string, method = 'GET', body?: unknown, ok = 200): RouteEntry => ({
  rule: 'recruitment:manage (approver)',
  all: APPROVER_ONLY(ok),
  request: async (ctx, role) => {
    const callId = await forApprover(
      role,
      async () => (await ctx.recruitment.draftCall()).id,
      () => draftCallId(ctx),
    );
    return json(method, `/api/recruitment/calls/${callId}${suffix}`, body);
  },
});
const ownApplication = (
  method: string,
  suffix: string,
  own: ReturnType<typeof cells>,
  other: ReturnType<typeof cells>,
  rule: string,
  body?: unknown,
  kind: 'draft' | 'submitted' = 'draft',
): RouteEntry => ({
  rule,
  own,
  other,
  request: async (ctx, role, variant) => {
    const person = ownerOf(ctx, role, variant);
    const app =
      kind === 'draft' ? await ctx.recruitment.draft(person) : await ctx.recruitment.submitted(person);
    return json(method, `/api/recruitment/applications/${app.id}${suffix}`, body);
  },
});
const reviewerRoute = (method: string, suffix: string, body?: unknown): RouteEntry => ({
  rule: 'recruitment:review (reviewer; no column holds it)',
  all: REVIEWER_ONLY,
  request: () => Promise.resolve(json(method, `/api/recruitment/reviews/${randomUUID()}${suffix}`, body)),
});

/** Recruitment routes (issue 10). */
export const RECRUITMENT_ROUTES: Readonly<Record<string, RouteEntry>> = {
  // ── public ────────────────────────────────────────────────────────────────
  'GET /api/public/calls': { rule: 'public', all: PUBLIC_200, request: () => get('/api/public/calls') },
  'GET /api/public/calls/{id}': {
    rule: 'public; a call past its draft',
    all: PUBLIC_200,
    request: async (ctx) => json('GET', `/api/public/calls/${(await ctx.recruitment.openCall()).id}`),
  },
  // ── calls ─────────────────────────────────────────────────────────────────
  'GET /api/recruitment/calls': {
    rule: 'recruitment:manage',
    all: APPROVER_ONLY(200),
    request: () => get('/api/recruitment/calls'),
  },
  'POST /api/recruitment/calls': {
    rule: 'recruitment:manage',
    all: APPROVER_ONLY(201),
    request: (ctx) =>
      Promise.resolve(json('POST', '/api/recruitment/calls', matrixCallBody(`M ${ctx.unique()}`))),
  },
  'GET /api/recruitment/calls/{id}': {
    rule: 'signed in; a call past its draft (drafts: managers only)',
    all: SIGNED_IN_200,
    request: async (ctx) => json('GET', `/api/recruitment/calls/${(await ctx.recruitment.openCall()).id}`),
  },
  'PATCH /api/recruitment/calls/{id}': manageOnCall('', 'PATCH', { summary: { ko: '수정', en: 'Edited' } }),
  'PUT /api/recruitment/calls/{id}/schedule': manageOnCall('/schedule', 'PUT', { schedule: {} }),
  'POST /api/recruitment/calls/{id}/phase': manageOnCall('/phase', 'POST', { to: 'open' }),
  'GET /api/recruitment/calls/{id}/form': {
    rule: 'signed in; a call past its draft',
    all: SIGNED_IN_200,
    request: async (ctx) =>
      json('GET', `/api/recruitment/calls/${(await ctx.recruitment.openCall()).id}/form`),
  },
  'PUT /api/recruitment/calls/{id}/form': manageOnCall('/form', 'PUT', MATRIX_FORM),
  'GET /api/recruitment/calls/{id}/rubric': {
    rule: 'signed in; a call past its draft',
    all: SIGNED_IN_200,
    request: async (ctx) =>
      json('GET', `/api/recruitment/calls/${(await ctx.recruitment.openCall()).id}/rubric`),
  },
  'PUT /api/recruitment/calls/{id}/rubric': manageOnCall('/rubric', 'PUT', {
    criteria: [{ id: 'impact', label: { ko: '영향', en: 'Impact' }, weight: 1, min: 1, max: 5 }],
  }),
  'GET /api/recruitment/calls/{id}/reviewers': manageOnCall('/reviewers'),
  'PUT /api/recruitment/calls/{id}/reviewers': manageOnCall('/reviewers', 'PUT', { userIds: [] }),
  'GET /api/recruitment/calls/{id}/assignments': manageOnCall('/assignments'),
  'GET /api/recruitment/calls/{id}/ranking': manageOnCall('/ranking'),
  'GET /api/recruitment/calls/{id}/objections': manageOnCall('/objections'),
  'GET /api/recruitment/calls/{id}/applications': manageOnCall('/applications'),
  'POST /api/recruitment/calls/{id}/assignments': {
    rule: 'recruitment:manage; a panel reviewer and a submitted application of the call',
    all: APPROVER_ONLY(201),
    request: async (ctx, role) => {
      const r = await forApprover(
        role,
        () =>
          ctx.recruitment.inReview().then((x) => ({
            callId: x.call.id,
            applicationId: x.application.id,
            reviewerId: x.reviewerId,
          })),
        () => review(ctx),
      );
      return json('POST', `/api/recruitment/calls/${r.callId}/assignments`, {
        reviewerId: r.reviewerId,
        applicationId: r.applicationId,
      });
    },
  },
  'POST /api/recruitment/calls/{id}/assignments/balanced': {
    rule: 'recruitment:manage; one reviewer per application',
    all: APPROVER_ONLY(200),
    request: async (ctx, role) => {
      const r = await forApprover(
        role,
        () =>
          ctx.recruitment.inReview().then((x) => ({
            callId: x.call.id,
            applicationId: x.application.id,
            reviewerId: x.reviewerId,
          })),
        () => review(ctx),
      );
      return json('POST', `/api/recruitment/calls/${r.callId}/assignments/balanced`, {
        k: 1,
        seed: 'matrix',
      });
    },
  },
  'DELETE /api/recruitment/assignments/{id}': {
    rule: 'recruitment:manage; an assignment not yet submitted',
    all: APPROVER_ONLY(204),
    request: async (ctx, role) =>
      json(
        'DELETE',
        `/api/recruitment/assignments/${await forApprover(
          role,
          () => ctx.recruitment.assignment(),
          () => assignmentId(ctx),
        )}`,
      ),
  },
  // ── applications (applicant) ──────────────────────────────────────────────
  'GET /api/recruitment/my/applications': {
    rule: 'signed in; one’s own and one’s groups’ applications',
    all: SIGNED_IN_200,
    request: () => get('/api/recruitment/my/applications'),
  },
  'POST /api/recruitment/calls/{id}/applications': {
    rule: 'signed in; for a group the person manages, on an open call',
    all: SIGNED_IN(201),
    request: async (ctx, role) => {
      const person = ctx.owner(role, 'own');
      const groupId = await ctx.recruitment.groupOf(person);
      return json('POST', `/api/recruitment/calls/${(await ctx.recruitment.openCall()).id}/applications`, {
        groupId,
      });
    },
  },
  'GET /api/recruitment/applications/{id}': ownApplication(
    'GET',
    '',
    SIGNED_IN(200),
    OTHER_READ,
    'signed in; the applicant, the group’s members and recruitment managers',
  ),
  'PATCH /api/recruitment/applications/{id}': ownApplication(
    'PATCH',
    '',
    SIGNED_IN(200),
    OTHER_WRITE,
    'signed in; the applicant or a manager of the group, on a draft',
    { answers: { plan: 'edited' } },
  ),
  'POST /api/recruitment/applications/{id}/submit': ownApplication(
    'POST',
    '/submit',
    SIGNED_IN(200),
    OTHER_WRITE,
    'signed in; the applicant or a manager of the group, before the deadline',
  ),
  'POST /api/recruitment/applications/{id}/withdraw': ownApplication(
    'POST',
    '/withdraw',
    SIGNED_IN(200),
    OTHER_WRITE,
    'signed in; the applicant or a manager of the group',
  ),
  'GET /api/recruitment/applications/{id}/result': ownApplication(
    'GET',
    '/result',
    SIGNED_IN(422),
    cells(401, 404, 404, 422, 404, 404),
    'signed in, as for reading; 422 results_not_published while the call is open',
    undefined,
    'submitted',
  ),
  'POST /api/recruitment/applications/{id}/objections': ownApplication(
    'POST',
    '/objections',
    SIGNED_IN(422),
    cells(401, 404, 404, 422, 404, 404),
    'signed in, as for writing; 422 outside the objection window (a manager who is not the applicant: not_editable)',
    { reasons: 'matrix' },
    'submitted',
  ),
  'PATCH /api/recruitment/supplements/{id}': {
    rule: 'signed in; the applicant or a manager of the group, only the asked fields',
    own: SIGNED_IN(200),
    other: OTHER_WRITE,
    request: async (ctx, role, variant) =>
      json(
        'PATCH',
        `/api/recruitment/supplements/${(await ctx.recruitment.supplement(ctx.owner(role, variant))).id}`,
        {
          answers: { plan: 'supplemented' },
        },
      ),
  },
  'POST /api/recruitment/supplements/{id}/submit': {
    rule: 'signed in; the applicant or a manager of the group, before the due date',
    own: SIGNED_IN(200),
    other: OTHER_WRITE,
    request: async (ctx, role, variant) =>
      json(
        'POST',
        `/api/recruitment/supplements/${(await ctx.recruitment.supplement(ctx.owner(role, variant))).id}/submit`,
      ),
  },
  // ── applications (staff) ──────────────────────────────────────────────────
  'POST /api/recruitment/applications/{id}/screening': {
    rule: 'recruitment:manage; a submitted application in screening',
    all: APPROVER_ONLY(200),
    request: async (ctx, role) => {
      const { applicationId } = await forApprover(
        role,
        () => ctx.recruitment.inScreening().then((x) => ({ applicationId: x.application.id })),
        () => screening(ctx),
      );
      return json('POST', `/api/recruitment/applications/${applicationId}/screening`, { eligible: true });
    },
  },
  'POST /api/recruitment/applications/{id}/supplements': {
    rule: 'recruitment:manage; a submitted application',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json(
        'POST',
        `/api/recruitment/applications/${(await ctx.recruitment.submitted('residentA')).id}/supplements`,
        {
          fieldIds: ['plan'],
          message: 'matrix',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      ),
  },
  'PUT /api/recruitment/applications/{id}/decision': {
    rule: 'recruitment:manage; an eligible application under review',
    all: APPROVER_ONLY(200),
    request: async (ctx, role) => {
      const r = await forApprover(
        role,
        () =>
          ctx.recruitment.inReview().then((x) => ({
            callId: x.call.id,
            applicationId: x.application.id,
            reviewerId: x.reviewerId,
          })),
        () => review(ctx),
      );
      return json('PUT', `/api/recruitment/applications/${r.applicationId}/decision`, {
        decision: 'reserve',
        rationale: 'matrix',
      });
    },
  },
  'POST /api/recruitment/objections/{id}/answer': {
    rule: 'recruitment:manage; an objection not answered yet',
    all: APPROVER_ONLY(200),
    request: async (ctx, role) =>
      json(
        'POST',
        `/api/recruitment/objections/${await forApprover(
          role,
          async () => (await ctx.recruitment.objection()).id,
          () => objectionId(ctx),
        )}/answer`,
        { outcome: 'dismissed', answer: 'matrix' },
      ),
  },
  // ── reviews (reviewer) ────────────────────────────────────────────────────
  'GET /api/recruitment/reviews': {
    rule: 'recruitment:review (reviewer; no column holds it)',
    all: REVIEWER_ONLY,
    request: () => get('/api/recruitment/reviews'),
  },
  'GET /api/recruitment/reviews/{id}': reviewerRoute('GET', ''),
  'POST /api/recruitment/reviews/{id}/declaration': reviewerRoute('POST', '/declaration', {
    hasConflict: false,
  }),
  'PUT /api/recruitment/reviews/{id}/sheet': reviewerRoute('PUT', '/sheet', { scores: {} }),
  'POST /api/recruitment/reviews/{id}/submit': reviewerRoute('POST', '/submit'),
  'GET /api/recruitment/reviews/{id}/peers': reviewerRoute('GET', '/peers'),
  // ── agreements ────────────────────────────────────────────────────────────
  'POST /api/recruitment/applications/{id}/agreement': {
    rule: 'recruitment:manage; a selected application after final results',
    all: APPROVER_ONLY(201),
    request: async (ctx, role) =>
      json(
        'POST',
        `/api/recruitment/applications/${await forApprover(
          role,
          async () => (await ctx.recruitment.selected('residentA')).id,
          () => selectedId(ctx),
        )}/agreement`,
        {},
      ),
  },
  'GET /api/recruitment/agreements': {
    rule: 'recruitment:manage',
    all: APPROVER_ONLY(200),
    request: () => get('/api/recruitment/agreements'),
  },
  'GET /api/recruitment/obligations/overdue': {
    rule: 'recruitment:manage (the approver home)',
    all: APPROVER_ONLY(200),
    request: () => get('/api/recruitment/obligations/overdue'),
  },
  'GET /api/recruitment/agreements/{id}': {
    rule: 'signed in; the group’s members and recruitment managers',
    own: SIGNED_IN(200),
    other: OTHER_READ,
    request: async (ctx, role, variant) =>
      json(
        'GET',
        `/api/recruitment/agreements/${(await ctx.recruitment.agreement(ctx.owner(role, variant))).id}`,
      ),
  },
  'PATCH /api/recruitment/agreements/{id}': {
    rule: 'recruitment:manage; a draft agreement',
    all: APPROVER_ONLY(200),
    request: async (ctx) =>
      json('PATCH', `/api/recruitment/agreements/${await agreementId(ctx)}`, { deposit: 0 }),
  },
  'GET /api/recruitment/agreements/{id}/conflicts': {
    rule: 'recruitment:manage',
    all: APPROVER_ONLY(200),
    request: async (ctx) => json('GET', `/api/recruitment/agreements/${await agreementId(ctx)}/conflicts`),
  },
  'POST /api/recruitment/agreements/{id}/sign': {
    rule: 'recruitment:manage; a draft agreement',
    all: APPROVER_ONLY(200),
    request: async (ctx, role) =>
      json(
        'POST',
        `/api/recruitment/agreements/${await forApprover(
          role,
          async () => (await ctx.recruitment.agreement('residentA')).id,
          () => agreementId(ctx),
        )}/sign`,
      ),
  },
  'POST /api/recruitment/agreements/{id}/obligations': {
    rule: 'recruitment:manage',
    all: APPROVER_ONLY(201),
    request: async (ctx) =>
      json('POST', `/api/recruitment/agreements/${await agreementId(ctx)}/obligations`, {
        title: 'matrix',
        dueOn: '2027-07-31',
      }),
  },
  'POST /api/recruitment/obligations/{id}/complete': {
    rule: 'signed in; a manager of the agreement’s group, or recruitment managers',
    own: SIGNED_IN(200),
    other: cells(401, 404, 404, 200, 404, 404),
    request: async (ctx, role, variant) => {
      const agreement = await ctx.recruitment.agreement(ctx.owner(role, variant));
      return json('POST', `/api/recruitment/obligations/${agreement.obligations[0].id}/complete`, {});
    },
  },
};
