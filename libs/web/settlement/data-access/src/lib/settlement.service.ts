import { type HttpEvent, HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AmendmentView,
  BookingDto,
  BookingPaymentResult,
  Page,
  RecordBookingPaymentRequest,
  AutoMatchResult,
  BankImportResult,
  BankLineView,
  BudgetLineView,
  CreateExpenseRequest,
  ExpenseCreated,
  ExecutionView,
  ExpenseView,
  FileInfo,
  FileUploadResult,
  FiscalYearView,
  MatchBankLineRequest,
  ProgrammeView,
  SettlementExpenseState,
  SettlementReport,
  SettlementSummary,
  VerifyExpenseRequest,
} from '@madang/contracts';
import { FILE_UPLOAD_FIELD } from '@madang/contracts';
import type { Observable } from 'rxjs';

export interface ExpenseListQuery {
  programmeId?: string;
  state?: SettlementExpenseState;
  limit?: number;
  offset?: number;
}

export interface ReportPeriod {
  /** `YYYY-MM`, inclusive. */
  from?: string;
  /** `YYYY-MM`, inclusive. */
  to?: string;
}

/** Owner type of an expense's files in the house file service. */
export const EXPENSE_OWNER = 'expense';

/** The report file formats the API offers. */
export type ReportFormat = 'xlsx' | 'csv' | 'pdf';

const id = (value: string) => encodeURIComponent(value);

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** The settlement API over HTTP (`/api/settlement/...`). */
@Injectable({ providedIn: 'root' })
export class SettlementService {
  private readonly http = inject(HttpClient);

  summary(): Observable<SettlementSummary> {
    return this.http.get<SettlementSummary>('/api/settlement/summary');
  }

  fiscalYears(): Observable<FiscalYearView[]> {
    return this.http.get<FiscalYearView[]>('/api/settlement/fiscal-years');
  }

  closePeriod(year: number, month: number): Observable<FiscalYearView> {
    return this.http.post<FiscalYearView>(`/api/settlement/fiscal-years/${year}/periods/${month}/close`, {});
  }

  reopenPeriod(year: number, month: number, reason: string): Observable<FiscalYearView> {
    return this.http.post<FiscalYearView>(`/api/settlement/fiscal-years/${year}/periods/${month}/reopen`, {
      reason,
    });
  }

  programmes(): Observable<ProgrammeView[]> {
    return this.http.get<ProgrammeView[]>('/api/settlement/programmes');
  }

  programme(programmeId: string): Observable<ProgrammeView> {
    return this.http.get<ProgrammeView>(`/api/settlement/programmes/${id(programmeId)}`);
  }

  lines(programmeId: string): Observable<BudgetLineView[]> {
    return this.http.get<BudgetLineView[]>(`/api/settlement/programmes/${id(programmeId)}/lines`);
  }

  amendments(programmeId: string): Observable<AmendmentView[]> {
    return this.http.get<AmendmentView[]>(`/api/settlement/programmes/${id(programmeId)}/amendments`);
  }

  approveAmendment(amendmentId: string): Observable<AmendmentView> {
    return this.http.post<AmendmentView>(`/api/settlement/amendments/${id(amendmentId)}/approve`, {});
  }

  rejectAmendment(amendmentId: string, note: string): Observable<AmendmentView> {
    return this.http.post<AmendmentView>(`/api/settlement/amendments/${id(amendmentId)}/reject`, { note });
  }

  execution(programmeId: string): Observable<ExecutionView> {
    return this.http.get<ExecutionView>(`/api/settlement/programmes/${id(programmeId)}/execution`);
  }

  report(programmeId: string, period: ReportPeriod): Observable<SettlementReport> {
    return this.http.get<SettlementReport>(`/api/settlement/programmes/${id(programmeId)}/report`, {
      params: params(period),
    });
  }

  /** The report as XLSX, CSV or PDF, as a URL for a plain download link (the session cookie goes along). */
  reportFileUrl(programmeId: string, period: ReportPeriod, format: ReportFormat): string {
    const query = params(period).toString();
    return `/api/settlement/programmes/${id(programmeId)}/report.${format}${query ? `?${query}` : ''}`;
  }

  expenses(query: ExpenseListQuery): Observable<ExpenseView[]> {
    return this.http.get<ExpenseView[]>('/api/settlement/expenses', { params: params(query) });
  }

  requestExpense(request: CreateExpenseRequest): Observable<ExpenseCreated> {
    return this.http.post<ExpenseCreated>('/api/settlement/expenses', request);
  }

  /** Marks a checklist item with a file already uploaded to the expense (`POST /api/files`). */
  attachEvidence(expenseId: string, item: string, fileId: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/evidence`, {
      item,
      fileId,
    });
  }

  /** The evidence files attached to an expense (the house file service). */
  evidenceFiles(expenseId: string): Observable<FileInfo[]> {
    return this.http.get<FileInfo[]>('/api/files', {
      params: params({ ownerType: EXPENSE_OWNER, ownerId: expenseId, purpose: 'expense_evidence' }),
    });
  }

  /** Uploads an evidence file to an expense, reporting upload progress as HTTP events. */
  uploadEvidenceFile(expenseId: string, file: File): Observable<HttpEvent<FileUploadResult>> {
    const body = new FormData();
    body.append('ownerType', EXPENSE_OWNER);
    body.append('ownerId', expenseId);
    body.append('purpose', 'expense_evidence');
    body.append(FILE_UPLOAD_FIELD, file, file.name);
    return this.http.post<FileUploadResult>('/api/files', body, { reportProgress: true, observe: 'events' });
  }

  expense(expenseId: string): Observable<ExpenseView> {
    return this.http.get<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}`);
  }

  approve(expenseId: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/approve`, {});
  }

  reject(expenseId: string, reason: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/reject`, { reason });
  }

  pay(expenseId: string, paidOn?: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(
      `/api/settlement/expenses/${id(expenseId)}/pay`,
      paidOn ? { paidOn } : {},
    );
  }

  provideEvidence(expenseId: string, item: string, note?: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(
      `/api/settlement/expenses/${id(expenseId)}/evidence`,
      note ? { item, note } : { item },
    );
  }

  evidenceMissing(expenseId: string, reason: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/evidence-missing`, {
      reason,
    });
  }

  verify(expenseId: string, kind: VerifyExpenseRequest['kind']): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/verify`, { kind });
  }

  disallow(expenseId: string, amount: number, reason: string): Observable<ExpenseView> {
    return this.http.post<ExpenseView>(`/api/settlement/expenses/${id(expenseId)}/disallow`, {
      amount,
      reason,
    });
  }

  /** Approved bookings of everyone, newest page first (operations), for recording their payments. */
  approvedBookings(limit: number, offset: number): Observable<Page<BookingDto>> {
    return this.http.get<Page<BookingDto>>('/api/bookings', {
      params: params({ scope: 'all', decision: 'approved', limit, offset }),
    });
  }

  /** Money received or paid back for a booking; posted to the ledger, and the booking's payment status moves. */
  recordBookingPayment(
    bookingId: string,
    request: RecordBookingPaymentRequest,
  ): Observable<BookingPaymentResult> {
    return this.http.post<BookingPaymentResult>(`/api/bookings/${id(bookingId)}/payments`, request);
  }

  bankMappings(): Observable<{ bank: string }[]> {
    return this.http.get<{ bank: string }[]>('/api/settlement/bank/mappings');
  }

  /** Sends the statement file as the raw body; `bank` picks the saved column mapping. */
  importStatement(bank: string, file: File): Observable<BankImportResult> {
    const headers = new HttpHeaders({
      'Content-Type': file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
    });
    return this.http.post<BankImportResult>('/api/settlement/bank/imports', file, {
      headers,
      params: params({ bank, fileName: file.name }),
    });
  }

  bankLines(query: { unreconciled?: boolean; limit?: number; offset?: number }): Observable<BankLineView[]> {
    return this.http.get<BankLineView[]>('/api/settlement/bank/lines', { params: params(query) });
  }

  autoMatch(): Observable<AutoMatchResult> {
    return this.http.post<AutoMatchResult>('/api/settlement/bank/auto-match', {});
  }

  match(lineId: string, request: MatchBankLineRequest): Observable<BankLineView> {
    return this.http.post<BankLineView>(`/api/settlement/bank/lines/${id(lineId)}/match`, request);
  }
}
