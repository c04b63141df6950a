import { INestApplication, RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

/** A class: a controller or a DTO. */
export type Class = abstract new (...args: never[]) => unknown;

/** A route as the OpenAPI document names it, with what its handler's metadata says about it. */
export interface DocumentedRoute {
  /** Lower case, as in the document: `get`, `post`, … */
  method: string;
  /** OpenAPI form: /api/v1/projects/{projectId} */
  path: string;
  /** The class of its `@Query()` DTO, if it has one. */
  queryDto?: Class;
  /** Whether a `@UseInterceptors()` on the controller or the handler names this interceptor. */
  intercepted(interceptor: Class): boolean;
}

const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
const asArray = (v: unknown): string[] => (Array.isArray(v) ? v : [v ?? '']).map(String);

/**
 * Every route of every controller, read from Nest's routing metadata, so the document's
 * post-processing follows the code (which GETs answer 304, which query DTO a route validates)
 * instead of a list kept by hand.
 */
export function documentedRoutes(app: INestApplication): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as (Class & { prototype: Record<string, unknown> }) | null;
      if (!controller) continue;
      const controllerInterceptors: unknown[] = Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? [];
      for (const base of asArray(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          if (method === undefined) continue;
          const interceptors = [...controllerInterceptors, ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[]) ?? [])];
          const queryDto = queryDtoOf(controller, name);
          for (const sub of asArray(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({
              method: RequestMethod[method].toLowerCase(),
              path: join(base, sub).replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
              ...(queryDto ? { queryDto } : {}),
              intercepted: (interceptor) => interceptors.includes(interceptor),
            });
          }
        }
      }
    }
  }
  return routes;
}

/** The DTO class of a handler's whole-query `@Query()` argument. */
function queryDtoOf(controller: Class & { prototype: object }, name: string): Class | undefined {
  const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || arg.data !== undefined) continue;
    const type = types[arg.index];
    if (typeof type === 'function' && type !== Object) return type as Class;
  }
  return undefined;
}
