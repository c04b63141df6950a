import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/** Prometheus metrics (prom-client): HTTP, commands, appends, projection lag. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'jingsai_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'jingsai_commands_total',
    help: 'Commands handled by type and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'jingsai_command_duration_seconds',
    help: 'Command handling time (load, decide, append) by type',
    labelNames: ['command'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'jingsai_event_store_append_duration_seconds',
    help: 'Event store append latency',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'jingsai_events_appended_total',
    help: 'Events appended by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly projectionLagEvents = new Gauge({
    name: 'jingsai_projection_lag_events',
    help: 'Events in the log not yet applied to the read models',
    registers: [this.registry],
  });
  readonly projectionLagSeconds = new Gauge({
    name: 'jingsai_projection_lag_seconds',
    help: 'Age of the oldest event not yet applied to the read models',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'jingsai_' });
  }
}
