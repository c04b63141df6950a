import { DynamicModule, Global, Inject, Injectable, Logger, Module, BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EventBus } from '@nestjs/cqrs';
import { BodyShapeGuard } from '../http/body-shape.guard';
import { ConsistencyGuard } from '../http/consistency.guard';
import {
  AggregateRepository,
  EVENT_STORE,
  EventStore,
  Projection,
  ProjectionRunner,
  ReadModelDatabase,
  SqliteEventStore,
  SqliteSnapshotStore,
  StateCache,
  ThreadedProjectionRunner,
  siblingScript,
  Upcaster,
  UpcasterRegistry,
} from '@jingsai/event-store';
import { AdjustableClock, CLOCK, Clock, RecordedEvent } from '@jingsai/shared';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import { ensureWritableDir } from './data-dir';
import { InstrumentedEventStore } from './instrumented-event-store';
import { foldingCodeVersion } from './snapshot-version';
import type { ProjectionWorkerData } from './projection-worker';
import { COMPETITIONS_DOMAIN_DIR, projectDecider } from '@jingsai/competitions';
import {
  APP_CONFIG, CommandExecutor, DeadlineScheduler, MetricsService, PROJECTION_RUNNER, QUERY_CACHE_OPTIONS, QueryCache, QueryCacheInterceptor, READ_MODEL_DB, ReadConsistency, SCHEDULER_OPTIONS,
} from '@jingsai/api-kit';

/** Published on the Nest EventBus after an append succeeded (persist first, publish second). */
export class EventsAppended {
  constructor(readonly events: RecordedEvent[]) {}
}

export interface PersistenceOptions {
  projections: Projection[];
  upcasters?: Upcaster[];
  schemaVersions?: Record<string, number>;
  /** Tests pass their own clock (and store) to move time. */
  clock?: Clock;
  store?: EventStore;
  /** The projections are the contexts' own (projection-worker.ts loads the same): they may run in a worker thread. */
  projectionWorker?: boolean;
}

/** The persistent snapshots of long project streams (null when SNAPSHOT_MIN_EVENTS is 0). */
const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');

function openSnapshots(config: AppConfig, upcasters: UpcasterRegistry): SqliteSnapshotStore | null {
  if (config.SNAPSHOT_MIN_EVENTS === 0) return null;
  ensureWritableDir(path.dirname(config.snapshotPath), 'snapshot');
  // A state is folded from upcast events: a new or changed upcaster must drop snapshots as a new evolve does.
  return new SqliteSnapshotStore({ path: config.snapshotPath, version: foldingCodeVersion([COMPETITIONS_DOMAIN_DIR], [upcasters.fingerprint()]) });
}

async function openStore(config: AppConfig): Promise<EventStore> {
  if (config.EVENT_STORE === 'kurrentdb') {
    // Loaded lazily so the gRPC client is only required when it is used.
    const { KurrentDbEventStore } = await import('@jingsai/event-store/kurrentdb');
    return new KurrentDbEventStore({ connectionString: config.KURRENTDB_CONNECTION_STRING! });
  }
  ensureWritableDir(path.dirname(config.sqlitePath), 'event store');
  return new SqliteEventStore({
    path: config.sqlitePath,
    synchronous: config.SQLITE_SYNCHRONOUS,
    cacheSizeKb: config.SQLITE_CACHE_MB * 1024,
    writerThread: config.SQLITE_WRITER_THREAD,
  });
}

/**
 * Projections run in a worker thread when the store is this process's SQLite file and the
 * projections are the contexts' own: a batch of projection work then never holds up a command.
 */
function projectionThread(config: AppConfig, options: PersistenceOptions): boolean {
  return (
    config.PROJECTIONS_THREAD &&
    !!options.projectionWorker &&
    !options.store &&
    config.EVENT_STORE === 'sqlite' &&
    // Another connection to ':memory:' is another database.
    config.sqlitePath !== ':memory:' &&
    config.readModelPath !== ':memory:'
  );
}

@Injectable()
class PersistenceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SqliteSnapshotStore | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.PROJECTIONS_ENABLED) await this.runner.start();
  }

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`${signal ?? 'shutdown'} received: taking no new connections, answering the requests in flight, then closing the log and read models`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.logger.log('projections stopped');
    await this.store.close();
    this.readDb.close();
    this.snapshots?.close();
    this.logger.log('event store and read models closed');
  }
}

/**
 * The event store (SQLite by default, KurrentDB when configured), the command repository,
 * the read-model database and the projection runner, for the whole app.
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig, options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? new AdjustableClock(config.CLOCK_START) },
        MetricsService,
        {
          provide: EVENT_STORE,
          inject: [MetricsService],
          useFactory: async (metrics: MetricsService) => new InstrumentedEventStore(options.store ?? (await openStore(config)), metrics.appendDuration),
        },
        { provide: UpcasterRegistry, useFactory: () => new UpcasterRegistry().register(...(options.upcasters ?? [])) },
        { provide: SNAPSHOT_STORE, inject: [UpcasterRegistry], useFactory: (upcasters: UpcasterRegistry) => openSnapshots(config, upcasters) },
        {
          provide: AggregateRepository,
          inject: [EVENT_STORE, UpcasterRegistry, EventBus, SNAPSHOT_STORE, ReadConsistency],
          useFactory: (store: EventStore, upcasters: UpcasterRegistry, bus: EventBus, snapshots: SqliteSnapshotStore | null, consistency: ReadConsistency) =>
            new AggregateRepository(store, upcasters, {
              // States folded from at most 100,000 events (of at most 5,000 streams): a state grows with its
              // stream (scores, findings, the id of every report), so a count of streams alone does not bound memory.
              ...(config.STATE_CACHE_EVENTS > 0 ? { stateCache: new StateCache(Math.max(1, Math.floor(config.STATE_CACHE_EVENTS / 20)), config.STATE_CACHE_EVENTS) } : {}),
              // The service's commands all append through this repository: a kept state is read again only after another
              // process (or the writer thread) has written to the log.
              soleWriterOfStore: true,
              schemaVersions: options.schemaVersions ?? {},
              listeners: [
                // Queries that name no position wait for these (ReadConsistency.settle).
                { onAppended: (events) => consistency.noteWritten(events[events.length - 1]?.position ?? 0) },
                { onAppended: (events) => bus.publish(new EventsAppended(events)) },
              ],
              // A project's stream is the one that grows long (a year of reports and corrections); a cold
              // load of one then reads its snapshot and the events after it, never the whole stream.
              ...(snapshots ? { snapshots: { store: snapshots, deciders: [projectDecider], minEvents: config.SNAPSHOT_MIN_EVENTS } } : {}),
            }),
        },
        {
          provide: READ_MODEL_DB,
          useFactory: () => {
            ensureWritableDir(path.dirname(config.readModelPath), 'read model');
            return new ReadModelDatabase(config.readModelPath, { cacheSizeKb: config.READ_MODEL_CACHE_MB * 1024 });
          },
        },
        {
          provide: PROJECTION_RUNNER,
          inject: [EVENT_STORE, READ_MODEL_DB, UpcasterRegistry],
          useFactory: (store: EventStore, db: ReadModelDatabase, upcasters: UpcasterRegistry) =>
            projectionThread(config, options)
              ? new ThreadedProjectionRunner(store, db, options.projections, {
                  upcasters,
                  logger: new Logger('Projections'),
                  entry: siblingScript(__dirname, __filename, 'projection-worker'),
                  workerData: {
                    eventsPath: path.resolve(config.sqlitePath),
                    readModelPath: path.resolve(config.readModelPath),
                    logCacheKb: 2048,
                    readModelCacheKb: (config.READ_MODEL_CACHE_MB * 1024) / 4,
                  } satisfies ProjectionWorkerData,
                  resourceLimits: { maxOldGenerationSizeMb: config.PROJECTION_HEAP_MB, maxYoungGenerationSizeMb: 8 },
                })
              : new ProjectionRunner(store, db, options.projections, { upcasters, logger: new Logger('Projections') }),
        },
        PersistenceLifecycle,
        ReadConsistency,
        CommandExecutor,
        { provide: SCHEDULER_OPTIONS, useValue: { enabled: config.SCHEDULER_ENABLED, intervalMs: config.SCHEDULER_INTERVAL_MS } },
        DeadlineScheduler,
        { provide: APP_GUARD, useClass: ConsistencyGuard },
        { provide: APP_GUARD, useClass: BodyShapeGuard },
        { provide: QUERY_CACHE_OPTIONS, useValue: { megabytes: config.QUERY_CACHE_MB } },
        QueryCache,
        QueryCacheInterceptor,
      ],
      exports: [
        APP_CONFIG, CLOCK, EVENT_STORE, UpcasterRegistry, AggregateRepository, READ_MODEL_DB, PROJECTION_RUNNER, ReadConsistency, MetricsService, CommandExecutor,
        DeadlineScheduler, QueryCache, QueryCacheInterceptor,
      ],
    };
  }
}
