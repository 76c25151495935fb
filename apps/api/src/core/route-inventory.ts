import { DynamicModule, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { API_PREFIX } from '@madang/contracts';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators';

type ModuleRef = Type<unknown> | DynamicModule;
type Controller = Type<object>;

export interface RouteInfo {
  /** e.g. `GET /api/bookings/{id}` (path parameters in OpenAPI form). */
  route: string;
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  permission: unknown;
}

function isDynamic(module: ModuleRef): module is DynamicModule {
  return typeof module === 'object' && module !== null && 'module' in module;
}

/** Every controller of a module and of every module it imports, recursively (each once). */
export function controllersOf(root: ModuleRef): Controller[] {
  const seen = new Set<unknown>();
  const found: Controller[] = [];
  const visit = (module: ModuleRef) => {
    if (seen.has(module)) return;
    seen.add(module);
    const cls = isDynamic(module) ? module.module : module;
    const metadata = (name: string) => (Reflect.getMetadata(name, cls) ?? []) as unknown[];
    const controllers = [...metadata(MODULE_METADATA.CONTROLLERS)] as Controller[];
    const imports = [...metadata(MODULE_METADATA.IMPORTS)] as ModuleRef[];
    if (isDynamic(module)) {
      controllers.push(...((module.controllers ?? []) as Controller[]));
      imports.push(...((module.imports ?? []) as ModuleRef[]));
    }
    for (const c of controllers) if (!found.includes(c)) found.push(c);
    for (const child of imports) {
      // Only modules known at declaration time; promises and forward references are not used in Madang.
      if (typeof child === 'function' || isDynamic(child)) visit(child);
    }
  };
  visit(root);
  return found;
}

/** Every route handler of every controller reachable from `root`, with its access declaration. */
export function routesOf(root: ModuleRef): RouteInfo[] {
  const found: RouteInfo[] = [];
  for (const controller of controllersOf(root)) {
    const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const read = (key: string) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      for (const prefix of prefixes)
        for (const sub of [paths].flat()) {
          const path = `/${API_PREFIX}/${prefix ?? ''}/${sub}`
            .replace(/\/+/g, '/')
            .replace(/(.)\/$/, '$1')
            .replace(/:(\w+)/g, '{$1}');
          found.push({
            route: `${method} ${path}`,
            method,
            path,
            controller: controller.name,
            handler: name,
            isPublic: read(PUBLIC_KEY) === true,
            permission: read(PERMISSION_KEY),
          });
        }
    }
  }
  return found;
}
