import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@jingsai/api-kit';
import { ORG_DIRECTORY } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { orgTreeProjection } from '../read-models/org-tree/org-tree.projection';
import { SqliteOrgDirectory } from '../read-models/org-tree/sqlite-org-directory';
import { OrganizationsController } from './organizations.controller';
import { RecordOrganizationFactHandler, RegisterOrganizationHandler, RetractOrganizationFactHandler, UpdateOrganizationHandler } from './organization.handlers';

/** The organisation tree: registration over HTTP and the directory every scope check uses. */
@Module({
  controllers: [OrganizationsController],
  providers: [
    RegisterOrganizationHandler,
    UpdateOrganizationHandler,
    RecordOrganizationFactHandler,
    RetractOrganizationFactHandler,
    {
      provide: ORG_DIRECTORY,
      inject: [READ_MODEL_DB],
      useFactory: (readDb: ReadModelDatabase) => {
        readDb.setUp([orgTreeProjection]);
        return new SqliteOrgDirectory(readDb.db);
      },
    },
  ],
  exports: [ORG_DIRECTORY],
})
export class OrganizationsModule {}

export const ORGANIZATION_PROJECTIONS = [orgTreeProjection];
