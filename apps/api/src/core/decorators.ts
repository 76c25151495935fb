import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@madang/contracts';
import type { Request } from 'express';
import type { Actor, RequestMeta } from './actor';
import { DomainError } from './domain-error';

export const PUBLIC_KEY = 'madang:public';
export const PERMISSION_KEY = 'madang:permission';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** The signed-in actor must hold this permission. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

export interface MadangRequest extends Request {
  actor?: Actor;
  meta: RequestMeta;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<MadangRequest>().actor;
  if (!actor) throw new DomainError('unauthenticated');
  return actor;
});

/** The actor when signed in, otherwise undefined (for public routes). */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | undefined =>
    ctx.switchToHttp().getRequest<MadangRequest>().actor,
);

export const Meta = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestMeta => ctx.switchToHttp().getRequest<MadangRequest>().meta,
);
