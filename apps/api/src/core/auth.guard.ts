import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, Permission, SESSION_COOKIE } from '@madang/contracts';
import { timingSafeEqual } from 'node:crypto';
import { SessionService } from '../auth/session.service';
import { MadangRequest, PERMISSION_KEY, PUBLIC_KEY } from './decorators';
import { DomainError } from './domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The global guard. Deny by default: a route is reachable only when it says @Public() or
 * @RequirePermission(p) and the signed-in actor holds p. Unsafe methods must echo the CSRF cookie.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<MadangRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);

    if (!SAFE_METHODS.has(req.method)) {
      const header = req.header(CSRF_HEADER);
      const cookie = req.meta.csrfCookie;
      if (!header || !cookie || !sameToken(header, cookie)) throw new DomainError('csrf_failed');
    }

    const token = (req.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
    if (token) {
      req.actor = await this.sessions.resolveActor(token, req.meta);
    }
    if (isPublic) return true;
    if (!req.actor) throw new DomainError('unauthenticated');
    if (!permission || !req.actor.permissions.includes(permission)) throw new DomainError('forbidden');
    return true;
  }
}
