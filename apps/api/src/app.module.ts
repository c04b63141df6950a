import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '@jingsai/audit';
import { AuthModule } from '@jingsai/auth';
import { EventStore, Projection, Upcaster } from '@jingsai/event-store';
import { Clock } from '@jingsai/shared';
import { AppConfig } from './config/app-config';
import { AdminClockController } from './admin/admin-clock.controller';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { PersistenceModule } from './infrastructure/persistence.module';
import { CONTEXT_MODULES, CONTEXT_PROJECTIONS, CONTEXT_SCHEMA_VERSIONS, CONTEXT_UPCASTERS } from './contexts';

export interface AppModuleOptions {
  clock?: Clock;
  store?: EventStore;
  extraProjections?: Projection[];
  extraUpcasters?: Upcaster[];
}

/** The API: persistence, auth, health, and one module per bounded context. */
@Module({})
export class AppModule {
  static register(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        AuthModule.register({
          secret: config.JWT_SECRET,
          publicKey: config.JWT_PUBLIC_KEY,
          privateKey: config.JWT_PRIVATE_KEY,
          issuer: config.JWT_ISSUER,
        }),
        PersistenceModule.forRoot(config, {
          projections: [...CONTEXT_PROJECTIONS, ...(options.extraProjections ?? [])],
          upcasters: [...CONTEXT_UPCASTERS, ...(options.extraUpcasters ?? [])],
          schemaVersions: CONTEXT_SCHEMA_VERSIONS,
          clock: options.clock,
          store: options.store,
          // The worker thread loads the contexts' own projections and upcasters, not a test's extra ones.
          projectionWorker: !options.extraProjections?.length && !options.extraUpcasters?.length,
        }),
        ...CONTEXT_MODULES,
        AuditModule,
      ],
      controllers: [HealthController, AdminClockController, MeController],
    };
  }
}
