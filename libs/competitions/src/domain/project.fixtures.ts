import { Actor } from '@jingsai/shared';
import { JIUJIANG, jiujiangDefinition } from './campaign.fixtures';
import { CampaignRulesSnapshot } from './campaign-snapshot';
import { HierarchyLevel } from './levels';
import { ApprovalFacts } from './project.commands';
import { ProjectEvent } from './project.events';

/** Project fixtures for the specs: a Jiujiang petrochemical enterprise under the Xunyang county committee. */
export const P = { projectId: 'p-1', orgId: 'ent-1', campaignId: JIUJIANG.campaignId } as const;

export const beforeClose = '2021-07-20T10:00:00+08:00';
export const afterClose = '2021-07-23T09:00:00+08:00';

export const unit: Actor = { userId: 'u-unit', role: 'unit', orgId: P.orgId, name: '九江石化工会' };
export const otherUnit: Actor = { userId: 'u-other', role: 'unit', orgId: 'ent-2' };
export const countyCommittee: Actor = { userId: 'u-county', role: 'committee', orgId: 'xy-committee' };
export const cityCommittee: Actor = { userId: 'u-city', role: 'committee', orgId: JIUJIANG.committeeOrgId };

export function snapshot(over: Partial<CampaignRulesSnapshot> = {}): CampaignRulesSnapshot {
  const d = jiujiangDefinition();
  return { campaignId: P.campaignId, status: 'published', rulesVersion: 1, categories: d.categories, applicationWindow: d.applicationWindow, approvalLevels: d.approvalLevels, organizerOrgId: d.organizerOrgId, ...over };
}

export function approval(approverLevel: HierarchyLevel, over: Partial<ApprovalFacts> = {}): ApprovalFacts {
  return { campaign: snapshot(), approverLevel, applicableLevels: ['county', 'city'], ...over };
}

export const registrationForm = { contactName: '张伟', contactPhone: '0792-8227328', headcount: 320, participatingEnterprises: 1 };
export const implementationPlan = { goals: '创建工人先锋号，技术革新 20 项', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '开展技能比武与合理化建议活动' };

export const drafted: ProjectEvent = {
  type: 'ProjectDrafted',
  data: { projectId: P.projectId, campaignId: P.campaignId, orgId: P.orgId, title: '炼化装置技能比武', category: 'skills', registrationForm, implementationPlan },
};

export const submitted = (over: Partial<{ rulesVersion: number; resubmission: boolean; underExtension: boolean; submittedAt: string }> = {}): ProjectEvent => ({
  type: 'ProjectSubmitted',
  data: { projectId: P.projectId, rulesVersion: 1, resubmission: false, underExtension: false, submittedAt: beforeClose, ...over },
});

export const returnedByCounty: ProjectEvent = { type: 'ProjectReturned', data: { projectId: P.projectId, level: 'county', reason: '实施方案缺少安全措施' } };
export const countyApproved: ProjectEvent = { type: 'ProjectApprovedAtLevel', data: { projectId: P.projectId, level: 'county', rulesVersion: 1, nextLevel: 'city' } };
export const approved: ProjectEvent = { type: 'ProjectApproved', data: { projectId: P.projectId, level: 'city', rulesVersion: 1, approvedLevels: ['county', 'city'] } };
export const extensionGranted = (until: string): ProjectEvent => ({ type: 'SubmissionExtensionGranted', data: { projectId: P.projectId, until, reason: '汛期抢险，材料延后报送' } });
