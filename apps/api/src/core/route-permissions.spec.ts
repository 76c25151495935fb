import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ALL_PERMISSIONS } from '@madang/contracts';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators';

type Controller = new (...args: never[]) => object;

/** Every route handler of every controller the app mounts. */
function routes() {
  const module = AppModule.forRoot(loadConfig({ DATABASE_URL: 'postgres://x@localhost/x' }));
  const found: { route: string; isPublic: boolean; permission: unknown }[] = [];
  for (const controller of (module.controllers ?? []) as Controller[]) {
    const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const read = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      found.push({
        route: `${method} /api/${prefix}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        isPublic: read(PUBLIC_KEY) === true,
        permission: read(PERMISSION_KEY),
      });
    }
  }
  return found;
}

describe('route permissions', () => {
  const all = routes();

  it('finds the routes', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((r) => r.route)).toContain('POST /api/auth/login');
  });

  it.each(all.map((r) => [r.route, r] as const))('%s is public or names a permission', (_route, r) => {
    expect(r.isPublic || ALL_PERMISSIONS.includes(r.permission as never)).toBe(true);
  });

  it('declares no route both public and permissioned', () => {
    expect(all.filter((r) => r.isPublic && r.permission)).toEqual([]);
  });
});
