import { OrgFactKind, OrgKind, OrgLevel, OrgOwnership } from './organization.catalogue';

export interface OrganizationFact {
  factId: string;
  kind: OrgFactKind;
  occurredOn: string;
  description: string;
}

export interface RegisteredOrganization {
  status: 'registered';
  orgId: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  ownership: OrgOwnership | null;
  industry: string | null;
  region: string | null;
  parentId: string | null;
  parentPath: string[];
  facts: OrganizationFact[];
}

export type OrganizationState = { status: 'unregistered' } | RegisteredOrganization;

export const initialOrganizationState = (): OrganizationState => ({ status: 'unregistered' });
