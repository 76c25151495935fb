import { Controller, Get, Module } from '@nestjs/common';
import { ALL_PERMISSIONS, PERMISSIONS } from '@madang/contracts';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { Public, RequirePermission } from './decorators';
import { RouteInfo, routesOf } from './route-inventory';

const declaresAccess = (r: RouteInfo) => r.isPublic || ALL_PERMISSIONS.includes(r.permission as never);
const undeclared = (routes: RouteInfo[]) => routes.filter((r) => !declaresAccess(r)).map((r) => r.route);

describe('route permissions', () => {
  const all = routesOf(AppModule.forRoot(loadConfig({ DATABASE_URL: 'postgres://x@localhost/x' })));

  it('finds the routes of every feature module', () => {
    const routes = all.map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/health',
        'GET /api/users',
        'GET /api/groups',
        'GET /api/audit',
        'GET /api/notifications',
        'GET /api/categories',
        'POST /api/bookings',
      ]),
    );
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all.map((r) => [r.route, r] as const))('%s is public or names a permission', (_route, r) => {
    expect(declaresAccess(r)).toBe(true);
  });

  it('declares no route both public and permissioned', () => {
    expect(all.filter((r) => r.isPublic && r.permission)).toEqual([]);
  });

  it('fails for an unguarded route in a feature module imported two levels down', () => {
    @Controller('leaky')
    class LeakyController {
      @Get('secrets')
      secrets(): string {
        return 'oops';
      }
      @Get('open')
      @Public()
      open(): string {
        return 'fine';
      }
      @Get('guarded')
      @RequirePermission(PERMISSIONS.USERS_READ)
      guarded(): string {
        return 'fine';
      }
    }
    @Module({ controllers: [LeakyController] })
    class LeakyFeatureModule {}
    @Module({ imports: [LeakyFeatureModule] })
    class DomainModule {}
    const root = { module: class Root {}, imports: [DomainModule] };

    expect(undeclared(routesOf(root))).toEqual(['GET /api/leaky/secrets']);
  });
});
