import { type HttpEvent, HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddReadingRequest,
  AssetSummary,
  ChangeStageRequest,
  CreateCommentRequest,
  CreateCommitmentRequest,
  CreateExperimentBookingRequest,
  CreateExperimentRequest,
  CreateMetricRequest,
  CreateMilestoneRequest,
  CreateObservationRequest,
  CreateOutcomeRequest,
  CreatePartnerRequest,
  CreateProjectRequest,
  ExperimentDetail,
  ExperimentMetric,
  ExperimentParticipant,
  FilePurpose,
  FileUploadResult,
  GroupSummary,
  LabFileOwnerType,
  MergeObservationRequest,
  ObservationComment,
  ObservationDetail,
  ObservationListQuery,
  ObservationSummary,
  Page,
  ProjectBudgetView,
  ProjectDetail,
  ProjectListQuery,
  ProjectMilestone,
  ProjectOutcome,
  ProjectPartner,
  ProjectSummary,
  RecordConsentRequest,
  RecordVerdictRequest,
  RespondToObservationRequest,
  ResponseDashboard,
  ResponseDashboardQuery,
  SupportState,
  TimelineEvent,
  TriageObservationRequest,
  UpdateCommitmentRequest,
  UpdateMilestoneRequest,
  UpdateProjectRequest,
} from '@madang/contracts';
import { FILE_UPLOAD_FIELD } from '@madang/contracts';
import type { Observable } from 'rxjs';
import { id, queryParams } from './http-params';

/** The signed-in living-lab API: observations, projects, experiments, outcomes (`/api/...`). */
@Injectable({ providedIn: 'root' })
export class LabsService {
  private readonly http = inject(HttpClient);

  // ─── Observations ───────────────────────────────────────────────────────────

  postObservation(request: CreateObservationRequest): Observable<ObservationDetail> {
    return this.http.post<ObservationDetail>('/api/observations', request);
  }

  observations(query: ObservationListQuery): Observable<Page<ObservationSummary>> {
    return this.http.get<Page<ObservationSummary>>('/api/observations', { params: queryParams(query) });
  }

  observation(observationId: string): Observable<ObservationDetail> {
    return this.http.get<ObservationDetail>(`/api/observations/${id(observationId)}`);
  }

  support(observationId: string, on: boolean): Observable<SupportState> {
    const url = `/api/observations/${id(observationId)}/support`;
    return on ? this.http.put<SupportState>(url, {}) : this.http.delete<SupportState>(url);
  }

  comment(observationId: string, request: CreateCommentRequest): Observable<ObservationComment> {
    return this.http.post<ObservationComment>(`/api/observations/${id(observationId)}/comments`, request);
  }

  triage(observationId: string, request: TriageObservationRequest): Observable<ObservationDetail> {
    return this.http.patch<ObservationDetail>(`/api/observations/${id(observationId)}/triage`, request);
  }

  respond(observationId: string, request: RespondToObservationRequest): Observable<ObservationDetail> {
    return this.http.post<ObservationDetail>(`/api/observations/${id(observationId)}/responses`, request);
  }

  merge(observationId: string, request: MergeObservationRequest): Observable<ObservationDetail> {
    return this.http.post<ObservationDetail>(`/api/observations/${id(observationId)}/merge`, request);
  }

  dashboard(query: ResponseDashboardQuery): Observable<ResponseDashboard> {
    return this.http.get<ResponseDashboard>('/api/labs/response-dashboard', { params: queryParams(query) });
  }

  // ─── Files (the house file service) ─────────────────────────────────────────

  /** Uploads a photo or evidence file to a living-lab owner, reporting progress as HTTP events. */
  upload(
    ownerType: LabFileOwnerType,
    ownerId: string,
    purpose: FilePurpose,
    file: File,
  ): Observable<HttpEvent<FileUploadResult>> {
    const body = new FormData();
    body.append('ownerType', ownerType);
    body.append('ownerId', ownerId);
    body.append('purpose', purpose);
    body.append(FILE_UPLOAD_FIELD, file, file.name);
    return this.http.post<FileUploadResult>('/api/files', body, { reportProgress: true, observe: 'events' });
  }

  // ─── Projects ───────────────────────────────────────────────────────────────

  projects(query: ProjectListQuery): Observable<Page<ProjectSummary>> {
    return this.http.get<Page<ProjectSummary>>('/api/labs/projects', { params: queryParams(query) });
  }

  createProject(request: CreateProjectRequest): Observable<ProjectDetail> {
    return this.http.post<ProjectDetail>('/api/labs/projects', request);
  }

  project(projectId: string): Observable<ProjectDetail> {
    return this.http.get<ProjectDetail>(`/api/labs/projects/${id(projectId)}`);
  }

  updateProject(projectId: string, request: UpdateProjectRequest): Observable<ProjectDetail> {
    return this.http.patch<ProjectDetail>(`/api/labs/projects/${id(projectId)}`, request);
  }

  changeStage(projectId: string, request: ChangeStageRequest): Observable<ProjectDetail> {
    return this.http.post<ProjectDetail>(`/api/labs/projects/${id(projectId)}/stage`, request);
  }

  publish(projectId: string, on: boolean): Observable<ProjectDetail> {
    return this.http.post<ProjectDetail>(
      `/api/labs/projects/${id(projectId)}/${on ? 'publish' : 'unpublish'}`,
      {},
    );
  }

  timeline(projectId: string): Observable<TimelineEvent[]> {
    return this.http.get<TimelineEvent[]>(`/api/labs/projects/${id(projectId)}/timeline`);
  }

  budget(projectId: string): Observable<ProjectBudgetView> {
    return this.http.get<ProjectBudgetView>(`/api/labs/projects/${id(projectId)}/budget`);
  }

  linkObservation(projectId: string, observationId: string): Observable<ProjectDetail> {
    return this.http.post<ProjectDetail>(`/api/labs/projects/${id(projectId)}/observations`, {
      observationId,
    });
  }

  addPartner(projectId: string, request: CreatePartnerRequest): Observable<ProjectPartner> {
    return this.http.post<ProjectPartner>(`/api/labs/projects/${id(projectId)}/partners`, request);
  }

  addCommitment(partnerId: string, request: CreateCommitmentRequest): Observable<ProjectPartner> {
    return this.http.post<ProjectPartner>(`/api/labs/partners/${id(partnerId)}/commitments`, request);
  }

  updateCommitment(commitmentId: string, request: UpdateCommitmentRequest): Observable<ProjectPartner> {
    return this.http.patch<ProjectPartner>(`/api/labs/commitments/${id(commitmentId)}`, request);
  }

  addMilestone(projectId: string, request: CreateMilestoneRequest): Observable<ProjectMilestone> {
    return this.http.post<ProjectMilestone>(`/api/labs/projects/${id(projectId)}/milestones`, request);
  }

  updateMilestone(milestoneId: string, request: UpdateMilestoneRequest): Observable<ProjectMilestone> {
    return this.http.patch<ProjectMilestone>(`/api/labs/milestones/${id(milestoneId)}`, request);
  }

  addOutcome(projectId: string, request: CreateOutcomeRequest): Observable<ProjectOutcome> {
    return this.http.post<ProjectOutcome>(`/api/labs/projects/${id(projectId)}/outcomes`, request);
  }

  verifyOutcome(outcomeId: string): Observable<ProjectOutcome> {
    return this.http.post<ProjectOutcome>(`/api/labs/outcomes/${id(outcomeId)}/verify`, {});
  }

  // ─── Experiments ────────────────────────────────────────────────────────────

  addExperiment(projectId: string, request: CreateExperimentRequest): Observable<ExperimentDetail> {
    return this.http.post<ExperimentDetail>(`/api/labs/projects/${id(projectId)}/experiments`, request);
  }

  experiment(experimentId: string): Observable<ExperimentDetail> {
    return this.http.get<ExperimentDetail>(`/api/labs/experiments/${id(experimentId)}`);
  }

  /** Books a site through the booking engine (409 when the slot is taken). */
  bookSite(experimentId: string, request: CreateExperimentBookingRequest): Observable<ExperimentDetail> {
    return this.http.post<ExperimentDetail>(`/api/labs/experiments/${id(experimentId)}/bookings`, request);
  }

  linkBooking(experimentId: string, bookingId: string): Observable<ExperimentDetail> {
    return this.http.post<ExperimentDetail>(`/api/labs/experiments/${id(experimentId)}/linked-bookings`, {
      bookingId,
    });
  }

  unlinkBooking(experimentId: string, bookingId: string): Observable<ExperimentDetail> {
    return this.http.delete<ExperimentDetail>(
      `/api/labs/experiments/${id(experimentId)}/bookings/${id(bookingId)}`,
    );
  }

  participants(experimentId: string): Observable<ExperimentParticipant[]> {
    return this.http.get<ExperimentParticipant[]>(`/api/labs/experiments/${id(experimentId)}/participants`);
  }

  recordConsent(experimentId: string, request: RecordConsentRequest): Observable<ExperimentParticipant> {
    return this.http.post<ExperimentParticipant>(
      `/api/labs/experiments/${id(experimentId)}/participants`,
      request,
    );
  }

  withdrawConsent(participantId: string): Observable<ExperimentParticipant> {
    return this.http.post<ExperimentParticipant>(`/api/labs/participants/${id(participantId)}/withdraw`, {});
  }

  addMetric(experimentId: string, request: CreateMetricRequest): Observable<ExperimentMetric> {
    return this.http.post<ExperimentMetric>(`/api/labs/experiments/${id(experimentId)}/metrics`, request);
  }

  addReading(metricId: string, request: AddReadingRequest): Observable<ExperimentMetric> {
    return this.http.post<ExperimentMetric>(`/api/labs/metrics/${id(metricId)}/readings`, request);
  }

  recordVerdict(experimentId: string, request: RecordVerdictRequest): Observable<ExperimentDetail> {
    return this.http.post<ExperimentDetail>(`/api/labs/experiments/${id(experimentId)}/verdict`, request);
  }

  /** Groups that may lead a project (what the viewer may see of `/api/groups`). */
  groups(): Observable<GroupSummary[]> {
    return this.http.get<GroupSummary[]>('/api/groups');
  }

  /** Spaces that can be booked as an experiment's site (the public catalogue). */
  sites(): Observable<AssetSummary[]> {
    return this.http.get<AssetSummary[]>('/api/assets', { params: queryParams({ kind: 'space' }) });
  }
}
