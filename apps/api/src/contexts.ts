import { Projection, Upcaster } from '@jingsai/event-store';
import { AWARD_PROJECTIONS, AwardsModule } from '@jingsai/awards';
import { COMPETITION_PROJECTIONS, CompetitionsModule } from '@jingsai/competitions';
import { ORGANIZATION_PROJECTIONS, OrganizationsModule } from '@jingsai/organizations';

/**
 * The bounded contexts the API serves: their Nest modules, projections and upcasters.
 * Adding a context means adding it here.
 */
export const CONTEXT_MODULES: any[] = [OrganizationsModule, CompetitionsModule, AwardsModule];
export const CONTEXT_PROJECTIONS: Projection[] = [...ORGANIZATION_PROJECTIONS, ...COMPETITION_PROJECTIONS, ...AWARD_PROJECTIONS];
export const CONTEXT_UPCASTERS: Upcaster[] = [];
export const CONTEXT_SCHEMA_VERSIONS: Record<string, number> = {};
