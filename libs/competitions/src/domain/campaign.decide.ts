import { assertNever, DomainError } from '@jingsai/shared';
import { beijingTime, deadlinePassed, isBefore } from './calendar';
import { CAMPAIGN_RULE_FIELDS, CampaignDefinition, CampaignRules } from './campaign-rules';
import { profileProblems, rulesProblems, spanProblems } from './campaign-rules.validate';
import { AmendCampaignDraft, AmendCampaignRules, CampaignCommand, CloseApplicationWindow, CloseCampaign, CreateCampaign, PublishCampaign } from './campaign.commands';
import { CampaignEvent } from './campaign.events';
import { changedFields, illegalCampaignTransition, invalidCampaign, requireCampaign, requireOrganizerCommittee } from './campaign.guards';
import { CampaignState } from './campaign.state';
import { FieldProblem, problem } from './field-problem';
import { HIERARCHY_LEVEL_LABELS, HierarchyLevel, isHierarchyLevel } from './levels';

const PROFILE_FIELDS = ['title', 'theme', 'year', 'level', 'organizerOrgId'] as const;
const DEFINITION_FIELDS: readonly (keyof CampaignDefinition)[] = [...PROFILE_FIELDS, ...CAMPAIGN_RULE_FIELDS];

export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  switch (command.type) {
    case 'CreateCampaign':
      return create(command, state);
    case 'AmendCampaignDraft':
      return amendDraft(command, state);
    case 'PublishCampaign':
      return publish(command, state);
    case 'AmendCampaignRules':
      return amendRules(command, state);
    case 'CloseApplicationWindow':
      return closeWindow(command, state);
    case 'CloseCampaign':
      return close(command, state);
    default:
      return assertNever(command);
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = source[k];
  return out;
}

function validateDefinition(d: CampaignDefinition, organizerLevel: HierarchyLevel | null | undefined): void {
  // Approval levels are checked against the level the campaign must have: a wrong level is one problem, not two.
  const errors = [...profileProblems(d), ...levelProblems(d.level, organizerLevel), ...rulesProblems(d, organizerLevel ?? d.level), ...spanProblems(d, d.year)];
  if (errors.length > 0) throw invalidCampaign(errors);
}

/** A campaign's level is its organiser's: a city committee runs a city campaign, not a province's. */
function levelProblems(level: unknown, organizerLevel: HierarchyLevel | null | undefined): FieldProblem[] {
  if (!organizerLevel || !isHierarchyLevel(level) || level === organizerLevel) return [];
  return [
    problem(
      'level',
      `竞赛层级应与主办竞赛委员会的层级（${HIERARCHY_LEVEL_LABELS[organizerLevel]}）一致；可不填 level。`,
      `The campaign's level must be its organiser's (${organizerLevel}); leave level out to take it.`,
    ),
  ];
}

function create(c: CreateCampaign, state: CampaignState): CampaignEvent[] {
  if (c.actor.role === 'committee' && c.actor.orgId !== c.organizerOrgId) {
    throw DomainError.forbidden(
      'CAMPAIGN.FORBIDDEN',
      '竞赛委员会只能以本组织名义创建竞赛活动；由下级竞赛委员会主办的活动，请由该竞赛委员会自行创建。',
      'A committee creates campaigns in its own name only; a campaign organised by a committee below yours is created by that committee.',
      { actorOrgId: c.actor.orgId, organizerOrgId: c.organizerOrgId },
    );
  }
  requireOrganizerCommittee(c.actor, c.organizerOrgId);
  if (state.status !== 'none') {
    throw DomainError.conflict('CAMPAIGN.ALREADY_EXISTS', `竞赛活动 ${c.campaignId} 已存在。`, `Campaign ${c.campaignId} already exists.`, { campaignId: c.campaignId });
  }
  const definition = pick(c, DEFINITION_FIELDS) as CampaignDefinition;
  validateDefinition(definition, c.organizerLevel);
  return [{ type: 'CampaignCreated', data: { campaignId: c.campaignId, ...definition } }];
}

function amendDraft(c: AmendCampaignDraft, state: CampaignState): CampaignEvent[] {
  const campaign = requireCampaign(state, c.campaignId);
  requireOrganizerCommittee(c.actor, campaign.organizerOrgId);
  if (campaign.status !== 'draft') {
    const advice =
      campaign.status === 'published'
        ? { zh: '已发布的规则请通过“修改竞赛规则”修改并说明理由。', en: 'Amend the published rules instead, giving a reason.' }
        : { zh: '竞赛活动已结束，其设置不能再修改。', en: 'The campaign is over; it can no longer change.' };
    throw illegalCampaignTransition(campaign, '作为草稿修改', 'be edited as a draft', advice);
  }
  requireSomeChange(c.changes, DEFINITION_FIELDS);
  // The organiser is the campaign's organisation from its first event on (whose scope reads and audits it): fixed at creation.
  const organizer = (c.changes as { organizerOrgId?: unknown }).organizerOrgId;
  if (organizer !== undefined && organizer !== campaign.organizerOrgId) {
    throw DomainError.validation(
      'CAMPAIGN.ORGANIZER_FIXED',
      `主办组织在创建竞赛活动时确定（${campaign.organizerOrgId}），不能修改；如需由其他竞赛委员会主办，请以该委员会名义新建竞赛活动。`,
      `The organiser is fixed when the campaign is created (${campaign.organizerOrgId}); to have another committee organise it, create the campaign under that committee.`,
      { errors: [{ field: 'organizerOrgId', messageZh: '主办组织不能修改', messageEn: 'The organiser cannot change' }] },
    );
  }
  const current: CampaignDefinition = { ...pick(campaign, PROFILE_FIELDS), ...campaign.rules };
  const changes = changedFields(current, c.changes, DEFINITION_FIELDS);
  if (Object.keys(changes).length === 0) return [];
  validateDefinition({ ...current, ...changes }, c.organizerLevel);
  return [{ type: 'CampaignDraftAmended', data: { campaignId: c.campaignId, changes } }];
}

function publish(c: PublishCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = requireCampaign(state, c.campaignId);
  requireOrganizerCommittee(c.actor, campaign.organizerOrgId);
  if (campaign.status !== 'draft') throw illegalCampaignTransition(campaign, '发布', 'be published');
  const { closesAt } = campaign.rules.applicationWindow;
  if (deadlinePassed(c.at, closesAt)) {
    throw DomainError.unprocessable(
      'CAMPAIGN.WINDOW_ALREADY_PASSED',
      `报名截止时间（${beijingTime(closesAt)}）已过，不能发布。请先修改报名时间。`,
      `The application window closed at ${closesAt}; change it before publishing.`,
      { closesAt },
    );
  }
  return [{ type: 'CampaignPublished', data: { campaignId: c.campaignId, rulesVersion: 1 } }];
}

function amendRules(c: AmendCampaignRules, state: CampaignState): CampaignEvent[] {
  const campaign = requireCampaign(state, c.campaignId);
  requireOrganizerCommittee(c.actor, campaign.organizerOrgId);
  if (campaign.status !== 'published') {
    const advice =
      campaign.status === 'draft'
        ? { zh: '尚未发布的竞赛活动请直接修改草稿，无需说明理由。', en: 'It is not published yet: edit the draft instead, no reason needed.' }
        : { zh: '竞赛活动已结束，规则不能再修改。', en: 'The campaign is over; its rules can no longer change.' };
    throw illegalCampaignTransition(campaign, '修改竞赛规则', 'have its rules amended', advice);
  }
  requireSomeChange(c.changes, CAMPAIGN_RULE_FIELDS);
  const reason = c.reason?.trim() ?? '';
  if (!reason) {
    throw DomainError.validation('CAMPAIGN.REASON_REQUIRED', '发布后修改竞赛规则必须说明理由。', 'Give a reason for changing published rules.', {
      errors: [{ field: 'reason', messageZh: '请填写修改理由。', messageEn: 'A reason is required.' }],
    });
  }
  const changes = changedFields(campaign.rules, c.changes, CAMPAIGN_RULE_FIELDS);
  if (Object.keys(changes).length === 0) return [];
  const rules: CampaignRules = { ...campaign.rules, ...changes };
  // Named as the request names them: the changes sent sit under `changes` (a form maps targets[0] to nothing).
  const underChanges = (field: string) => (Object.hasOwn(changes, field.split(/[.[]/)[0]!) ? `changes.${field}` : field);
  // A period the new window outruns is named on the window too, when only the window was sent (review 42 #10).
  const span = spanProblems(rules, campaign.year);
  const spanOnWindow = span.length > 0 && changes.applicationWindow && !changes.campaignPeriod ? span.map((e) => ({ ...e, field: 'applicationWindow.closesAt' })) : [];
  // The merged rules are judged, but a field the amendment did not send was accepted when it was stored, maybe under a
  // narrower or wider check than today's (a period ending 2200-12-31 before the 1900–2199 range): it must not block a
  // change to something else (review 44 #6). The span, a consistency of the period with the window, is always judged.
  const sent = rulesProblems(rules, campaign.level).filter((e) => Object.hasOwn(changes, e.field.split(/[.[]/)[0]!));
  const errors = [...sent, ...span, ...spanOnWindow].map((e) => ({ ...e, field: underChanges(e.field) }));
  if (errors.length > 0) throw invalidCampaign(errors);
  if (changes.applicationWindow) guardWindowChange(c.at, campaign.rules, rules, campaign.applicationWindowClosed);
  return [{ type: 'CampaignRulesAmended', data: { campaignId: c.campaignId, rulesVersion: campaign.rulesVersion + 1, changes, rules, reason, amendedAt: c.at } }];
}

/** The deadline is hard (Jiujiang): once passed it cannot be moved; late units need an extension. */
function guardWindowChange(at: string, before: CampaignRules, after: CampaignRules, closedRecorded: boolean): void {
  const oldCloses = before.applicationWindow.closesAt;
  if (closedRecorded || deadlinePassed(at, oldCloses)) {
    throw DomainError.unprocessable(
      'CAMPAIGN.WINDOW_ALREADY_CLOSED',
      `报名已于 ${beijingTime(oldCloses)} 截止，不能再修改报名时间；个别单位确有正当理由的，请为其项目单独批准延期。`,
      `The application window closed at ${oldCloses} and can no longer change; grant an extension to a specific project instead.`,
      { closesAt: oldCloses },
    );
  }
  // Once open, a window's start does not move later: past now it would turn away units it had let in, and before now it
  // would rewrite who could apply when (those who applied did so under rules saying it was open). Earlier is harmless.
  const oldOpens = before.applicationWindow.opensAt;
  const newOpens = after.applicationWindow.opensAt;
  if (!isBefore(at, oldOpens) && isBefore(oldOpens, newOpens)) {
    throw DomainError.unprocessable(
      'CAMPAIGN.WINDOW_ALREADY_OPEN',
      `报名已于 ${beijingTime(oldOpens)} 开始，不能把开始时间推迟到 ${beijingTime(newOpens)}；如需调整，请修改截止时间。`,
      `The application window opened at ${oldOpens}; its start cannot be moved later, to ${newOpens}. Change the closing time instead.`,
      { opensAt: oldOpens, errors: [{ field: 'changes.applicationWindow.opensAt', messageZh: '报名已开始，不能推迟开始时间。', messageEn: 'The window has opened; its start cannot move past now.' }] },
    );
  }
  const newCloses = after.applicationWindow.closesAt;
  if (!isBefore(at, newCloses)) {
    throw DomainError.validation('CAMPAIGN.WINDOW_IN_PAST', '新的报名截止时间不能早于当前时间。', 'The new closing time must be in the future.', {
      errors: [{ field: 'changes.applicationWindow.closesAt', messageZh: '新的报名截止时间不能早于当前时间。', messageEn: 'The new closing time must be in the future.' }],
    });
  }
}

function closeWindow(c: CloseApplicationWindow, state: CampaignState): CampaignEvent[] {
  const campaign = requireCampaign(state, c.campaignId);
  requireOrganizerCommittee(c.actor, campaign.organizerOrgId, true);
  if (campaign.status === 'draft') throw illegalCampaignTransition(campaign, '截止报名', 'have its application window closed', { zh: '请先发布竞赛活动。', en: 'Publish it first.' });
  // A repeat from the scheduler, or a campaign already over: nothing more to record.
  if (campaign.status === 'closed' || campaign.applicationWindowClosed) return [];
  const { closesAt } = campaign.rules.applicationWindow;
  if (!deadlinePassed(c.at, closesAt)) {
    throw DomainError.unprocessable('CAMPAIGN.WINDOW_NOT_DUE', `报名截止时间（${beijingTime(closesAt)}）未到，不能提前截止。`, `The window closes at ${closesAt}; it cannot be closed earlier.`, { closesAt });
  }
  return [{ type: 'CampaignApplicationWindowClosed', data: { campaignId: c.campaignId, closesAt } }];
}

function close(c: CloseCampaign, state: CampaignState): CampaignEvent[] {
  const campaign = requireCampaign(state, c.campaignId);
  requireOrganizerCommittee(c.actor, campaign.organizerOrgId);
  if (campaign.status === 'closed') throw illegalCampaignTransition(campaign, '再次结束', 'be closed again');
  const reason = c.reason?.trim() || null;
  return [{ type: 'CampaignClosed', data: { campaignId: c.campaignId, reason } }];
}

function requireSomeChange(changes: object | undefined, keys: readonly string[]): void {
  if (!changes || !keys.some((k) => k in changes)) {
    throw DomainError.validation('CAMPAIGN.NOTHING_TO_AMEND', `没有需要修改的内容（可修改：${keys.join('、')}）。`, `Nothing to amend; give one of ${keys.join(', ')}.`);
  }
}
