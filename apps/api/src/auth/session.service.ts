import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Actor, RequestMeta } from '../core/actor';
import { ActorLoader } from './actor-loader.service';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** Refresh `last_seen_at` at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionsRepository,
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
    const session = await this.sessions.insert(manager, {
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { token, session };
  }

  /**
   * Who holds this cookie token: the live session (not revoked, not idle too long, not expired) and its
   * user with roles and groups — one round trip, which also refreshes `last_seen_at` at most once a minute.
   */
  async resolveActor(token: string, meta: RequestMeta): Promise<Actor | undefined> {
    if (!token || token.length > 100) return undefined;
    const row = await this.sessions.liveActor(
      hashToken(token),
      this.config.SESSION_IDLE_MINUTES,
      TOUCH_EVERY_MS / 1000,
    );
    return row ? this.actors.toActor(row, row.session_id, meta) : undefined;
  }

  revoke(manager: EntityManager, sessionId: string): Promise<void> {
    return this.sessions.revoke(manager, sessionId);
  }

  /** Revokes every session of a user except `keep` (after a password change, say). */
  revokeOthers(manager: EntityManager, userId: string, keep?: string): Promise<void> {
    return this.sessions.revokeAllBut(manager, userId, keep);
  }
}
