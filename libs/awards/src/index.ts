// The pure award domain (DOMAIN.md, "Award round"): catalogues, rule sets, eligibility, slate
// ratios, the working-day calendar and the award-round decider. No Nest, no I/O.
export * from './domain/catalogue/award-catalogue';

export * from './domain/calendar/date-only';
export * from './domain/calendar/china-holidays.data';
export * from './domain/calendar/working-day-calendar';
export * from './domain/calendar/holiday-calendar.validate';
export * from './domain/calendar/holiday-calendar.merge';
export * from './domain/calendar/notice-period';

export * from './domain/rules/attribute-predicate';
export * from './domain/rules/nominee-attributes';
export * from './domain/rules/rule-spec';
export * from './domain/rules/rule-spec.validate';
export * from './domain/rules/slate-ratios';
export * from './domain/rules/clearance-spec';
export * from './domain/rules/rule-set.decider';
export * from './domain/rules/rule-set.presets';

export * from './domain/eligibility/eligibility.facts';
export * from './domain/eligibility/eligibility.engine';

export * from './domain/award-round/award-round.commands';
export * from './domain/award-round/award-round.events';
export * from './domain/award-round/award-round.state';
export * from './domain/award-round/award-round.decider';
export * from './domain/award-round/award-round.queries';
export { ACTION_LABELS, ALLOWED_ACTIONS, HONOUR_ALLOWED, STAGE_LABELS, stageLabelOn, allowedAwardActions, awardActionName, awardActionNames, labelledAwardActions } from './domain/award-round/award-round.guards';
export { quotaBreaches, type QuotaBreach } from './domain/award-round/award-round.slate';
export { honourIdOf, derivedHonourIdOf, qualifiesForYouthPostExpert } from './domain/award-round/award-round.decide-honours';

// The HTTP layer and read models (Nest): the module, its projections, the queries other contexts may read.
export * from './application/awards.module';
export { DerivedHonourAgainService } from './application/derived-honour-again.service';
export * from './application/project-facts.mapper';
export * from './application/rule-set.presets';
export * from './read-models/honours/honour-register.projection';
export * from './read-models/honours/honour-register.queries';
export * from './read-models/award-rounds/award-round-list.projection';
export * from './read-models/award-rounds/notice-deadline.projection';
export * from './read-models/eligibility/project-facts.projection';
export * from './read-models/eligibility/eligibility.queries';
export * from './read-models/rule-sets/rule-set-list.projection';
export * from './read-models/rule-sets/rule-set-list.queries';
export { awardActionsNow, awardActionNamesNow, nominationActionsNow } from './domain/award-round/award-round.actions-now';
