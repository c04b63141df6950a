/**
 * Which methods each registered route answers, so that a request with a method a known path
 * does not take is told 405 and the methods it does take (`Allow`), not 404 "no such address".
 * Fed from Fastify's `onRoute` hook; patterns are Fastify's (`:param`, a trailing `*`).
 */
export class RouteMethods {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(method: string | string[], url: string): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      this.routes.push({ pattern: patternOf(url), methods });
    }
    for (const m of Array.isArray(method) ? method : [method]) methods.add(m.toUpperCase());
    // Fastify answers HEAD wherever it answers GET.
    if (methods.has('GET')) methods.add('HEAD');
  }

  /**
   * A method the fixed route at exactly this path (no parameter in it, e.g. `/api/v1/campaigns/catalogue`) does not
   * take: the methods it takes, sorted, since the router would hand the request to a route with a parameter in that
   * place (`PATCH /campaigns/:campaignId`), which would answer as if the word were an id (review 41 #6). Null when
   * no fixed route is at the path or it takes the method.
   */
  fixedRouteRefuses(method: string, url: string): string[] | null {
    // As the router reads a parameter: decoded (PATCH /campaigns/%63atalogue is the same address; review 47 #9).
    const path = url.split('?', 1)[0]!;
    let decoded = path;
    // Every request passes here: only a path with an escape is decoded.
    if (path.includes('%')) {
      try {
        decoded = decodeURIComponent(path);
      } catch {
        // Malformed escapes: the router refuses those itself.
      }
    }
    const methods = this.byUrl.get(decoded);
    if (!methods || methods.has(method) || method === 'OPTIONS') return null;
    return [...methods].sort();
  }

  /** The methods some route takes at this path (its query ignored), sorted; empty for an unknown path. */
  allowedAt(url: string): string[] {
    const path = url.split('?', 1)[0]!;
    const allowed = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    return [...allowed].sort();
  }
}

function patternOf(url: string): RegExp {
  const body = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      // A segment may mix text and parameters (`:a-:b`); a parameter never crosses a slash.
      return segment
        .split(/(:[A-Za-z0-9_]+)/)
        .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    })
    .join('/');
  return new RegExp(`^${body}/?$`);
}
