/** Injection tokens of the persistence layer. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const APP_CONFIG = Symbol('APP_CONFIG');
