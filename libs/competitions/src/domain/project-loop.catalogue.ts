import { Label } from './campaign.catalogue';

/** Severity of a supervision finding (督导检查发现的问题). */
export const FINDING_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, Label> = {
  minor: { zh: '一般问题', en: 'Minor' },
  major: { zh: '较大问题', en: 'Major' },
  critical: { zh: '严重问题', en: 'Critical' },
};

/**
 * Where a finding's rectification (整改) stands: open (nothing reported yet), reported (awaiting
 * the committee), accepted (rectified), rejected (the unit must report again).
 */
export const FINDING_STATUSES = ['open', 'reported', 'accepted', 'rejected'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = { open: '待整改', reported: '整改待验收', accepted: '已整改', rejected: '整改未通过' };

/** Accident grades of the work-safety regulations (生产安全事故等级). */
export const INCIDENT_SEVERITIES = ['minor', 'serious', 'major', 'catastrophic'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_SEVERITY_LABELS: Record<IncidentSeverity, Label> = {
  minor: { zh: '一般事故', en: 'Ordinary' },
  serious: { zh: '较大事故', en: 'Serious' },
  major: { zh: '重大事故', en: 'Major' },
  catastrophic: { zh: '特别重大事故', en: 'Catastrophic' },
};

/** The same kinds an award rule set may bar on (the awards context's PROJECT_INCIDENT_KINDS; a test keeps them one list). */
export const INCIDENT_KINDS = ['safety_accident', 'quality_accident', 'environmental_accident', 'occupational_hazard'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, Label> = {
  safety_accident: { zh: '安全生产事故', en: 'Work-safety accident' },
  quality_accident: { zh: '质量事故', en: 'Quality accident' },
  environmental_accident: { zh: '环境污染事故', en: 'Environmental accident' },
  occupational_hazard: { zh: '职业病危害事件', en: 'Occupational hazard' },
};

/**
 * What bars a project from award selection whatever its grade or summary, as a ranking or a
 * summary names it beside them: an entry filed late (under an extension), an accident that vetoes.
 */
export function awardBarNotesZh(lateEntry: boolean, vetoKind: IncidentKind | null): string[] {
  return [...(lateEntry ? ['逾期报名（延期报送），不能参加五一各奖项及要求按时报名的其他评选'] : []), ...(vetoKind ? [`发生${INCIDENT_KIND_LABELS[vetoKind]?.zh ?? vetoKind}，一票否决`] : [])];
}

/** The incidents that cancel a project's award eligibility outright (一票否决), instant commendations included. */
export const VETO_INCIDENT_KINDS: readonly IncidentKind[] = ['safety_accident', 'quality_accident'];

/** An instant commendation's status, as the honours register names it. */
export const COMMENDATION_STATUS_LABELS: Record<'valid' | 'revoked' | 'withdrawn' | 'suspended', string> = { valid: '有效', revoked: '已撤销', withdrawn: '已摘牌', suspended: '已暂停' };

/** What a committee may do to an instant commendation (routes `…/commendations/{id}/revoke|withdraw|suspend|reinstate`). */
export const COMMENDATION_CHANGE_LABELS: Record<'revoke' | 'withdraw' | 'suspend' | 'reinstate', string> = { revoke: '撤销', withdraw: '摘牌', suspend: '暂停', reinstate: '恢复' };

/** Who receives an instant commendation (即时表彰). */
export const RECIPIENT_KINDS = ['team', 'person'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = { team: '集体（班组）', person: '个人' };

/** How an assessor's organisation relates to the project's (利益冲突). */
export const CONFLICT_RELATIONS = ['same_org', 'ancestor', 'descendant'] as const;
export type ConflictRelation = (typeof CONFLICT_RELATIONS)[number];
export const CONFLICT_RELATION_LABELS: Record<ConflictRelation, Label> = {
  same_org: { zh: '评估专家与项目同属一个单位', en: 'the assessor belongs to the project’s own organisation' },
  ancestor: { zh: '评估专家所在单位是项目单位的上级', en: 'the assessor’s organisation is above the project’s' },
  descendant: { zh: '评估专家所在单位是项目单位的下属', en: 'the assessor’s organisation is under the project’s' },
};
