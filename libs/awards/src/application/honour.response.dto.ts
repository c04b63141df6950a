import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, getSchemaPath } from '@nestjs/swagger';
import { HONOUR_LEVELS, HONOUR_STATUSES, NOMINEE_KINDS, POOLS } from './award-domain';
import { ActionLabelsDto, RecipientDto } from './award-round.response.dto';
import { LabelDto } from './rule-set.request.dto';

/*
 * What the honours register answers (honour-register.queries.ts, with the href and scope the
 * controller adds), for the OpenAPI document. Only the document reads these classes.
 */

/** An award's catalogue entry; a derived honour (青年岗位能手) has no nominee kinds of its own. */
export class HonourTypeLabelDto extends LabelDto {
  @ApiPropertyOptional({ description: '可推荐的对象类型（评选奖项）Nominee kinds, for an award', type: 'array', items: { type: 'string', enum: [...NOMINEE_KINDS] } }) nomineeKinds?: string[];
}

export class HonourHistoryEntryDto {
  @ApiProperty({ description: '事件 Event', example: 'HonourConferred' }) event!: string;
  @ApiProperty({ description: '事件名称 Event label', example: '授予' }) eventLabel!: string;
  @ApiProperty({ description: '其后的状态 Status after it', enum: HONOUR_STATUSES, nullable: true }) status!: string | null;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto, nullable: true }) statusLabel!: LabelDto | null;
  @ApiProperty({ description: '理由 Reason', type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: '摘牌方式 Withdrawal mode', type: String, nullable: true }) mode!: string | null;
  @ApiProperty({ description: '摘牌方式名称 Its label (责令摘牌 / 自动摘牌 / 自然摘牌)', type: String, nullable: true }) modeLabel!: string | null;
  @ApiProperty({ description: '时间 At', format: 'date-time' }) at!: string;
  @ApiProperty({ description: '操作人 Actor', type: String, nullable: true }) actorUserId!: string | null;
  @ApiProperty({ description: '操作人角色 Actor role', type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ description: '角色名称 Role label', type: String, nullable: true }) actorRoleLabel!: string | null;
}

export class VetoIncidentDto {
  @ApiProperty({ description: '竞赛项目 Project' }) projectId!: string;
  @ApiProperty({ description: '项目名称 Project title', type: String, nullable: true }) title!: string | null;
  @ApiProperty({ description: '事故类型 Incident kind', example: 'quality_accident' }) kind!: string;
  @ApiProperty({ description: '事故类型名称 Kind label', type: LabelDto }) kindLabel!: LabelDto;
  @ApiProperty({ description: '严重程度 Severity' }) severity!: string;
  @ApiProperty({ description: '严重程度名称 Severity label', type: LabelDto }) severityLabel!: LabelDto;
  @ApiProperty({ description: '发生日期 Occurred on', format: 'date' }) occurredOn!: string;
  @ApiProperty({ description: '早于表彰（表彰时即不符合条件）Before the conferral' }) beforeConferral!: boolean;
}

export class VetoReviewDto {
  @ApiProperty({ description: '所依托项目的一票否决事故 Veto accidents on the projects it rests on', type: [VetoIncidentDto] }) incidents!: VetoIncidentDto[];
  @ApiProperty({ description: '提示 What to review' }) noteZh!: string;
  @ApiProperty({ description: 'What to review' }) noteEn!: string;
}

export class HonourDto {
  @ApiProperty({ description: '荣誉标识（含 /，用于路径时须 URL 编码）Honour id', example: 'jj-cert/n-b' }) honourId!: string;
  @ApiProperty({ description: '评选轮次（即时表彰为 null）Round', type: String, nullable: true }) roundId!: string | null;
  @ApiProperty({ description: '推荐编号（即时表彰为 null）Nomination', type: String, nullable: true }) nominationId!: string | null;
  @ApiProperty({
    description: '来源：评选 {kind: round, roundId, nominationId}，或推进节点的即时表彰 {kind: milestone, projectId, milestoneId, givenByOrgId} Where it came from',
    type: 'object', additionalProperties: true, required: ['kind'], properties: { kind: { type: 'string', enum: ['round', 'milestone'] } },
  })
  source!: object;
  @ApiProperty({ description: '获得者 Recipient', type: RecipientDto }) recipient!: RecipientDto;
  @ApiProperty({ description: '荣誉类型 Honour type' }) awardType!: string;
  @ApiProperty({ description: '荣誉名称 Its label', type: HonourTypeLabelDto }) awardTypeLabel!: HonourTypeLabelDto;
  @ApiProperty({ description: '级别 Level', enum: HONOUR_LEVELS, nullable: true }) level!: string | null;
  @ApiProperty({ description: '级别名称 Level label', type: LabelDto, nullable: true }) levelLabel!: LabelDto | null;
  @ApiProperty({ description: '名额池 Pool', enum: POOLS, nullable: true }) pool!: string | null;
  @ApiProperty({ description: '授予日期 Conferred on', format: 'date' }) conferredOn!: string;
  @ApiProperty({ description: '所随之授予的荣誉 Honour it follows from', type: String, nullable: true }) sourceHonourId!: string | null;
  @ApiProperty({ description: '状态 Status', enum: HONOUR_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
  @ApiProperty({ description: '状态变更时间 Status changed at', format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ description: '现仍有效 Held now (valid)' }) current!: boolean;
  @ApiProperty({ description: '历史 History', type: [HonourHistoryEntryDto] }) history!: HonourHistoryEntryDto[];
  @ApiPropertyOptional({ description: '待核查：所依托的竞赛项目（推荐所依托的项目；单位、班组另含其在本活动中的各项目；即时表彰为其项目）发生安全、质量一票否决事故（仅有效或暂停的荣誉；是否撤销由评选办公室决定）For review: a safety or quality accident on a project it rests on', type: VetoReviewDto })
  vetoReview?: VetoReviewDto;
  @ApiProperty({ description: '详情地址 Where to read it', example: '/api/v1/honours/jj-cert%2Fn-b' }) href!: string;
}

export class HonourTypeCountDto {
  @ApiProperty({ description: '荣誉类型 Honour type' }) awardType!: string;
  @ApiProperty({ description: '荣誉名称 Its label', type: HonourTypeLabelDto }) awardTypeLabel!: HonourTypeLabelDto;
  @ApiProperty({ description: '符合筛选条件的总数（含已撤销、摘牌、暂停）All matching, whatever their status', type: 'integer' }) total!: number;
  @ApiProperty({ description: '其中现仍有效 Of which held now (valid)', type: 'integer' }) held!: number;
  @ApiProperty({ description: '计入目标任务的数（有效及暂停的，与覆盖面统计一致）Counted toward the targets (valid and suspended), as coverage counts them', type: 'integer' }) counted!: number;
}

export class HonourPageExtraDto {
  // The scope is the one describeScope answers everywhere: the supervision lists declare its schema.
  @ApiProperty({ description: '数据范围（获得者所在组织）Scope of the rows, by the recipient’s organisation', allOf: [{ $ref: getSchemaPath('ScopeViewDto') }] }) scope!: object;
  @ApiProperty({ description: '按荣誉类型计数（全部页，非仅本页），用于核对目标任务 Counts by type over every page, to reconcile targets', type: [HonourTypeCountDto] }) byType!: HonourTypeCountDto[];
}

/** One honour as its detail answers: the register's row without its own address, and what the caller may do to it. */
export class HonourDetailDto extends IntersectionType(OmitType(HonourDto, ['href'] as const), ActionLabelsDto) {
  @ApiPropertyOptional({ description: '即时表彰在所属项目中办理 Where an instant commendation is changed (its project)' }) manageAt?: string;
  @ApiProperty({ description: '所属评选轮次的版本（即 ETag，撤销、暂停等操作的 If-Match；即时表彰为 null）The round’s revision, the ETag to send as If-Match', type: 'integer', nullable: true })
  roundRevision!: number | null;
}
