import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EVENT_STORE, EventStore, ProjectionRunner, ReadModelDatabase } from '@jingsai/event-store';
import { Public } from '@jingsai/auth';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '@jingsai/api-kit';
import { MetricsService } from '@jingsai/api-kit';

/**
 * More events than this between the log's head and the read models and the service is not ready:
 * it is catching up (a read-model file deleted, a projection replayed from the start), and its
 * answers would miss whole campaigns. Under load the lag is tens of events.
 */
export const READY_MAX_LAG_EVENTS = 1000;

/** Liveness, readiness (store reachable, read models caught up) and Prometheus metrics, at the root. */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok', 状态: '正常' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: { status(code: number): unknown }) {
    let storeOk = true;
    let head = 0;
    try {
      head = await this.store.headPosition();
    } catch {
      storeOk = false;
    }
    const lag = storeOk ? await this.runner.lag() : { events: null, seconds: null };
    // A rebuild that died leaves its flag; it stops counting once its heartbeat is a minute old.
    const rebuilding = this.readDb.rebuildingNow();
    const failure = this.runner.failure;
    const catchingUp = lag.events !== null && lag.events > READY_MAX_LAG_EVENTS;
    const ready = storeOk && !rebuilding && !failure && !catchingUp;
    if (!ready) reply.status(503);
    return {
      status: ready ? 'ready' : 'not_ready',
      eventStore: storeOk ? { reachable: true, headPosition: head } : { reachable: false },
      readModels: { position: this.runner.position(), lagEvents: lag.events, lagSeconds: lag.seconds, catchingUp, rebuilding, failure },
    };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async metricsText(): Promise<string> {
    const lag = await this.runner.lag().catch(() => null);
    if (lag) {
      this.metrics.projectionLagEvents.set(lag.events);
      this.metrics.projectionLagSeconds.set(lag.seconds);
    }
    return this.metrics.registry.metrics();
  }
}
