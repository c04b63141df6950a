import { RouteMethods } from './route-methods';

describe('RouteMethods (which methods a path takes, for 405)', () => {
  const routes = new RouteMethods();
  routes.add('GET', '/api/v1/projects/:projectId');
  routes.add('POST', '/api/v1/projects/:projectId/submit');
  routes.add(['POST', 'PUT'], '/api/v1/honours/:id/check');
  routes.add('GET', '/api/docs/*');
  routes.add('GET', '/api/v1/files/:name.csv');

  it('collects every method of the routes a path matches, HEAD with GET, the query ignored', () => {
    expect(routes.allowedAt('/api/v1/projects/p-1?minPosition=3')).toEqual(['GET', 'HEAD']);
    expect(routes.allowedAt('/api/v1/projects/p-1/submit')).toEqual(['POST']);
    expect(routes.allowedAt('/api/v1/honours/r%2Fn/check')).toEqual(['POST', 'PUT']);
    expect(routes.allowedAt('/api/docs/static/index.html')).toEqual(['GET', 'HEAD']);
  });

  it('matches a parameter within one segment only, and literal text literally', () => {
    expect(routes.allowedAt('/api/v1/projects/p-1/other')).toEqual([]);
    expect(routes.allowedAt('/api/v1/projects')).toEqual([]);
    expect(routes.allowedAt('/api/v1/files/a.csv')).toEqual(['GET', 'HEAD']);
    expect(routes.allowedAt('/api/v1/files/acsv')).toEqual([]);
  });
});

describe('RouteMethods.fixedRouteRefuses (a word a route with an id in its place would take as an id)', () => {
  const routes = new RouteMethods();
  routes.add('GET', '/api/v1/campaigns/catalogue');
  routes.add('PATCH', '/api/v1/campaigns/:campaignId');
  routes.add(['GET', 'POST'], '/api/v1/campaigns');

  it('names what the fixed route takes when it does not take the method (review 41 #6)', () => {
    expect(routes.fixedRouteRefuses('PATCH', '/api/v1/campaigns/catalogue')).toEqual(['GET', 'HEAD']);
    expect(routes.fixedRouteRefuses('DELETE', '/api/v1/campaigns?x=1')).toEqual(['GET', 'HEAD', 'POST']);
    // Written with an escape, it is the same address (review 47 #9); a malformed escape is left to the router.
    expect(routes.fixedRouteRefuses('PATCH', '/api/v1/campaigns/%63atalogue')).toEqual(['GET', 'HEAD']);
    expect(routes.fixedRouteRefuses('PATCH', '/api/v1/campaigns/%E0%A4%A')).toBeNull();
  });

  it('leaves alone a method the fixed route takes, an id, and OPTIONS (CORS preflight)', () => {
    expect(routes.fixedRouteRefuses('GET', '/api/v1/campaigns/catalogue')).toBeNull();
    expect(routes.fixedRouteRefuses('HEAD', '/api/v1/campaigns/catalogue')).toBeNull();
    expect(routes.fixedRouteRefuses('PATCH', '/api/v1/campaigns/jj-2021')).toBeNull();
    expect(routes.fixedRouteRefuses('OPTIONS', '/api/v1/campaigns/catalogue')).toBeNull();
  });
});
