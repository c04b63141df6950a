import { Decider } from '@jingsai/shared';
import { OrganizationCommand } from './organization.commands';
import { decideOrganization } from './organization.decide';
import { OrganizationEvent } from './organization.events';
import { evolveOrganization } from './organization.evolve';
import { initialOrganizationState, OrganizationState } from './organization.state';

/** The organisation aggregate (stream `organization-<orgId>`). */
export const organizationDecider: Decider<OrganizationState, OrganizationCommand, OrganizationEvent> = {
  initialState: initialOrganizationState,
  decide: decideOrganization,
  evolve: evolveOrganization,
};
