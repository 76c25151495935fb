import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MeResponse } from '@madang/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor, RequestMeta } from '../core/actor';
import { DomainError } from '../core/domain-error';
import { ActorLoader } from './actor-loader.service';
import { ChangePasswordDto, LoginDto, RegisterDto, UpdateProfileDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface SignedIn {
  me: MeResponse;
  token: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly actors: ActorLoader,
    private readonly audit: AuditService,
  ) {}

  /** Creates a resident account and signs it in. */
  async register(meta: RequestMeta, dto: RegisterDto): Promise<SignedIn> {
    const email = dto.email.trim();
    const displayName = dto.displayName.trim();
    if (!displayName)
      throw new DomainError('validation_failed', {}, {}, [{ field: 'displayName', code: 'required' }]);
    this.passwords.assertAcceptable(dto.password, 'password', { email, displayName });
    // Registrations per address are throttled: mass sign-ups and e-mail probing hit 429.
    const attempt = await this.throttle.admit('register', normalizeEmail(email), meta.ip);
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      const signedIn = await this.db.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(UserEntity, {
            email,
            emailNormalized: normalizeEmail(email),
            displayName,
            locale: dto.locale,
            passwordHash,
          }),
        );
        await manager.insert(UserRoleEntity, { userId: user.id, role: 'resident', grantedBy: null });
        await this.audit.record(
          manager,
          { userId: user.id, requestId: meta.requestId },
          {
            action: 'user.registered',
            entityType: 'user',
            entityId: user.id,
            after: { email, displayName, locale: dto.locale, roles: ['resident'] },
          },
        );
        const { token } = await this.sessions.open(manager, user.id, meta);
        return { token, me: await this.meWith(manager, user.id) };
      });
      await this.throttle.succeeded(attempt);
      return signedIn;
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'users_email_normalized_key'
      ) {
        throw new DomainError('email_taken', {}, {}, [{ field: 'email', code: 'invalid' }]);
      }
      throw error;
    }
  }

  /** Verifies the password, throttling guesses; opens a fresh session (the old one, if any, is revoked). */
  async login(meta: RequestMeta, dto: LoginDto, previousSessionId?: string): Promise<SignedIn> {
    const email = normalizeEmail(dto.email);
    // Decided and recorded atomically before the password is checked (see LoginThrottleService).
    const attempt = await this.throttle.admit('login', email, meta.ip);
    const user = await this.db.getRepository(UserEntity).findOneBy({ emailNormalized: email });
    const ok = user
      ? await this.passwords.verify(dto.password, user.passwordHash)
      : (await this.passwords.burn(dto.password), false);
    if (ok) await this.throttle.succeeded(attempt);
    if (!user || !ok) throw new DomainError('invalid_credentials');
    return this.db.transaction(async (manager) => {
      if (previousSessionId) await this.sessions.revoke(manager, previousSessionId);
      const { token, session } = await this.sessions.open(manager, user.id, meta);
      await this.audit.record(
        manager,
        { userId: user.id, requestId: meta.requestId },
        {
          action: 'auth.signed_in',
          entityType: 'session',
          entityId: session.id,
          after: { ip: meta.ip },
        },
      );
      return { token, me: await this.meWith(manager, user.id) };
    });
  }

  async logout(actor: Actor | undefined, meta: RequestMeta): Promise<void> {
    if (!actor) return;
    await this.db.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(
        manager,
        { userId: actor.userId, requestId: meta.requestId },
        {
          action: 'auth.signed_out',
          entityType: 'session',
          entityId: actor.sessionId,
        },
      );
    });
  }

  me(actor: Actor): Promise<MeResponse> {
    return this.actors.me(actor.userId);
  }

  async updateProfile(actor: Actor, dto: UpdateProfileDto): Promise<MeResponse> {
    return this.db.transaction(async (manager) => {
      const user = await manager.findOneByOrFail(UserEntity, { id: actor.userId });
      const before = {
        displayName: user.displayName,
        locale: user.locale,
        approvalNotices: user.approvalNotices,
      };
      const displayName = dto.displayName?.trim();
      if (dto.displayName !== undefined && !displayName) {
        throw new DomainError('validation_failed', {}, {}, [{ field: 'displayName', code: 'required' }]);
      }
      const after = {
        displayName: displayName ?? user.displayName,
        locale: dto.locale ?? user.locale,
        approvalNotices: dto.approvalNotices ?? user.approvalNotices,
      };
      await manager.update(UserEntity, { id: user.id }, after);
      await this.audit.record(manager, actor, {
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: user.id,
        before,
        after,
      });
      return this.meWith(manager, user.id);
    });
  }

  /** Changes the password and signs out every other session of the user. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    // The current-password check is a password guess too: throttled like sign-in.
    const attempt = await this.throttle.admit('password', user.emailNormalized, actor.ip);
    const currentOk = await this.passwords.verify(dto.currentPassword, user.passwordHash);
    if (currentOk) await this.throttle.succeeded(attempt);
    if (!currentOk) {
      throw new DomainError('wrong_current_password', {}, {}, [
        { field: 'currentPassword', code: 'invalid' },
      ]);
    }
    this.passwords.assertAcceptable(dto.newPassword, 'newPassword', {
      email: user.email,
      displayName: user.displayName,
    });
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.db.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.sessions.revokeOthers(manager, user.id, actor.sessionId);
      await this.audit.record(manager, actor, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  private meWith(manager: EntityManager, userId: string): Promise<MeResponse> {
    return this.actors.me(userId, manager);
  }
}
