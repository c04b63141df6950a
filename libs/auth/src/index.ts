export * from './auth-user';
export * from './org-directory';
export * from './auth.decorators';
export * from './token.service';
export * from './auth.guard';
export * from './auth.module';
export * from './scope-view';
