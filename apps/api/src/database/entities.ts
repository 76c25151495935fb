import { AuditLogEntity } from '../platform/audit/audit-log.entity';
import { BookingItemEntity } from '../bookings/booking-item.entity';
import { BookingEntity } from '../bookings/booking.entity';
import { AssetRuleVersionEntity } from '../catalogue/asset-rule-version.entity';
import { AssetEntity } from '../catalogue/asset.entity';
import { CategoryEntity } from '../catalogue/category.entity';
import { NotificationEntity } from '../platform/notifications/notification.entity';
import { LoginAttemptEntity } from '../auth/login-attempt.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserRoleEntity } from '../auth/user-role.entity';
import { UserEntity } from '../auth/user.entity';
import { GroupMemberEntity } from '../groups/group-member.entity';
import { GroupEntity } from '../groups/group.entity';
import { ExportRunEntity } from '../platform/exports/export-run.entity';
import { FileContentEntity } from '../platform/files/file-content.entity';
import { FileEntity } from '../platform/files/file.entity';
import { SETTLEMENT_ENTITIES } from '../settlement/entities';
import { DESK_ENTITIES } from '../bookings/desk/desk.entities';
import { BookingSeriesEntity } from '../bookings/series/booking-series.entity';
import { LIVING_LAB_ENTITIES } from '../living-labs/entities';
import { RECRUITMENT_ENTITIES } from '../recruitment/entities';
import { BOOKING_NOTIFY_ENTITIES } from '../bookings/booking-notify.entities';
import { PhotoVariantEntity } from '../catalogue/photo-variant.entity';

/** Every entity, as a class list: the API is bundled, so globs would find nothing. */
export const ENTITIES = [
  UserEntity,
  UserRoleEntity,
  SessionEntity,
  LoginAttemptEntity,
  GroupEntity,
  GroupMemberEntity,
  AuditLogEntity,
  CategoryEntity,
  AssetEntity,
  AssetRuleVersionEntity,
  BookingEntity,
  BookingItemEntity,
  NotificationEntity,
  FileEntity,
  FileContentEntity,
  ExportRunEntity,
  ...SETTLEMENT_ENTITIES,
  ...DESK_ENTITIES,
  BookingSeriesEntity,
  ...LIVING_LAB_ENTITIES,
  ...RECRUITMENT_ENTITIES,
  ...BOOKING_NOTIFY_ENTITIES,
  PhotoVariantEntity,
];
