import { DomainEvent } from '@jingsai/shared';
import { OrganizationChanges } from './organization.commands';
import { OrgFactKind, OrgKind, OrgLevel, OrgOwnership } from './organization.catalogue';

export type OrganizationRegistered = DomainEvent<
  'OrganizationRegistered',
  {
    orgId: string;
    name: string;
    kind: OrgKind;
    level: OrgLevel;
    ownership: OrgOwnership | null;
    industry: string | null;
    region: string | null;
    parentId: string | null;
    /** Ancestor ids from the root down to the parent; [] for a root. */
    parentPath: string[];
  }
>;

/** Only the fields that actually changed. */
export type OrganizationUpdated = DomainEvent<'OrganizationUpdated', { orgId: string; changes: OrganizationChanges }>;

export type OrganizationFactRecorded = DomainEvent<
  'OrganizationFactRecorded',
  { orgId: string; factId: string; kind: OrgFactKind; occurredOn: string; description: string }
>;

/** A fact taken back (recorded in error, or overturned), with why: it bars no one from then on. */
export type OrganizationFactRetracted = DomainEvent<'OrganizationFactRetracted', { orgId: string; factId: string; reason: string }>;

export type OrganizationEvent = OrganizationRegistered | OrganizationUpdated | OrganizationFactRecorded | OrganizationFactRetracted;
