import { AuditLogEntity } from '../audit/audit-log.entity';
import { LoginAttemptEntity } from '../auth/login-attempt.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserRoleEntity } from '../auth/user-role.entity';
import { UserEntity } from '../auth/user.entity';
import { GroupMemberEntity } from '../groups/group-member.entity';
import { GroupEntity } from '../groups/group.entity';

/** Every entity, as a class list: the API is bundled, so globs would find nothing. */
export const ENTITIES = [
  UserEntity,
  UserRoleEntity,
  SessionEntity,
  LoginAttemptEntity,
  GroupEntity,
  GroupMemberEntity,
  AuditLogEntity,
];
