import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@jingsai/organizations';
import { AuditAccess } from './audit-access';
import { AuditHistoryController } from './audit-history.controller';
import { AuditIntegrityController } from './audit-integrity.controller';
import { AuditReplayController } from './audit-replay.controller';

/**
 * The audit trail over HTTP (DOMAIN.md, "Audit"): history with who/when/what/why, replay to any
 * past instant or revision, hash-chain verification, and streamed export. Reads the event log
 * only (never the read models, except the organisation tree for scope checks).
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [AuditHistoryController, AuditReplayController, AuditIntegrityController],
  providers: [AuditAccess],
})
export class AuditModule {}
