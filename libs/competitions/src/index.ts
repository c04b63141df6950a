export * from './domain';
export * from './application/competitions.module';
export * from './application/campaign.handlers';
export * from './application/project-facts.service';
export * from './read-models/board/board.projection';
export * from './read-models/board/board.queries';
export * from './read-models/campaigns/campaign-list.projection';
export * from './read-models/campaigns/campaign-list.queries';
