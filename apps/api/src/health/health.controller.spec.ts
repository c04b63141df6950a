import { HealthController, READY_MAX_LAG_EVENTS } from './health.controller';

describe('GET /ready', () => {
  const ready = async (lagEvents: number, extra: { rebuilding?: boolean; failure?: object | null } = {}) => {
    let status = 200;
    const controller = new HealthController(
      { headPosition: async () => 5_000 } as never,
      { lag: async () => ({ events: lagEvents, seconds: 0.5 }), failure: extra.failure ?? null, position: () => 5_000 - lagEvents } as never,
      { rebuildingNow: () => extra.rebuilding ?? false } as never,
      {} as never,
    );
    const body = await controller.ready({ status: (code: number) => (status = code) });
    return { status, body };
  };

  it('is ready under ordinary lag, and not while the read models catch up from far behind (a deleted read-model file, a replay)', async () => {
    await expect(ready(36)).resolves.toMatchObject({ status: 200, body: { status: 'ready', readModels: { lagEvents: 36, catchingUp: false } } });
    await expect(ready(READY_MAX_LAG_EVENTS + 1)).resolves.toMatchObject({ status: 503, body: { status: 'not_ready', readModels: { catchingUp: true } } });
  });

  it('is not ready while rebuilding or after a projection failed, whatever the lag', async () => {
    await expect(ready(0, { rebuilding: true })).resolves.toMatchObject({ status: 503 });
    await expect(ready(0, { failure: { message: 'x' } })).resolves.toMatchObject({ status: 503 });
  });
});
