export * from './event';
export * from './decider';
export * from './domain-error';
export * from './clock';
export * from './ids';
export * from './instants';
export * from './honour-lifecycle';
