import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_CATEGORY_KEYS, PROJECT_ACTIONS, PROJECT_STATUSES } from '../domain';
import { ScopeViewDto } from './supervision.response.dto';

/*
 * What the board answers (board.queries.ts, with the caller's actions the controller adds), for
 * the OpenAPI document. Only the document reads these classes.
 */

/** An action offered to the caller, with the words a console shows for it. */
export class ActionLabelDto {
  @ApiProperty({ description: '操作 Action', example: 'approve' }) action!: string;
  @ApiProperty({ description: '中文名称 Label', example: '审批通过' }) label!: string;
  @ApiPropertyOptional({ description: '办理该操作的请求方法（项目一级的操作才有）Method of the request that takes it (project-level actions)', enum: ['POST', 'PATCH'] }) method?: string;
  @ApiPropertyOptional({ description: '办理该操作的请求地址 Where that request goes', example: '/api/v1/projects/jj-textile-skills/approve' }) href?: string;
}

export class BoardItemDto {
  @ApiProperty({ description: '项目 Project id' }) projectId!: string;
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) category!: string;
  @ApiProperty({ description: '类别名称 Category label' }) categoryLabel!: string;
  @ApiProperty({ description: '参赛单位 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '参赛单位的上级组织 Ancestors of the organisation', type: [String] }) orgPath!: string[];
  @ApiProperty({ description: '参赛单位名称（未登记的为 null）Name of the organisation', type: String, nullable: true }) orgName!: string | null;
  @ApiProperty({ description: '项目状态 Status', enum: PROJECT_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
  @ApiProperty({ description: '项目名称 Title' }) title!: string;
  @ApiProperty({ description: '最近提交时间 Last submitted at', type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({
    description: '进入当前状态的时间（看板按此排序，最久在前）：待审批为报送时间，推进中为立项时间，评估中为开始评估时间，依此类推 Since when the project is in its current state (the board sorts by it, oldest first)',
    format: 'date-time',
  })
  waitingSince!: string;
  @ApiProperty({ description: '待审批层级 Next approval level', type: String, nullable: true }) nextApprovalLevel!: string | null;
  @ApiProperty({ description: '层级名称 Its label', type: String, nullable: true }) nextApprovalLevelLabel!: string | null;
  @ApiProperty({ description: '已审批层级 Levels that approved', type: [String] }) approvedLevels!: string[];
  @ApiProperty({ description: '退回理由 Reason of the last return', type: String, nullable: true }) returnedReason!: string | null;
  @ApiProperty({ description: '退回层级 Level that returned it', type: String, nullable: true }) returnedLevel!: string | null;
  @ApiProperty({ description: '不予立项的理由 Why it was rejected', type: String, nullable: true }) rejectedReason!: string | null;
  @ApiProperty({ description: '逾期提交被拒次数 Late submissions refused', type: 'integer' }) lateAttempts!: number;
  @ApiProperty({ description: '延期至 Extension until', type: String, format: 'date-time', nullable: true }) extensionUntil!: string | null;
  @ApiProperty({ description: '指派的评估专家 Assessors assigned', type: [String] }) assessors!: string[];
  @ApiProperty({ description: '尚未评分的专家（仅能看到全部评分者可见，其他人只见本人）Assessors still to score, as far as you may know', type: [String] }) pendingAssessors!: string[];
  @ApiProperty({ description: '尚未评分的专家人数 How many have not scored', type: 'integer' }) pendingAssessorCount!: number;
  @ApiProperty({ description: '待整改问题 Findings to rectify', type: 'integer' }) openFindings!: number;
  @ApiProperty({ description: '待验收整改（竞赛委员会：只计由本委员会或下级督导提出、本委员会可验收的）Rectifications to review (for a committee: those it verifies)', type: 'integer' }) findingsToReview!: number;
  @ApiProperty({ description: '逾期未报的报送期 Periods overdue', type: [String] }) overduePeriods!: string[];
  @ApiProperty({ description: '评估总分 Total', type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ description: '考核等次 Grade', type: String, nullable: true }) grade!: string | null;
  @ApiProperty({ description: '等次名称 Grade label', type: String, nullable: true }) gradeLabel!: string | null;
  @ApiProperty({ description: '已记录的推进节点 Milestones recorded', type: 'integer' }) milestones!: number;
  @ApiProperty({ description: '一票否决（安全、质量事故）Vetoed by an accident' }) vetoed!: boolean;
  @ApiProperty({ description: '已计入的评分 Score sheets counted', type: 'integer' }) scoresCounted!: number;
  @ApiProperty({ description: '确定结果所需评分数（评估开始前为 null）Sheets needed', type: 'integer', nullable: true }) scoresNeeded!: number | null;
  @ApiProperty({ description: '提交前尚需补全的字段（完整后为空）Fields submitting would still find missing', type: [String] }) applicationMissing!: string[];
  @ApiProperty({ description: '项目版本（If-Match 用）Revision', type: 'integer' }) revision!: number;
  @ApiProperty({ description: '最近更新 Updated at', format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: '您现在可以办理的操作 What you may do now', type: 'array', items: { type: 'string', enum: [...PROJECT_ACTIONS] } }) allowedActions!: string[];
  @ApiProperty({ description: '操作及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
}

export class BoardStatusCountDto {
  @ApiProperty({ description: '状态 Status' }) status!: string;
  @ApiProperty({ description: '状态名称 Label', example: '已提交' }) label!: string;
  @ApiProperty({ description: '项目数 Projects', type: 'integer' }) count!: number;
}

export class BoardCategoryCountDto {
  @ApiProperty({ description: '竞赛类别 Category' }) category!: string;
  @ApiProperty({ description: '类别名称 Label', example: '职业技能竞赛' }) label!: string;
  @ApiProperty({ description: '项目数 Projects', type: 'integer' }) count!: number;
}

export class BoardSummaryDto {
  @ApiProperty({ description: '数据范围 Scope of the rows', type: ScopeViewDto }) scope!: ScopeViewDto;
  @ApiPropertyOptional({ description: 'counts=true 时：各状态的项目数（按其余筛选条件，含 0）By stage', type: [BoardStatusCountDto] }) byStatus?: BoardStatusCountDto[];
  @ApiPropertyOptional({ description: 'counts=true 时：各类别的项目数（按其余筛选条件）By category', type: [BoardCategoryCountDto] }) byCategory?: BoardCategoryCountDto[];
}
