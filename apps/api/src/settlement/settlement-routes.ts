import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY, PUBLIC_KEY } from '../core/decorators';
import { SettlementModule } from './settlement.module';

type Controller = new (...args: never[]) => object;

/** Every settlement route with its permission (for the route tests: no route without one). */
export function settlementRoutes(): {
  method: string;
  path: string;
  permission: unknown;
  isPublic: boolean;
}[] {
  const controllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, SettlementModule) ??
    []) as Controller[];
  const found: { method: string; path: string; permission: unknown; isPublic: boolean }[] = [];
  for (const controller of controllers) {
    const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const read = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      found.push({
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `/api/${prefix}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        permission: read(PERMISSION_KEY),
        isPublic: read(PUBLIC_KEY) === true,
      });
    }
  }
  return found;
}
