import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { RequestMeta } from '../core/actor';
import { SessionEntity } from './session.entity';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Refresh `last_seen_at` at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Opens a new session and returns the token for the cookie (only its hash is stored). */
  async open(
    manager: EntityManager,
    userId: string,
    meta: RequestMeta,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = await manager.save(
      manager.create(SessionEntity, {
        tokenHash: hashToken(token),
        userId,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
        revokedAt: null,
        ip: meta.ip,
        userAgent: meta.userAgent,
      }),
    );
    return { token, session };
  }

  /** The live session for a cookie token, or undefined when unknown, revoked, idle too long or expired. */
  async resolve(token: string): Promise<SessionEntity | undefined> {
    if (!token || token.length > 100) return undefined;
    const session = await this.db
      .getRepository(SessionEntity)
      .findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    if (!session) return undefined;
    const now = Date.now();
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now >= session.expiresAt.getTime() || now >= idleLimit) return undefined;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.db.getRepository(SessionEntity).update({ id: session.id }, { lastSeenAt: new Date(now) });
    }
    return session;
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Revokes every session of a user except `keep` (after a password change, say). */
  async revokeOthers(manager: EntityManager, userId: string, keep?: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .andWhere(keep ? 'id <> :keep' : 'TRUE', { keep })
      .execute();
  }
}
