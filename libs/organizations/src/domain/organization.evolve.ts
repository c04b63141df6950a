import { assertNever } from '@jingsai/shared';
import { OrganizationEvent } from './organization.events';
import { OrganizationState } from './organization.state';

/** Folds one event; never throws and never mutates (the state cache shares old states). */
export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered':
      return { status: 'registered', ...event.data, parentPath: [...event.data.parentPath], facts: [] };
    case 'OrganizationUpdated':
      return state.status === 'registered' ? { ...state, ...event.data.changes } : state;
    case 'OrganizationFactRecorded': {
      if (state.status !== 'registered') return state;
      const { factId, kind, occurredOn, description } = event.data;
      return { ...state, facts: [...state.facts, { factId, kind, occurredOn, description }] };
    }
    case 'OrganizationFactRetracted':
      return state.status === 'registered' ? { ...state, facts: state.facts.filter((f) => f.factId !== event.data.factId) } : state;
    default:
      return assertNever(event);
  }
}
