import { Actor } from '@jingsai/shared';
import { OrgFactKind, OrgKind, OrgLevel, OrgOwnership } from './organization.catalogue';

/** What the application layer knows about the parent (from its state or the org directory). */
export interface ParentOrgFacts {
  orgId: string;
  level: OrgLevel;
  /** The parent's own ancestors from the root down to its parent. */
  parentPath: string[];
}

export interface RegisterOrganization {
  type: 'RegisterOrganization';
  orgId: string;
  at: string;
  actor: Actor;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  ownership: OrgOwnership | null;
  industry: string | null;
  region: string | null;
  /** null for a root of the tree. */
  parent: ParentOrgFacts | null;
}

/** Fields that may change after registration; the parent never does. Omitted fields stay. */
export interface OrganizationChanges {
  name?: string;
  industry?: string | null;
  region?: string | null;
  ownership?: OrgOwnership | null;
}

export interface UpdateOrganization {
  type: 'UpdateOrganization';
  orgId: string;
  at: string;
  actor: Actor;
  changes: OrganizationChanges;
}

export interface RecordOrganizationFact {
  type: 'RecordOrganizationFact';
  orgId: string;
  at: string;
  actor: Actor;
  factId: string;
  kind: OrgFactKind;
  /** The date the incident happened (Beijing date), not the date it is recorded. */
  occurredOn: string;
  description: string;
}

/** Takes back a fact recorded in error or overturned, with a reason: it no longer bars anyone; the record of both stays in the log. */
export interface RetractOrganizationFact {
  type: 'RetractOrganizationFact';
  orgId: string;
  at: string;
  actor: Actor;
  factId: string;
  reason: string;
}

export type OrganizationCommand = RegisterOrganization | UpdateOrganization | RecordOrganizationFact | RetractOrganizationFact;
