export * from './tokens';
export * from './request-context';
export * from './command-response';
export * from './read-consistency';
export * from './query.dto';
export * from './metrics.service';
export * from './command-executor';
