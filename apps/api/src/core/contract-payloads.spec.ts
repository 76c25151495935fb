import type { ArgumentMetadata } from '@nestjs/common';
import type {
  AddMemberRequest,
  ApprovalQueueQuery,
  AssetQuery,
  AuditQuery,
  AvailabilityQuery,
  BookingListQuery,
  BulkDecisionRequest,
  CancelRequest,
  ChangePasswordRequest,
  CreateAssetRequest,
  CreateBookingRequest,
  CreateCategoryRequest,
  CreateGroupRequest,
  LoginRequest,
  RegisterRequest,
  RejectRequest,
  UpdateAssetRequest,
  UpdateCategoryRequest,
  UpdateGroupRequest,
  UpdateMemberRequest,
  UpdateProfileRequest,
  UpdateRulesRequest,
  UserListQuery,
} from '@madang/contracts';
import { AuditQueryDto } from '../platform/audit/dto/audit.dto';
import { ChangePasswordDto, LoginDto, RegisterDto, UpdateProfileDto } from '../auth/dto/auth.dto';
import {
  AvailabilityQueryDto,
  BookingListQueryDto,
  BulkDecisionDto,
  CreateBookingDto,
  ReasonDto,
  RejectDto,
} from '../bookings/dto/bookings.dto';
import {
  AssetQueryDto,
  CreateAssetDto,
  CreateCategoryDto,
  RulesDto,
  UpdateAssetDto,
  UpdateCategoryDto,
} from '../catalogue/dto/catalogue.dto';
import { AddMemberDto, CreateGroupDto, UpdateGroupDto, UpdateMemberDto } from '../groups/dto/groups.dto';
import { UserListQueryDto } from '../users/dto/users.dto';
import { DomainError } from './domain-error';
import { PageQueryDto } from './pagination';
import { createValidationPipe } from './validation';

const ID = '3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d';
const OTHER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const text = { ko: '회의실 A', en: 'Meeting room A' };

/**
 * One full example per request interface of the contract (every optional field set), typed by the
 * interface so the compiler checks it is what a client may send. Each must pass the API's validation
 * for the DTO that receives it — the category editor's `code` would have failed here.
 */
interface Case<T> {
  dto: new () => object;
  type: 'body' | 'query';
  payload: T;
}
const body = <T>(dto: new () => object, payload: T): Case<T> => ({ dto, type: 'body', payload });
const query = <T>(dto: new () => object, payload: T): Case<T> => ({ dto, type: 'query', payload });

const CASES = {
  RegisterRequest: body<RegisterRequest>(RegisterDto, {
    email: 'minji@example.org',
    password: 'a long pass phrase 42',
    displayName: '김민지',
    locale: 'ko',
  }),
  LoginRequest: body<LoginRequest>(LoginDto, { email: 'minji@example.org', password: 'whatever it is' }),
  ChangePasswordRequest: body<ChangePasswordRequest>(ChangePasswordDto, {
    currentPassword: 'a long pass phrase 42',
    newPassword: 'another long phrase 43',
  }),
  UpdateProfileRequest: body<UpdateProfileRequest>(UpdateProfileDto, {
    displayName: 'Minji',
    locale: 'en',
    approvalNotices: 'daily_digest',
  }),
  UserListQuery: query<UserListQuery>(UserListQueryDto, {
    q: 'minji',
    role: 'approver',
    limit: 20,
    offset: 40,
  }),
  CreateGroupRequest: body<CreateGroupRequest>(CreateGroupDto, {
    name: '마을 부엌',
    kind: 'resident_team',
    description: '매주 화요일 모임',
  }),
  UpdateGroupRequest: body<UpdateGroupRequest>(UpdateGroupDto, { name: '마을 부엌', description: '모임' }),
  AddMemberRequest: body<AddMemberRequest>(AddMemberDto, { email: 'jun@example.org', isManager: true }),
  UpdateMemberRequest: body<UpdateMemberRequest>(UpdateMemberDto, { isManager: false }),
  AuditQuery: query<AuditQuery>(AuditQueryDto, {
    action: 'booking.approved',
    entityType: 'booking',
    entityId: ID,
    actorId: OTHER_ID,
    from: '2026-12-01T00:00:00+09:00',
    to: '2026-12-31T00:00:00+09:00',
    limit: 50,
    offset: 100,
  }),
  CreateCategoryRequest: body<CreateCategoryRequest>(CreateCategoryDto, {
    code: 'meeting_rooms-2',
    name: text,
    description: text,
    rules: { slotStepMinutes: 30, bufferAfterMinutes: 15 },
  }),
  UpdateCategoryRequest: body<UpdateCategoryRequest>(UpdateCategoryDto, {
    code: 'meeting-rooms',
    name: text,
    description: text,
  }),
  UpdateRulesRequest: body<UpdateRulesRequest>(RulesDto, {
    rules: { minDurationMinutes: 60, pricing: { unit: 'hour', rate: 20000, deposit: 0, waivers: [] } },
  }),
  CreateAssetRequest: body<CreateAssetRequest>(CreateAssetDto, {
    categoryId: ID,
    kind: 'space',
    name: text,
    description: text,
    capacity: 12,
    poolSize: null,
    location: '2층',
    amenities: ['projector'],
    accessibility: ['step_free'],
    active: true,
  }),
  UpdateAssetRequest: body<UpdateAssetRequest>(UpdateAssetDto, {
    categoryId: OTHER_ID,
    name: text,
    description: text,
    capacity: null,
    poolSize: 20,
    location: '1층',
    amenities: [],
    accessibility: [],
    active: false,
  }),
  AssetQuery: query<AssetQuery>(AssetQueryDto, {
    kind: 'equipment_pool',
    categoryId: ID,
    minCapacity: 4,
    tags: 'projector,step_free',
    freeFrom: '2026-12-01T10:00:00+09:00',
    freeTo: '2026-12-01T12:00:00+09:00',
    includeRetired: true,
  }),
  AvailabilityQuery: query<AvailabilityQuery>(AvailabilityQueryDto, {
    from: '2026-12-01T00:00:00Z',
    to: '2026-12-08T00:00:00Z',
    assetIds: `${ID},${OTHER_ID}`,
    categoryId: ID,
  }),
  CreateBookingRequest: body<CreateBookingRequest>(CreateBookingDto, {
    items: [
      { assetId: ID, quantity: 1 },
      { assetId: OTHER_ID, quantity: 3 },
    ],
    start: '2026-12-01T10:00:00+09:00',
    end: '2026-12-01T12:00:00+09:00',
    purpose: '주민 팀 정기 회의',
    purposeTag: 'public_interest',
    attendees: 8,
    groupId: ID,
  }),
  BookingListQuery: query<BookingListQuery>(BookingListQueryDto, {
    scope: 'all',
    decision: 'pending',
    assetId: ID,
    from: '2026-12-01T00:00:00Z',
    to: '2026-12-31T00:00:00Z',
    limit: 25,
    offset: 50,
  }),
  ApprovalQueueQuery: query<ApprovalQueueQuery>(PageQueryDto, { limit: 200, offset: 400 }),
  RejectRequest: body<RejectRequest>(RejectDto, { reason: '같은 시간에 행사가 있습니다.' }),
  CancelRequest: body<CancelRequest>(ReasonDto, { reason: '일정 변경' }),
  BulkDecisionRequest: body<BulkDecisionRequest>(BulkDecisionDto, {
    ids: [ID, OTHER_ID],
    action: 'reject',
    reason: '시설 점검',
  }),
} satisfies Record<string, Case<unknown>>;

/** A query string arrives as text: every value as the browser's URLSearchParams would send it. */
function asQueryString(payload: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

async function validate(c: Case<unknown>): Promise<unknown> {
  const metadata: ArgumentMetadata = { type: c.type, metatype: c.dto, data: undefined };
  const value = c.type === 'query' ? asQueryString(c.payload) : structuredClone(c.payload);
  return createValidationPipe().transform(value, metadata);
}

async function problemOf(c: Case<unknown>): Promise<unknown> {
  try {
    await validate(c);
    return null;
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, fields: error.fieldErrors } : error;
  }
}

describe('what clients send, typed by the contracts, passes the API validation', () => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    expect(await problemOf(c)).toBeNull();
  });

  it('refuses what the contract does not allow (so the check above can fail)', async () => {
    const extra = body<UpdateCategoryRequest & { colour: string }>(UpdateCategoryDto, {
      code: 'rooms',
      colour: 'red',
    });
    expect(await problemOf(extra)).toEqual({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'colour', code: 'unknown_field' })],
    });
    const badCode = body<UpdateCategoryRequest>(UpdateCategoryDto, { code: 'Rooms A' });
    expect(await problemOf(badCode)).toEqual({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'code', code: 'invalid' })],
    });
  });
});
