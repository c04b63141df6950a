/** A Chinese and an English label for an event type, as auditors read them. */
export interface EventTypeLabel {
  zh: string;
  en: string;
}

/**
 * Labels for every event type the contexts record. Kept here, not in the contexts, because
 * they are the audit trail's words; a type missing from the table still shows, under its raw
 * name (see `eventTypeLabel`). `event-type-labels.spec.ts` lists the types still unlabelled.
 */
const LABELS: Record<string, EventTypeLabel> = {
  // organisations (组织)
  OrganizationRegistered: { zh: '登记组织', en: 'Organisation registered' },
  OrganizationUpdated: { zh: '修改组织信息', en: 'Organisation updated' },
  OrganizationFactRecorded: { zh: '记录组织事实', en: 'Organisation fact recorded' },
  OrganizationFactRetracted: { zh: '撤回组织事实', en: 'Organisation fact retracted' },
  // campaigns (竞赛活动)
  CampaignCreated: { zh: '创建竞赛活动', en: 'Campaign created' },
  CampaignDraftAmended: { zh: '修改竞赛活动草稿', en: 'Campaign draft amended' },
  CampaignPublished: { zh: '发布竞赛活动', en: 'Campaign published' },
  CampaignRulesAmended: { zh: '修订竞赛规则', en: 'Campaign rules amended' },
  CampaignApplicationWindowClosed: { zh: '报名截止', en: 'Application window closed' },
  CampaignClosed: { zh: '竞赛活动结束', en: 'Campaign closed' },
  RankingPublished: { zh: '公布排名', en: 'Ranking published' },
  // projects (竞赛项目)
  ProjectDrafted: { zh: '起草项目申报', en: 'Project drafted' },
  ProjectDraftEdited: { zh: '修改项目申报草稿', en: 'Project draft edited' },
  ProjectSubmitted: { zh: '提交项目申报', en: 'Project submitted' },
  ProjectSubmissionRefused: { zh: '逾期申报被拒收', en: 'Late submission refused' },
  ProjectApprovedAtLevel: { zh: '本级审核通过', en: 'Approved at one level' },
  ProjectApproved: { zh: '项目立项', en: 'Project approved (立项)' },
  ProjectReturned: { zh: '退回修改', en: 'Project returned for changes' },
  ProjectRejected: { zh: '不予立项', en: 'Project rejected' },
  SubmissionExtensionGranted: { zh: '准予延期申报', en: 'Submission extension granted' },
  ProjectWithdrawn: { zh: '撤回项目', en: 'Project withdrawn' },
  ProjectTerminated: { zh: '终止项目', en: 'Project terminated' },
  // project loop: progress, supervision, assessment, summary (推进、督导、评估、总结)
  ProgressReportFiled: { zh: '报送推进情况', en: 'Progress report filed' },
  ProgressReportCorrected: { zh: '更正推进情况报告', en: 'Progress report corrected' },
  ProgressReportOverdue: { zh: '推进情况逾期未报', en: 'Progress report overdue' },
  MilestoneRecorded: { zh: '记录重要推进节点', en: 'Milestone recorded' },
  SafetyIncidentRecorded: { zh: '登记安全、质量事故或职业病危害事件', en: 'Safety, quality or occupational-hazard incident recorded' },
  InstantCommendationGiven: { zh: '即时表彰', en: 'Instant commendation given' },
  InstantCommendationStatusChanged: { zh: '即时表彰撤销、摘牌、暂停或恢复', en: 'Instant commendation revoked, withdrawn, suspended or reinstated' },
  InspectionRecorded: { zh: '督导检查记录', en: 'Inspection recorded' },
  RectificationReported: { zh: '报告整改情况', en: 'Rectification reported' },
  RectificationAccepted: { zh: '整改验收通过', en: 'Rectification accepted' },
  RectificationRejected: { zh: '整改未通过', en: 'Rectification rejected' },
  RectificationOverdue: { zh: '整改逾期', en: 'Rectification overdue' },
  AssessmentOpened: { zh: '启动评估考核', en: 'Assessment opened' },
  ConflictOfInterestDeclared: { zh: '申报利益冲突（回避）', en: 'Conflict of interest declared' },
  ConflictOfInterestWaived: { zh: '利益冲突豁免', en: 'Conflict of interest waived' },
  AssessorOrganisationCorrected: { zh: '更正评估专家所在单位', en: 'Assessor organisation corrected' },
  AssessorAddedAfterLock: { zh: '锁定后增补评估专家', en: 'Assessor added after lock' },
  SelfScoreRecorded: { zh: '记录自评分', en: 'Self-assessment score recorded' },
  ScoreRecorded: { zh: '记录评分', en: 'Score recorded' },
  ScoreCorrected: { zh: '更正评分', en: 'Score corrected' },
  AssessmentFinalized: { zh: '评估结果确定', en: 'Assessment finalised' },
  SummarySubmitted: { zh: '提交总结', en: 'Summary submitted' },
  SummaryReturned: { zh: '总结退回修改', en: 'Summary returned' },
  SummaryAccepted: { zh: '总结验收通过', en: 'Summary accepted' },
  // rule sets (评选规则)
  RuleSetVersionPublished: { zh: '发布评选规则版本', en: 'Rule set version published' },
  // award rounds (评选表彰)
  AwardRoundCreated: { zh: '创建评选表彰轮次', en: 'Award round created' },
  NominationSubmitted: { zh: '提交推荐对象', en: 'Nomination submitted' },
  NominationRecommended: { zh: '推荐（民主推荐/职代会）', en: 'Nomination recommended' },
  NominationReviewed: { zh: '推荐对象审核', en: 'Nomination reviewed' },
  ClearanceGranted: { zh: '征求意见：同意', en: 'Clearance granted' },
  ClearanceRefused: { zh: '征求意见：不同意', en: 'Clearance refused' },
  NominationRemoved: { zh: '移除推荐对象', en: 'Nomination removed' },
  SubstitutePromoted: { zh: '递补推荐对象', en: 'Substitute promoted' },
  PublicNoticeStarted: { zh: '发布公示安排（公示期自起始日起）', en: 'Public notice given (it runs from its first day)' },
  ObjectionRaised: { zh: '收到异议', en: 'Objection raised' },
  ObjectionUpheld: { zh: '异议成立', en: 'Objection upheld' },
  ObjectionDismissed: { zh: '异议不成立', en: 'Objection dismissed' },
  NominationWithdrawnAfterObjection: { zh: '因异议撤销推荐', en: 'Nomination withdrawn after objection' },
  NominationsReopened: { zh: '重新开放推荐', en: 'Nominations reopened' },
  PublicNoticeEnded: { zh: '公示期结束', en: 'Public notice ended' },
  HonourConferred: { zh: '授予荣誉', en: 'Honour conferred' },
  DerivedHonourConferred: { zh: '授予衍生荣誉', en: 'Derived honour conferred' },
  DerivedHonourFollowUpClosed: { zh: '确认不再重新授予衍生荣誉', en: 'Derived honour not conferred again' },
  HonourRevoked: { zh: '撤销荣誉', en: 'Honour revoked' },
  HonourWithdrawn: { zh: '荣誉摘牌', en: 'Honour withdrawn (摘牌)' },
  HonourSuspended: { zh: '暂停荣誉', en: 'Honour suspended' },
  HonourReinstated: { zh: '恢复荣誉', en: 'Honour reinstated' },
};

/** The label of an event type; an unknown type is labelled with its own name in both languages. */
export function eventTypeLabel(type: string): EventTypeLabel & { known: boolean } {
  const label = Object.prototype.hasOwnProperty.call(LABELS, type) ? LABELS[type] : undefined;
  return label ? { ...label, known: true } : { zh: type, en: type, known: false };
}

/** Events whose type covers several changes, named by the one that happened (the status it led to). */
const BY_STATUS: Record<string, Record<string, EventTypeLabel>> = {
  InstantCommendationStatusChanged: {
    revoked: { zh: '即时表彰撤销', en: 'Instant commendation revoked' },
    withdrawn: { zh: '即时表彰摘牌', en: 'Instant commendation withdrawn' },
    suspended: { zh: '即时表彰暂停', en: 'Instant commendation suspended' },
    valid: { zh: '即时表彰恢复', en: 'Instant commendation reinstated' },
  },
};

/** The label of one recorded event: its type's, or for a type covering several changes, the change it records. */
export function eventLabel(type: string, data: unknown): EventTypeLabel & { known: boolean } {
  const status = (data as { status?: unknown } | null)?.status;
  const specific = typeof status === 'string' ? BY_STATUS[type]?.[status] : undefined;
  return specific ? { ...specific, known: true } : eventTypeLabel(type);
}

/** Adds or replaces labels (a context registers the labels of the types it adds). */
export function registerEventTypeLabels(labels: Record<string, EventTypeLabel>): void {
  Object.assign(LABELS, labels);
}

/** Every labelled type, sorted by name. */
export function eventTypeLabels(): Array<{ type: string } & EventTypeLabel> {
  return Object.keys(LABELS)
    .sort()
    .map((type) => ({ type, ...LABELS[type]! }));
}
