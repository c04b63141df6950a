export * from './organization.catalogue';
export * from './organization.commands';
export * from './organization.events';
export * from './organization.state';
export * from './organization.decider';
