import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { prepared, runPrepared } from '../database/prepared';
import type { Actor, RequestMeta } from '../core/actor';
import { ACTOR_COLUMNS, ActorLoader, ActorRow } from './actor-loader.service';
import { SessionEntity } from './session.entity';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Refresh `last_seen_at` at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** The live session of a token hash and its user; refreshes `last_seen_at` when older than $3 s. */
const RESOLVE_ACTOR = prepared(
  'session_resolve_actor',
  `WITH s AS (
     SELECT id, user_id, last_seen_at FROM sessions
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(mins => $2)),
   touch AS (
     UPDATE sessions SET last_seen_at = now() FROM s
      WHERE sessions.id = s.id AND s.last_seen_at < now() - make_interval(secs => $3) RETURNING 1)
   SELECT s.id AS session_id, ${ACTOR_COLUMNS} FROM s JOIN users u ON u.id = s.user_id`,
);

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly actors: ActorLoader,
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

  /**
   * Who holds this cookie token: the live session (not revoked, not idle too long, not expired) and its
   * user with roles and groups — one round trip, which also refreshes `last_seen_at` at most once a minute.
   */
  async resolveActor(token: string, meta: RequestMeta): Promise<Actor | undefined> {
    if (!token || token.length > 100) return undefined;
    const rows = await runPrepared<ActorRow & { session_id: string }>(this.db.manager, RESOLVE_ACTOR, [
      hashToken(token),
      this.config.SESSION_IDLE_MINUTES,
      TOUCH_EVERY_MS / 1000,
    ]);
    return rows[0] ? this.actors.toActor(rows[0], rows[0].session_id, meta) : undefined;
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
