import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGGREGATIONS, CAMPAIGN_CATEGORY_KEYS, FINDING_SEVERITIES, FINDING_STATUSES, GRADES, PROJECT_STATUSES } from '../domain';
import { ActionLabelDto } from './board.response.dto';
import { LevelLabelDto } from './campaign.response.dto';
import { ImplementationPlanDto, RegistrationFormDto } from './project.request.dto';
import { IncidentDto } from './supervision.response.dto';

/*
 * What GET /projects/{id} answers (project.view.ts: the folded project with labels and the
 * caller's actions), for the OpenAPI document. The stages are typed to the members a console
 * reads; what the view copies from many events (assessment details, summary figures) is left
 * free-form below that. Only the document reads these classes.
 */

const FREE = { type: 'object', additionalProperties: true } as const;
const METRICS = { type: 'object', additionalProperties: { type: 'number' }, description: '指标 → 数值 Metric → value' } as const;

export class SubmissionDto {
  @ApiProperty({ description: '提交时间 Submitted at', format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: '所依据的规则版本 Rules version', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '退回后重新提交 A resubmission' }) resubmission!: boolean;
  @ApiProperty({ description: '在延期内提交 Filed under an extension' }) underExtension!: boolean;
}

export class ProjectApplicationDto {
  @ApiProperty({ description: '每次提交 Submissions', type: [SubmissionDto] }) submissions!: SubmissionDto[];
  @ApiProperty({ description: '首次按时提交（未提交为 null）First filing on time', type: Boolean, nullable: true }) firstSubmissionOnTime!: boolean | null;
  @ApiProperty({ description: '逾期提交被拒的记录 Late attempts refused', type: 'array', items: FREE }) refusals!: object[];
  @ApiProperty({ description: '已审批层级 Levels that approved', type: [String] }) approvedLevels!: string[];
  @ApiProperty({ description: '审批意见 {level, note}（本轮审批中给出的；退回后重新开始）Approval comments given in this round of approvals', type: 'array', items: FREE }) approvalNotes!: object[];
  @ApiProperty({ description: '立项时的规则版本 Rules version at approval', type: 'integer', nullable: true }) approvedRulesVersion!: number | null;
  @ApiProperty({ description: '立项时间 Approved at', type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ description: '延期 {until, reason}', ...FREE, nullable: true }) extension!: object | null;
  @ApiProperty({ description: '最近一次退回 {level, reason}', ...FREE, nullable: true }) lastReturn!: object | null;
  @ApiProperty({ description: '不予立项 {level, reason}', ...FREE, nullable: true }) rejection!: object | null;
}

export class ProjectEndingDto {
  @ApiProperty({ description: '撤回 withdrawn / 终止 terminated', enum: ['withdrawn', 'terminated'] }) kind!: string;
  @ApiProperty({ description: '理由 Reason', type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: '此前状态 Status before', enum: PROJECT_STATUSES }) previousStatus!: string;
  @ApiProperty({ description: '名称 Label (已撤回 / 已终止)' }) kindLabel!: string;
  @ApiProperty({ description: '此前状态名称 Its label' }) previousStatusLabel!: string;
}

export class LabelledMetricDto {
  @ApiProperty({ description: '指标 Metric' }) key!: string;
  @ApiProperty({ description: '数值 Value', type: Number }) value!: number;
  @ApiProperty({ description: '指标名称 Label' }) label!: string;
  @ApiProperty({ description: '计量单位 Unit' }) unitZh!: string;
}

export class ProgressReportDto {
  @ApiProperty({ description: '报告编号 Report id' }) reportId!: string;
  @ApiProperty({ description: '报送期 Period', example: '2021-Q3' }) period!: string;
  @ApiProperty({ description: '本期第几版（更正 +1）Revision within the period', type: 'integer' }) revision!: number;
  @ApiProperty({ description: '被更正的报告 Report it corrects', type: String, nullable: true }) supersedesReportId!: string | null;
  @ApiPropertyOptional({ description: '更正理由（更正时必填）Why it was corrected (a correction gives one)' }) reason?: string;
  @ApiProperty({ ...METRICS }) metrics!: Record<string, number>;
  @ApiProperty({ description: '情况说明 Narrative' }) narrative!: string;
  @ApiProperty({ description: '截止日期 Due on', format: 'date' }) dueOn!: string;
  @ApiProperty({ description: '报送时间 Filed at', format: 'date-time' }) filedAt!: string;
  @ApiProperty({ description: '逾期报送 Filed late' }) late!: boolean;
  @ApiProperty({ description: '所依据的规则版本 Rules version', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '指标及其名称 Metrics, labelled', type: [LabelledMetricDto] }) metricsLabelled!: LabelledMetricDto[];
}

export class OverduePeriodDto {
  @ApiProperty({ description: '报送期 Period' }) period!: string;
  @ApiProperty({ description: '截止日期 Due on', format: 'date' }) dueOn!: string;
  @ApiProperty({
    description: '处理状态：待处理 open / 已补报 filed_late / 未补报（项目已进入评估）unfiled / 项目已撤回 project_withdrawn / 项目已终止 project_terminated（与督导逾期清单一致）State, as the supervision list has it',
    enum: ['open', 'filed_late', 'unfiled', 'project_withdrawn', 'project_terminated'],
  })
  state!: string;
  @ApiProperty({ description: '状态名称 State label' }) stateLabel!: string;
  @ApiProperty({ description: '补报时间 Filed late at', type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
}

export class MilestoneDto {
  @ApiProperty({ description: '节点编号 Milestone id' }) milestoneId!: string;
  @ApiProperty({ description: '名称 Title' }) title!: string;
  @ApiProperty({ description: '日期 Reached on', format: 'date' }) reachedOn!: string;
  @ApiProperty({ description: '说明 Description' }) description!: string;
  @ApiProperty({ description: '您现在可对此办理的操作 What you may do on it now', type: [String] }) allowedActions!: string[];
  @ApiProperty({ description: '操作及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
}

export class CommendationRecipientViewDto {
  @ApiProperty({ description: '班组 team / 个人 person', enum: ['team', 'person'] }) kind!: string;
  @ApiProperty({ description: '名称 Name' }) name!: string;
  @ApiProperty({ description: '所在单位（未填为项目单位）Organisation', type: String }) orgId!: string;
  @ApiPropertyOptional({ description: '个人标识 A person’s id' }) id?: string;
}

export class CommendationViewDto {
  @ApiProperty({ description: '表彰编号 Commendation id' }) commendationId!: string;
  @ApiProperty({ description: '推进节点 Milestone' }) milestoneId!: string;
  @ApiProperty({ description: '表彰对象 Recipient', type: CommendationRecipientViewDto }) recipient!: CommendationRecipientViewDto;
  @ApiProperty({ description: '表彰事由 Citation' }) citation!: string;
  @ApiPropertyOptional({ description: '给予表彰的竞赛委员会 Committee that gave it' }) givenByOrgId?: string;
  @ApiProperty({ description: '状态 Status', enum: ['valid', 'revoked', 'withdrawn', 'suspended'] }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
  @ApiProperty({ description: '您可以办理的变更 Changes you may make', type: [String] }) allowedActions!: string[];
  @ApiProperty({ description: '变更及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
}

export class ProjectProgressDto {
  @ApiProperty({ description: '全部报告及更正 Every report and correction', type: [ProgressReportDto] }) reports!: ProgressReportDto[];
  @ApiProperty({ description: '曾逾期未报的报送期（含已补报的）Periods marked overdue, those since filed late included', type: [OverduePeriodDto] }) overdue!: OverduePeriodDto[];
  @ApiProperty({ description: '推进节点 Milestones', type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty({ description: '即时表彰 Instant commendations', type: [CommendationViewDto] }) commendations!: CommendationViewDto[];
}

export class InspectionDto {
  @ApiProperty({ description: '督导编号 Inspection id' }) inspectionId!: string;
  @ApiProperty({ description: '督导日期 Inspected on', format: 'date' }) inspectedOn!: string;
  @ApiProperty({ description: '登记时间（早期记录为 null）Recorded at', type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
  @ApiProperty({ description: '发现的问题 Findings', type: [String] }) findingIds!: string[];
  @ApiProperty({ description: '督导的竞赛委员会：整改由其（或其上级）审核（早期记录为 null）The committee that inspected, which (or one above it) verifies the rectifications', type: String, nullable: true }) inspectedByOrgId!: string | null;
}

export class RectificationDto {
  @ApiProperty({ description: '整改情况 Description' }) description!: string;
  @ApiProperty({ description: '逾期整改 Reported late' }) late!: boolean;
  @ApiProperty({ description: '报告时间（早期记录为 null）Reported at', type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
  @ApiProperty({ description: '验收结论 Outcome', enum: ['pending', 'accepted', 'rejected'] }) outcome!: string;
  @ApiPropertyOptional({ description: '审核的竞赛委员会（待审核或早期记录为 null）The committee that verified it', type: String, nullable: true }) verifiedByOrgId?: string | null;
  @ApiProperty({ description: '验收结论名称 Outcome label' }) outcomeLabel!: string;
  @ApiProperty({ description: '验收意见 Note', type: String, nullable: true }) note!: string | null;
}

export class FindingDto {
  @ApiProperty({ description: '问题编号 Finding id' }) findingId!: string;
  @ApiProperty({ description: '督导编号 Inspection id' }) inspectionId!: string;
  @ApiProperty({ description: '问题 Description' }) description!: string;
  @ApiProperty({ description: '等级 Severity', enum: FINDING_SEVERITIES }) severity!: string;
  @ApiProperty({ description: '等级名称 Severity label' }) severityLabel!: string;
  @ApiProperty({ description: '整改期限 Rectify by', format: 'date' }) rectifyBy!: string;
  @ApiProperty({ description: '状态 Status', enum: FINDING_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
  @ApiProperty({ description: '曾逾期未整改 Was overdue' }) overdue!: boolean;
  @ApiProperty({ description: '整改报告 Rectifications', type: [RectificationDto] }) rectifications!: RectificationDto[];
  @ApiProperty({ description: '您现在可对此办理的操作 What you may do on it now', type: [String] }) allowedActions!: string[];
  @ApiProperty({ description: '操作及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
}


export class ProjectSupervisionDto {
  @ApiProperty({ description: '督导检查 Inspections', type: [InspectionDto] }) inspections!: InspectionDto[];
  @ApiProperty({ description: '发现的问题 Findings', type: [FindingDto] }) findings!: FindingDto[];
  @ApiProperty({ description: '安全事故 Incidents', type: [IncidentDto] }) incidents!: IncidentDto[];
}

export class AssessmentResultDto {
  @ApiProperty({ description: '总分 Total', type: Number }) total!: number;
  @ApiProperty({ description: '等次 Grade', enum: GRADES, nullable: true }) grade!: string | null;
  @ApiProperty({ description: '等次名称 Grade label', type: String, nullable: true }) gradeLabel!: string | null;
  @ApiProperty({ description: '计分方式 Aggregation', enum: AGGREGATIONS }) aggregation!: string;
  @ApiProperty({ description: '计入的总分 Totals used', type: [Number] }) totalsUsed!: number[];
  @ApiProperty({ description: '去掉的最高、最低分 Totals dropped', type: [Number] }) dropped!: number[];
  @ApiProperty({ description: '评分专家数 Assessors counted', type: 'integer' }) assessorCount!: number;
  @ApiProperty({ description: '分歧 {spread, threshold, flagged}', ...FREE }) disagreement!: object;
  @ApiProperty({ description: '所依据的规则版本 Rules version', type: 'integer' }) rulesVersion!: number;
  @ApiPropertyOptional({ description: '复核意见 Review note', type: String, nullable: true }) reviewNote?: string | null;
}

export class ProjectAssessmentDto {
  @ApiProperty({ description: '所依据的规则版本 Rules version', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '评估方案（同竞赛活动规则 assessment）Scheme, as in the campaign rules', ...FREE }) scheme!: object;
  @ApiProperty({ description: '项目单位的上级组织 Ancestors of the project’s organisation', type: [String] }) projectOrgPath!: string[];
  @ApiProperty({ description: '评估专家（回避、豁免、追加）Assessors, with conflicts, waivers and late additions', type: 'array', items: FREE }) assessors!: object[];
  @ApiProperty({
    description: '评分表（您可见的）：结果确定前参赛单位看不到、评估专家只看到本人的；结果确定后，不可查看全部评分表的调用方看到每位专家现行的评分表，但他人的隐去身份（assessorUserId 为 null，assessorLabel 为“评估专家 1”等，按总分从高到低）Score sheets you may see',
    type: 'array',
    items: FREE,
  })
  scores!: object[];
  @ApiProperty({ description: '自评（不计入）Self-scores, not counted', type: 'array', items: FREE }) selfScores!: object[];
  @ApiProperty({ description: '评估结果（确定前为 null）Result', type: AssessmentResultDto, nullable: true }) result!: AssessmentResultDto | null;
  @ApiProperty({ description: '结果确定前的评分分歧 {spread, threshold, flagged, scored, label}', ...FREE, nullable: true }) provisionalDisagreement!: object | null;
  @ApiPropertyOptional({ description: '评估开始时刻（早期记录无此项）When the assessment opened (absent on older records)', format: 'date-time' }) openedAt?: string;
  @ApiPropertyOptional({ description: '启动评估的竞赛委员会（早期记录无此项）：由其（或其上级）确定评估结果、增补专家 The committee that opened it (absent on older records): it, or one above it, fixes the result and adds an assessor' }) openedByOrgId?: string;
  @ApiProperty({ description: '评估早于实施方案结束日期开始 {openedOn, planEndsOn, noteZh, noteEn}；否则 null', ...FREE, nullable: true }) openedEarly!: object | null;
  @ApiProperty({ description: '计分方式名称 Aggregation label' }) aggregationLabel!: string;
}

export class ProjectSummaryDto {
  @ApiProperty({ description: '每次提交的总结 {revision, outcomes, experience, submittedAt}（submittedAt 早期记录为 null）', type: 'array', items: FREE }) submissions!: object[];
  @ApiProperty({ description: '退回 {revision, reason}', type: 'array', items: FREE }) returns!: object[];
  @ApiProperty({ description: '通过 {revision, note}', ...FREE, nullable: true }) accepted!: object | null;
  @ApiProperty({ description: '总结数据与各期报告的核对 {metric, label, unit, summary, reports, basis, flag, noteZh}', type: 'array', items: FREE }) checks!: object[];
  @ApiProperty({ description: '评估早于实施方案结束日期开始时的说明（总结仅涵盖此前的推进情况）；否则 null', ...FREE, nullable: true }) openedEarly!: object | null;
  @ApiProperty({ description: '评优提示（逾期报名、一票否决）What bars the project from award selection', type: [String] }) awardNotesZh!: string[];
  @ApiProperty({ description: '逾期未报送且从未补报的报送期（按时间先后）；总结通过后不能再补报 Periods marked overdue whose report was never filed, in time order', type: [String], example: ['2021-Q4'] }) unfiledPeriods!: string[];
}

/** One thing the submit check would refuse, as a refusal's `errors[]` names it. */
export class ApplicationProblemDto {
  @ApiProperty({ description: '字段路径 Field path', example: 'registrationForm.contactPhone' }) field!: string;
  @ApiProperty({ description: '提示 Message' }) messageZh!: string;
  @ApiProperty({ description: 'Message in English' }) messageEn!: string;
}

export class ProjectViewDto {
  @ApiProperty({ description: '项目 Project id' }) projectId!: string;
  @ApiProperty({ description: '事件流（审计历史与重放用：GET /api/v1/audit/streams/{streamId}/events）Its event stream, for the audit history', example: 'project-p-a' }) streamId!: string;
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '参赛单位 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '项目名称 Title' }) title!: string;
  @ApiProperty({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) category!: string;
  @ApiProperty({ description: '类别名称 Category label' }) categoryLabel!: string;
  @ApiProperty({ description: '是否职业技能竞赛：类别为职业技能竞赛，或其他类别的项目由参赛单位在申报中注明（其优胜者为技能竞赛优胜者）Whether it is a vocational skills contest: by its category, or said so in the application' }) skillsContest!: boolean;
  @ApiProperty({ description: '项目状态 Status', enum: PROJECT_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
  @ApiProperty({ description: '报名表 Registration form, as filed', type: RegistrationFormDto }) registrationForm!: RegistrationFormDto;
  @ApiProperty({ description: '实施方案 Implementation plan, as filed', type: ImplementationPlanDto }) implementationPlan!: ImplementationPlanDto;
  @ApiProperty({ description: '申报与立项 Application', type: ProjectApplicationDto }) application!: ProjectApplicationDto;
  @ApiProperty({ description: '提交前尚需补全的内容（草稿或退回时；否则为空）What submitting would still find missing', type: [ApplicationProblemDto] })
  applicationMissing!: ApplicationProblemDto[];
  @ApiProperty({ description: '撤回或终止（否则为 null）How it ended early', type: ProjectEndingDto, nullable: true }) ending!: ProjectEndingDto | null;
  @ApiProperty({ description: '推进 Progress', type: ProjectProgressDto }) progress!: ProjectProgressDto;
  @ApiProperty({ description: '督导与安全 Supervision', type: ProjectSupervisionDto }) supervision!: ProjectSupervisionDto;
  @ApiProperty({ description: '评估考核（开始前为 null）Assessment', type: ProjectAssessmentDto, nullable: true }) assessment!: ProjectAssessmentDto | null;
  @ApiProperty({ description: '总结（首次提交前为 null）Summary', type: ProjectSummaryDto, nullable: true }) summary!: ProjectSummaryDto | null;
  @ApiProperty({ description: '须经的审批层级（按现行规则）Approval levels required, by the rules in force', type: [String] }) requiredApprovalLevels!: string[];
  @ApiProperty({ description: '上述层级所依据的规则版本（现行版本；已作出的审批见 application.approvedRulesVersion）The rules version they come from', type: 'integer', nullable: true }) requiredApprovalLevelsRulesVersion!: number | null;
  @ApiProperty({ description: '层级及其名称 The same, labelled', type: [LevelLabelDto] }) requiredApprovalLevelLabels!: LevelLabelDto[];
  @ApiProperty({ description: '待审批层级 Next approval level', type: String, nullable: true }) nextApprovalLevel!: string | null;
  @ApiProperty({ description: '层级名称 Its label', type: String, nullable: true }) nextApprovalLevelLabel!: string | null;
  @ApiProperty({ description: '您现在可以办理的操作 What you may do now', type: [String] }) allowedActions!: string[];
  @ApiProperty({ description: '操作及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
  @ApiProperty({
    description: '所提供的操作中，按项目现状须填写意见（note）才能办理的：原因同拒绝时的说明 {action, label, code, messageZh, messageEn}（如有专家未评分、评分分歧超过阈值、总结数据与报告不符、督导问题未整改）Offered actions the state makes need a note now, with why',
    type: 'array', items: { type: 'object', properties: { action: { type: 'string' }, label: { type: 'string' }, code: { type: 'string' }, messageZh: { type: 'string' }, messageEn: { type: 'string' } } },
  })
  noteRequired!: object[];
  @ApiProperty({ description: '参赛单位名称（未登记的为其编号）Name of the organisation (its id when it has none)' }) orgName!: string;
  @ApiProperty({ description: '所属竞赛活动名称 Title of the campaign' }) campaignTitle!: string;
  @ApiProperty({ description: '版本（If-Match 用）Revision', type: 'integer', nullable: true }) revision!: number | null;
}
