import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { prepared, runPrepared } from '../database/prepared';
import { ACTOR_COLUMNS, ActorRow } from './actor-loader.service';
import { SessionEntity } from './session.entity';

export type NewSession = Pick<
  SessionEntity,
  'tokenHash' | 'userId' | 'lastSeenAt' | 'expiresAt' | 'ip' | 'userAgent'
>;

/**
 * Hot path (every signed-in request): the live session of a token hash and its user; refreshes
 * `last_seen_at` when older than $3 seconds. $2 is the idle timeout in minutes.
 */
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

/** Sign-in sessions (only the token's hash is stored). */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  insert(tx: EntityManager, session: NewSession): Promise<SessionEntity> {
    return tx.save(tx.create(SessionEntity, { ...session, revokedAt: null }));
  }

  async liveActor(
    tokenHash: string,
    idleMinutes: number,
    touchEverySeconds: number,
  ): Promise<(ActorRow & { session_id: string }) | undefined> {
    const rows = await runPrepared<ActorRow & { session_id: string }>(this.db.manager, RESOLVE_ACTOR, [
      tokenHash,
      idleMinutes,
      touchEverySeconds,
    ]);
    return rows[0];
  }

  async revoke(tx: EntityManager, sessionId: string): Promise<void> {
    await tx.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Revokes every live session of a user except `keep`. */
  async revokeAllBut(tx: EntityManager, userId: string, keep?: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .andWhere(keep ? 'id <> :keep' : 'TRUE', { keep })
      .execute();
  }
}
