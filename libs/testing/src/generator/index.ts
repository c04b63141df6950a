export * from './random';
export * from './province';
export * from './stream-builder';
export * from './project-history';
export * from './generate';
