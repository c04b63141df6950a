import { Projection, Upcaster } from '@jingsai/event-store';

/**
 * The bounded contexts the API serves: their Nest modules, projections and upcasters.
 * Adding a context means adding it here.
 */
export const CONTEXT_MODULES: any[] = [];
export const CONTEXT_PROJECTIONS: Projection[] = [];
export const CONTEXT_UPCASTERS: Upcaster[] = [];
export const CONTEXT_SCHEMA_VERSIONS: Record<string, number> = {};
