export * from './domain';
export * from './application/organizations.module';
export * from './application/organization.handlers';
export * from './read-models/org-tree/org-tree.projection';
export * from './read-models/org-tree/sqlite-org-directory';
export * from './read-models/org-tree/org-tree.queries';
