import { HttpClient, HttpParams, type HttpResourceRequest } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssetDetail,
  AssetQuery,
  AssetSummary,
  AvailabilityResponse,
  CategoryDto,
  CreateAssetRequest,
  CreateCategoryRequest,
  RentalRulesOverride,
  UpdateAssetRequest,
  UpdateCategoryRequest,
  UpdateRulesRequest,
  PhotoVariantFormat,
  PhotoVariantWidth,
} from '@madang/contracts';
import { PHOTO_VARIANT_WIDTHS } from '@madang/contracts';
import type { Observable } from 'rxjs';

function assetParams(query: AssetQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, key === 'freeFrom' || key === 'freeTo' ? toUtc(String(value)) : String(value));
  }
  return params;
}

function availabilityParams(from: string, to: string, assetIds: string[]): HttpParams {
  const params = new HttpParams().set('from', toUtc(from)).set('to', toUtc(to));
  return assetIds.length ? params.set('assetIds', assetIds.join(',')) : params;
}

const assetPath = (id: string) => `/api/assets/${encodeURIComponent(id)}`;

/** Catalogue, rules and availability: the public half of the booking API plus its editors. */
@Injectable({ providedIn: 'root' })
export class CatalogueService {
  private readonly http = inject(HttpClient);

  categories(): Observable<CategoryDto[]> {
    return this.http.get<CategoryDto[]>('/api/categories');
  }

  createCategory(request: CreateCategoryRequest): Observable<CategoryDto> {
    return this.http.post<CategoryDto>('/api/categories', request);
  }

  updateCategory(id: string, request: UpdateCategoryRequest): Observable<CategoryDto> {
    return this.http.patch<CategoryDto>(`/api/categories/${encodeURIComponent(id)}`, request);
  }

  putCategoryRules(id: string, rules: RentalRulesOverride): Observable<CategoryDto> {
    const body: UpdateRulesRequest = { rules };
    return this.http.put<CategoryDto>(`/api/categories/${encodeURIComponent(id)}/rules`, body);
  }

  assets(query: AssetQuery = {}): Observable<AssetSummary[]> {
    return this.http.get<AssetSummary[]>('/api/assets', { params: assetParams(query) });
  }

  asset(id: string): Observable<AssetDetail> {
    return this.http.get<AssetDetail>(assetPath(id));
  }

  /*
   * The same GETs as requests for `httpResource`, for pages the server renders: in the browser's first
   * render `httpResource` answers at once with what the server fetched (Angular's transfer cache), so
   * hydration finds the same content and nothing is drawn twice.
   */
  categoriesRequest(): HttpResourceRequest {
    return { url: '/api/categories' };
  }

  assetsRequest(query: AssetQuery = {}): HttpResourceRequest {
    return { url: '/api/assets', params: assetParams(query) };
  }

  assetRequest(id: string): HttpResourceRequest {
    return { url: assetPath(id) };
  }

  createAsset(request: CreateAssetRequest): Observable<AssetDetail> {
    return this.http.post<AssetDetail>('/api/assets', request);
  }

  updateAsset(id: string, request: UpdateAssetRequest): Observable<AssetDetail> {
    return this.http.patch<AssetDetail>(`/api/assets/${encodeURIComponent(id)}`, request);
  }

  putAssetRules(id: string, rules: RentalRulesOverride): Observable<AssetDetail> {
    const body: UpdateRulesRequest = { rules };
    return this.http.put<AssetDetail>(`/api/assets/${encodeURIComponent(id)}/rules`, body);
  }

  uploadPhoto(id: string, file: File): Observable<AssetDetail> {
    const body = new FormData();
    body.append('photo', file, file.name);
    return this.http.post<AssetDetail>(`/api/assets/${encodeURIComponent(id)}/photos`, body);
  }

  deletePhoto(id: string, photoId: string): Observable<AssetDetail> {
    return this.http.delete<AssetDetail>(
      `/api/assets/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`,
    );
  }

  /** Free and busy times of `assetIds`, or of every active asset when none are named (one query). */
  availability(from: string, to: string, assetIds: string[] = []): Observable<AvailabilityResponse> {
    return this.http.get<AvailabilityResponse>('/api/availability', {
      params: availabilityParams(from, to, assetIds),
    });
  }

  /** `availability()` for `httpResource` (see `assetsRequest`). */
  availabilityRequest(from: string, to: string, assetIds: string[] = []): HttpResourceRequest {
    return { url: '/api/availability', params: availabilityParams(from, to, assetIds) };
  }
}

/** URL of one asset photo (served by the API). */
export function photoUrl(assetId: string, photoId: string): string {
  return `/api/assets/${encodeURIComponent(assetId)}/photos/${encodeURIComponent(photoId)}`;
}

/** URL of one photo re-encoded by the API: at most `width` px wide, AVIF or WebP. */
export function photoVariantUrl(
  assetId: string,
  photoId: string,
  width: PhotoVariantWidth,
  format: PhotoVariantFormat,
): string {
  return `${photoUrl(assetId, photoId)}/${width}.${format}`;
}

/** `srcset` of a photo in one format at every width the API makes (`…/320.webp 320w, …`). */
export function photoSrcset(assetId: string, photoId: string, format: PhotoVariantFormat): string {
  return PHOTO_VARIANT_WIDTHS.map((w) => `${photoVariantUrl(assetId, photoId, w, format)} ${w}w`).join(', ');
}

/** The asset's link-preview image (its first photo, 1200×630 JPEG): for Open Graph tags. */
export function openGraphImageUrl(assetId: string): string {
  return `/api/assets/${encodeURIComponent(assetId)}/og.jpg`;
}

/**
 * An instant as UTC ISO (`…Z`). Angular's query encoder leaves `+` as it is, which servers read as
 * a space, so offsets like `+09:00` must not travel in a query string.
 */
export function toUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}
