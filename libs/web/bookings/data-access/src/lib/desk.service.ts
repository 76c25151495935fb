import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssetPartDto,
  CheckInDto,
  CheckInRequest,
  CreateOutOfServiceRequest,
  CustodyDto,
  DepositRetentionDto,
  DeskDayDto,
  DeskItem,
  FileUploadResult,
  HandOutRequest,
  OutOfServiceDto,
  PutAssetPartsRequest,
  RetainDepositRequest,
  ReturnRequest,
} from '@madang/contracts';
import type { Observable } from 'rxjs';

const id = encodeURIComponent;

/** The desk over HTTP: kits, hand-out and return, deposit kept, check-in, out-of-service. */
@Injectable({ providedIn: 'root' })
export class DeskService {
  private readonly http = inject(HttpClient);

  day(date: string): Observable<DeskDayDto> {
    return this.http.get<DeskDayDto>('/api/desk', { params: new HttpParams().set('date', date) });
  }

  overdue(): Observable<DeskItem[]> {
    return this.http.get<DeskItem[]>('/api/desk/overdue');
  }

  handOut(bookingId: string, request: HandOutRequest): Observable<CustodyDto> {
    return this.http.post<CustodyDto>(`/api/bookings/${id(bookingId)}/handouts`, request);
  }

  takeBack(handoutId: string, request: ReturnRequest): Observable<CustodyDto> {
    return this.http.post<CustodyDto>(`/api/handouts/${id(handoutId)}/return`, request);
  }

  retain(bookingId: string, request: RetainDepositRequest): Observable<DepositRetentionDto> {
    return this.http.post<DepositRetentionDto>(`/api/bookings/${id(bookingId)}/deposit-retentions`, request);
  }

  /** A condition photo of a hand-out (files service: owner type `custody_handout`, purpose `photo`). */
  uploadPhoto(handoutId: string, file: File): Observable<FileUploadResult> {
    const body = new FormData();
    body.append('ownerType', 'custody_handout');
    body.append('ownerId', handoutId);
    body.append('purpose', 'photo');
    body.append('file', file, file.name);
    return this.http.post<FileUploadResult>('/api/files', body);
  }

  checkInInfo(bookingId: string): Observable<CheckInDto> {
    return this.http.get<CheckInDto>(`/api/bookings/${id(bookingId)}/check-in`);
  }

  checkIn(bookingId: string, request: CheckInRequest): Observable<CheckInDto> {
    return this.http.post<CheckInDto>(`/api/bookings/${id(bookingId)}/check-in`, request);
  }

  parts(assetId: string): Observable<AssetPartDto[]> {
    return this.http.get<AssetPartDto[]>(`/api/assets/${id(assetId)}/parts`);
  }

  replaceParts(assetId: string, request: PutAssetPartsRequest): Observable<AssetPartDto[]> {
    return this.http.put<AssetPartDto[]>(`/api/assets/${id(assetId)}/parts`, request);
  }

  outOfService(assetId: string, released = false): Observable<OutOfServiceDto[]> {
    return this.http.get<OutOfServiceDto[]>(`/api/assets/${id(assetId)}/out-of-service`, {
      params: new HttpParams().set('released', String(released)),
    });
  }

  setOutOfService(assetId: string, request: CreateOutOfServiceRequest): Observable<OutOfServiceDto> {
    return this.http.post<OutOfServiceDto>(`/api/assets/${id(assetId)}/out-of-service`, request);
  }

  endOutOfService(assetId: string, blockId: string): Observable<void> {
    return this.http.delete<void>(`/api/assets/${id(assetId)}/out-of-service/${id(blockId)}`);
  }
}
