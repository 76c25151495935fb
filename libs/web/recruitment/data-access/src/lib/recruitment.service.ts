import { type HttpEvent, HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  APPLICATION_FILE_OWNER,
  FILE_UPLOAD_FIELD,
  type AddObligationRequest,
  type AssetSummary,
  type UserSummary,
  type AgreementConflictView,
  type AgreementListQuery,
  type AgreementView,
  type AnswerObjectionRequest,
  type ApplicantResultView,
  type ApplicationDetail,
  type ApplicationListQuery,
  type ApplicationSummary,
  type AssignmentView,
  type BalancedAssignmentRequest,
  type CallDetail,
  type CallFormView,
  type CallListQuery,
  type CallSummary,
  type CompleteObligationRequest,
  type CreateAgreementRequest,
  type CreateCallRequest,
  type DecideApplicationRequest,
  type DeclareConflictRequest,
  type FileInfo,
  type FileObjectionRequest,
  type FileUploadResult,
  type FormAnswers,
  type FormSection,
  type MovePhaseRequest,
  type ObjectionView,
  type ObligationView,
  type Page,
  type PeerReviewView,
  type PublicCallDetail,
  type PublicCallQuery,
  type PublicCallSummary,
  type RankingView,
  type RequestSupplementRequest,
  type ReviewAssignmentDetail,
  type ReviewAssignmentSummary,
  type ReviewerView,
  type RubricView,
  type SaveRubricRequest,
  type SaveReviewSheetRequest,
  type ScreenApplicationRequest,
  type SetScheduleRequest,
  type SupplementView,
  type UpdateAgreementRequest,
  type UpdateCallRequest,
} from '@madang/contracts';
import type { Observable } from 'rxjs';

/** Purpose of an application's documents in the house file service. */
export const APPLICATION_FILE_PURPOSE = 'application_document';

const id = (value: string) => encodeURIComponent(value);

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** The public call pages' API (`/api/public/calls`): no sign-in, nothing personal. */
@Injectable({ providedIn: 'root' })
export class PublicCallsService {
  private readonly http = inject(HttpClient);

  calls(query: PublicCallQuery): Observable<Page<PublicCallSummary>> {
    return this.http.get<Page<PublicCallSummary>>('/api/public/calls', { params: params(query) });
  }

  call(callId: string): Observable<PublicCallDetail> {
    return this.http.get<PublicCallDetail>(`/api/public/calls/${id(callId)}`);
  }
}

/** Applicants' side of recruitment: applications, files, supplements, results and objections. */
@Injectable({ providedIn: 'root' })
export class ApplicationsService {
  private readonly http = inject(HttpClient);

  call(callId: string): Observable<CallDetail> {
    return this.http.get<CallDetail>(`/api/recruitment/calls/${id(callId)}`);
  }

  form(callId: string): Observable<CallFormView> {
    return this.http.get<CallFormView>(`/api/recruitment/calls/${id(callId)}/form`);
  }

  mine(): Observable<ApplicationSummary[]> {
    return this.http.get<ApplicationSummary[]>('/api/recruitment/my/applications');
  }

  start(callId: string, groupId: string): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(`/api/recruitment/calls/${id(callId)}/applications`, {
      groupId,
    });
  }

  application(applicationId: string): Observable<ApplicationDetail> {
    return this.http.get<ApplicationDetail>(`/api/recruitment/applications/${id(applicationId)}`);
  }

  save(applicationId: string, answers: FormAnswers): Observable<ApplicationDetail> {
    return this.http.patch<ApplicationDetail>(`/api/recruitment/applications/${id(applicationId)}`, {
      answers,
    });
  }

  submit(applicationId: string): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(`/api/recruitment/applications/${id(applicationId)}/submit`, {});
  }

  withdraw(applicationId: string): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(
      `/api/recruitment/applications/${id(applicationId)}/withdraw`,
      {},
    );
  }

  saveSupplement(supplementId: string, answers: FormAnswers): Observable<ApplicationDetail> {
    return this.http.patch<ApplicationDetail>(`/api/recruitment/supplements/${id(supplementId)}`, {
      answers,
    });
  }

  submitSupplement(supplementId: string): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(`/api/recruitment/supplements/${id(supplementId)}/submit`, {});
  }

  result(applicationId: string): Observable<ApplicantResultView> {
    return this.http.get<ApplicantResultView>(`/api/recruitment/applications/${id(applicationId)}/result`);
  }

  object(applicationId: string, request: FileObjectionRequest): Observable<ObjectionView> {
    return this.http.post<ObjectionView>(
      `/api/recruitment/applications/${id(applicationId)}/objections`,
      request,
    );
  }

  /** The files attached to an application (the house file service). */
  files(applicationId: string): Observable<FileInfo[]> {
    return this.http.get<FileInfo[]>('/api/files', {
      params: params({ ownerType: APPLICATION_FILE_OWNER, ownerId: applicationId }),
    });
  }

  /** Uploads a document to an application, reporting progress as HTTP events. */
  upload(applicationId: string, file: File): Observable<HttpEvent<FileUploadResult>> {
    const body = new FormData();
    body.append('ownerType', APPLICATION_FILE_OWNER);
    body.append('ownerId', applicationId);
    body.append('purpose', APPLICATION_FILE_PURPOSE);
    body.append(FILE_UPLOAD_FIELD, file, file.name);
    return this.http.post<FileUploadResult>('/api/files', body, { reportProgress: true, observe: 'events' });
  }

  agreement(agreementId: string): Observable<AgreementView> {
    return this.http.get<AgreementView>(`/api/recruitment/agreements/${id(agreementId)}`);
  }

  completeObligation(obligationId: string, request: CompleteObligationRequest): Observable<ObligationView> {
    return this.http.post<ObligationView>(
      `/api/recruitment/obligations/${id(obligationId)}/complete`,
      request,
    );
  }
}

/** Reviewers' side: my assignments, conflict declarations, sheets, peers after submitting. */
@Injectable({ providedIn: 'root' })
export class ReviewsService {
  private readonly http = inject(HttpClient);

  mine(): Observable<ReviewAssignmentSummary[]> {
    return this.http.get<ReviewAssignmentSummary[]>('/api/recruitment/reviews');
  }

  declare(assignmentId: string, request: DeclareConflictRequest): Observable<ReviewAssignmentDetail> {
    return this.http.post<ReviewAssignmentDetail>(
      `/api/recruitment/reviews/${id(assignmentId)}/declaration`,
      request,
    );
  }

  assignment(assignmentId: string): Observable<ReviewAssignmentDetail> {
    return this.http.get<ReviewAssignmentDetail>(`/api/recruitment/reviews/${id(assignmentId)}`);
  }

  saveSheet(assignmentId: string, request: SaveReviewSheetRequest): Observable<ReviewAssignmentDetail> {
    return this.http.put<ReviewAssignmentDetail>(
      `/api/recruitment/reviews/${id(assignmentId)}/sheet`,
      request,
    );
  }

  submit(assignmentId: string): Observable<ReviewAssignmentDetail> {
    return this.http.post<ReviewAssignmentDetail>(`/api/recruitment/reviews/${id(assignmentId)}/submit`, {});
  }

  peers(assignmentId: string): Observable<PeerReviewView[]> {
    return this.http.get<PeerReviewView[]>(`/api/recruitment/reviews/${id(assignmentId)}/peers`);
  }
}

/** Staff (recruitment:manage): calls, forms, rubric, screening, reviewers, ranking, results, agreements. */
@Injectable({ providedIn: 'root' })
export class RecruitmentAdminService {
  private readonly http = inject(HttpClient);

  calls(query: CallListQuery): Observable<Page<CallSummary>> {
    return this.http.get<Page<CallSummary>>('/api/recruitment/calls', { params: params(query) });
  }

  call(callId: string): Observable<CallDetail> {
    return this.http.get<CallDetail>(`/api/recruitment/calls/${id(callId)}`);
  }

  create(request: CreateCallRequest): Observable<CallDetail> {
    return this.http.post<CallDetail>('/api/recruitment/calls', request);
  }

  update(callId: string, request: UpdateCallRequest): Observable<CallDetail> {
    return this.http.patch<CallDetail>(`/api/recruitment/calls/${id(callId)}`, request);
  }

  setSchedule(callId: string, request: SetScheduleRequest): Observable<CallDetail> {
    return this.http.put<CallDetail>(`/api/recruitment/calls/${id(callId)}/schedule`, request);
  }

  movePhase(callId: string, request: MovePhaseRequest): Observable<CallDetail> {
    return this.http.post<CallDetail>(`/api/recruitment/calls/${id(callId)}/phase`, request);
  }

  form(callId: string): Observable<CallFormView> {
    return this.http.get<CallFormView>(`/api/recruitment/calls/${id(callId)}/form`);
  }

  saveForm(callId: string, sections: FormSection[]): Observable<CallFormView> {
    return this.http.put<CallFormView>(`/api/recruitment/calls/${id(callId)}/form`, { sections });
  }

  rubric(callId: string): Observable<RubricView> {
    return this.http.get<RubricView>(`/api/recruitment/calls/${id(callId)}/rubric`);
  }

  saveRubric(callId: string, request: SaveRubricRequest): Observable<RubricView> {
    return this.http.put<RubricView>(`/api/recruitment/calls/${id(callId)}/rubric`, request);
  }

  applications(callId: string, query: ApplicationListQuery): Observable<Page<ApplicationSummary>> {
    return this.http.get<Page<ApplicationSummary>>(`/api/recruitment/calls/${id(callId)}/applications`, {
      params: params(query),
    });
  }

  application(applicationId: string): Observable<ApplicationDetail> {
    return this.http.get<ApplicationDetail>(`/api/recruitment/applications/${id(applicationId)}`);
  }

  screen(applicationId: string, request: ScreenApplicationRequest): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(
      `/api/recruitment/applications/${id(applicationId)}/screening`,
      request,
    );
  }

  requestSupplement(applicationId: string, request: RequestSupplementRequest): Observable<SupplementView> {
    return this.http.post<SupplementView>(
      `/api/recruitment/applications/${id(applicationId)}/supplements`,
      request,
    );
  }

  reviewers(callId: string): Observable<ReviewerView[]> {
    return this.http.get<ReviewerView[]>(`/api/recruitment/calls/${id(callId)}/reviewers`);
  }

  setReviewers(callId: string, userIds: string[]): Observable<ReviewerView[]> {
    return this.http.put<ReviewerView[]>(`/api/recruitment/calls/${id(callId)}/reviewers`, { userIds });
  }

  assignments(callId: string): Observable<AssignmentView[]> {
    return this.http.get<AssignmentView[]>(`/api/recruitment/calls/${id(callId)}/assignments`);
  }

  assign(callId: string, reviewerId: string, applicationId: string): Observable<AssignmentView> {
    return this.http.post<AssignmentView>(`/api/recruitment/calls/${id(callId)}/assignments`, {
      reviewerId,
      applicationId,
    });
  }

  assignBalanced(callId: string, request: BalancedAssignmentRequest): Observable<AssignmentView[]> {
    return this.http.post<AssignmentView[]>(
      `/api/recruitment/calls/${id(callId)}/assignments/balanced`,
      request,
    );
  }

  unassign(assignmentId: string): Observable<void> {
    return this.http.delete<void>(`/api/recruitment/assignments/${id(assignmentId)}`);
  }

  ranking(callId: string): Observable<RankingView> {
    return this.http.get<RankingView>(`/api/recruitment/calls/${id(callId)}/ranking`);
  }

  decide(applicationId: string, request: DecideApplicationRequest): Observable<ApplicationDetail> {
    return this.http.put<ApplicationDetail>(
      `/api/recruitment/applications/${id(applicationId)}/decision`,
      request,
    );
  }

  objections(callId: string): Observable<ObjectionView[]> {
    return this.http.get<ObjectionView[]>(`/api/recruitment/calls/${id(callId)}/objections`);
  }

  answerObjection(objectionId: string, request: AnswerObjectionRequest): Observable<ObjectionView> {
    return this.http.post<ObjectionView>(`/api/recruitment/objections/${id(objectionId)}/answer`, request);
  }

  createAgreement(applicationId: string, request: CreateAgreementRequest): Observable<AgreementView> {
    return this.http.post<AgreementView>(
      `/api/recruitment/applications/${id(applicationId)}/agreement`,
      request,
    );
  }

  agreements(query: AgreementListQuery): Observable<Page<AgreementView>> {
    return this.http.get<Page<AgreementView>>('/api/recruitment/agreements', { params: params(query) });
  }

  updateAgreement(agreementId: string, request: UpdateAgreementRequest): Observable<AgreementView> {
    return this.http.patch<AgreementView>(`/api/recruitment/agreements/${id(agreementId)}`, request);
  }

  agreementConflicts(agreementId: string): Observable<AgreementConflictView[]> {
    return this.http.get<AgreementConflictView[]>(`/api/recruitment/agreements/${id(agreementId)}/conflicts`);
  }

  sign(agreementId: string): Observable<AgreementView> {
    return this.http.post<AgreementView>(`/api/recruitment/agreements/${id(agreementId)}/sign`, {});
  }

  addObligation(agreementId: string, request: AddObligationRequest): Observable<ObligationView> {
    return this.http.post<ObligationView>(
      `/api/recruitment/agreements/${id(agreementId)}/obligations`,
      request,
    );
  }

  /** The catalogue's spaces, to pick the rooms a call offers (`GET /api/assets`, public). */
  assets(): Observable<AssetSummary[]> {
    return this.http.get<AssetSummary[]>('/api/assets');
  }

  /** People who may review (`GET /api/users?role=reviewer`; approvers hold users:read). */
  reviewerCandidates(): Observable<Page<UserSummary>> {
    return this.http.get<Page<UserSummary>>('/api/users', {
      params: params({ role: 'reviewer', limit: 100 }),
    });
  }

  overdueObligations(): Observable<ObligationView[]> {
    return this.http.get<ObligationView[]>('/api/recruitment/obligations/overdue');
  }
}
