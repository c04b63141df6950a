import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { CommandResponse } from '@jingsai/api-kit';
import { AWARD_TYPES, HONOUR_LEVELS, HONOUR_STATUSES, NOMINEE_KINDS, POOLS, RULE_KEYS } from './award-domain';
import { NoticePeriodDto } from './notice.request.dto';
import { LabelDto } from './rule-set.request.dto';

/*
 * What the award-round GETs and the conferral answer (award-round-list.queries.ts,
 * award-round.view.ts, conferralSummary), for the OpenAPI document. Members the view copies from
 * the domain's own records (removal details, quota breaches, outstanding clearances) are
 * free-form objects. Only the document reads these classes.
 */

const FREE = { type: 'object', additionalProperties: true } as const;
const STAGES = ['nominating', 'notice', 'notice_ended', 'conferred'];

export class AwardTypeLabelDto extends LabelDto {
  @ApiProperty({ description: '可推荐的对象类型 Nominee kinds the award takes', type: 'array', items: { type: 'string', enum: [...NOMINEE_KINDS] } }) nomineeKinds!: string[];
}

export class RuleSetRefDto {
  @ApiProperty({ description: '规则集 Rule set id' }) ruleSetId!: string;
  @ApiProperty({ description: '版本 Version', type: 'integer' }) version!: number;
}

export class ActionLabelsDto {
  @ApiProperty({ description: '您现在可以办理的操作 What you may do now', type: [String] }) allowedActions!: string[];
  @ApiProperty({
    description: '操作及其名称 The same, labelled: {action, label}, with the request that takes it where the item is known ({method, href}), and what its body must say where two actions share a request ({body}: 同意/不同意征求意见的 decision)',
    type: 'array', items: FREE,
  })
  allowedActionLabels!: object[];
}

/** What a round's list row and its view share. */
export class AwardRoundCoreDto {
  @ApiProperty({ description: '评选轮次 Round id' }) roundId!: string;
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '奖项 Award type', enum: AWARD_TYPES }) awardType!: string;
  @ApiProperty({ description: '奖项名称 Its label', type: AwardTypeLabelDto }) awardTypeLabel!: AwardTypeLabelDto;
  @ApiProperty({ description: '授予级别 Level conferred', enum: HONOUR_LEVELS }) honourLevel!: string;
  @ApiProperty({ description: '级别名称 Its label', type: LabelDto }) honourLevelLabel!: LabelDto;
  @ApiProperty({ description: '规则集版本 Rule-set version', type: RuleSetRefDto }) ruleSet!: RuleSetRefDto;
  @ApiProperty({ description: '开展评选的组织 Organising organisation' }) orgId!: string;
  @ApiProperty({ description: '阶段 Stage', enum: STAGES }) stage!: string;
  @ApiProperty({ description: '阶段名称 Stage label', type: LabelDto }) stageLabel!: LabelDto;
}

export class AwardRoundListItemDto extends AwardRoundCoreDto {
  @ApiProperty({ description: '公示期 {startsOn, lastDay}（未公示为 null）Notice', ...FREE, nullable: true }) notice!: object | null;
  @ApiProperty({ description: '推荐中的人选 Active nominations', type: 'integer' }) activeNominations!: number;
  @ApiProperty({ description: '已授予的荣誉 Honours conferred', type: 'integer' }) honoursConferred!: number;
  @ApiProperty({ description: '其中现仍保有（未撤销、未摘牌）Of those, still held (not revoked or withdrawn)', type: 'integer' }) honoursHeld!: number;
  @ApiProperty({ description: '创建时间 Created at', format: 'date-time' }) createdAt!: string;
}

export class ListedNomineeDto {
  @ApiProperty({ description: '推荐编号 Nomination id' }) nominationId!: string;
  @ApiProperty({ description: '姓名或名称 Name' }) name!: string;
  @ApiProperty({ description: '以递补人选身份公示 Published as a substitute' }) substitute!: boolean;
  @ApiPropertyOptional({ description: '推荐对象类型 unit / team / person' }) kind?: string;
  @ApiPropertyOptional({ description: '类型名称 Kind label {zh, en}', type: 'object', additionalProperties: true }) kindLabel?: object;
  @ApiPropertyOptional({ description: '所属组织 Organisation the nominee belongs to' }) orgId?: string;
  @ApiPropertyOptional({ description: '所属组织名称 Its registered name (null when not registered)', type: String, nullable: true }) orgName?: string | null;
}

export class NoticeViewDto {
  @ApiProperty({ description: '公示期 Period', type: NoticePeriodDto }) period!: NoticePeriodDto;
  @ApiProperty({ description: '开始日期 Starts on', format: 'date' }) startsOn!: string;
  @ApiProperty({ description: '最后一天 Last day', format: 'date' }) lastDay!: string;
  @ApiProperty({ description: '公示开始时刻：当日发布的为发布时刻，否则为开始日期 0 时（北京时间） Starts at: the instant of publication when it starts that day, else 00:00 Beijing time of startsOn', format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: '结束时刻 Ends at', format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: '日历天数 Calendar days', type: 'integer' }) calendarDays!: number;
  @ApiProperty({ description: '其中工作日（节假日历未覆盖的年份为 null）Working days', type: 'integer', nullable: true }) workingDays!: number | null;
  @ApiProperty({ description: '说明 Summary', example: '公示 5 天（含工作日 5 天）：2022-03-14 至 2022-03-18' }) summary!: string;
  @ApiProperty({ description: '发布当日计入公示期（当日发布时为 true，摘要中注明发布时刻） The day of publication counts as the first day (true when published during it; the summary gives the time)' }) firstDayCounted!: boolean;
  @ApiProperty({ description: '公示名单（在本轮范围内公开；递补人选以递补身份公示）The list as published, public within the round’s area', type: [ListedNomineeDto] }) listed!: ListedNomineeDto[];
}

export class NomineeViewDto {
  @ApiProperty({ description: '对象类型 Kind', enum: NOMINEE_KINDS }) kind!: string;
  @ApiProperty({ description: '对象标识 Id' }) id!: string;
  @ApiProperty({ description: '名称 Name' }) name!: string;
  @ApiProperty({ description: '所在单位 Organisation' }) orgId!: string;
  @ApiProperty({ description: '类型名称 Kind label', type: LabelDto }) kindLabel!: LabelDto;
}

export class ClearanceViewDto {
  @ApiProperty({ description: '征求意见部门 Department' }) department!: string;
  @ApiProperty({ description: '部门名称 Its label', type: LabelDto }) label!: LabelDto;
  @ApiProperty({ description: '意见 Status', enum: ['pending', 'granted', 'refused'] }) status!: string;
  @ApiProperty({ description: '意见名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
}

export class EligibilityReasonDto {
  @ApiProperty({ description: '规则 Rule', enum: RULE_KEYS }) rule!: string;
  @ApiProperty({ description: '符合 Passed' }) passed!: boolean;
  @ApiProperty({ description: '说明 Message' }) messageZh!: string;
  @ApiProperty({ description: 'Message' }) messageEn!: string;
  @ApiProperty({ description: '所依据的事实（因规则而异）Facts the rule read, by rule', ...FREE }) facts!: object;
  @ApiPropertyOptional({ description: '尚未符合但仍可能符合（如报名尚未截止）Not yet, but still can', enum: [true] }) pending?: boolean;
}

export class FailedRuleDto {
  @ApiProperty({ description: '规则 Rule' }) rule!: string;
  @ApiProperty({ description: '原因 Why it fails' }) messageZh!: string;
  @ApiProperty({ description: 'Why it fails, in English' }) messageEn!: string;
}

export class VerdictViewDto {
  @ApiProperty({ description: '符合评选条件 Eligible' }) eligible!: boolean;
  @ApiProperty({ description: '规则集 Rule set id' }) ruleSetId!: string;
  @ApiProperty({ description: '规则集版本 Version', type: 'integer' }) ruleSetVersion!: number;
  @ApiProperty({ description: '核对时间 Checked at', format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ description: '未通过的规则数 Rules failed', type: 'integer' }) failed!: number;
  @ApiProperty({ description: '逐条结论 Each rule', type: [EligibilityReasonDto] }) reasons!: EligibilityReasonDto[];
}

export class PoolAdmissionDto {
  @ApiProperty({ description: '依据：考核优秀 excellent_grade / 技能竞赛优胜者 skills_champion', enum: ['excellent_grade', 'skills_champion'] }) basis!: string;
  @ApiProperty({ description: '依据名称 Its label', type: LabelDto }) basisLabel!: LabelDto;
  @ApiProperty({ description: '所属竞赛项目 Project', type: String, nullable: true }) projectId!: string | null;
  @ApiProperty({ description: '考核等次 Grade', type: String, nullable: true }) grade!: string | null;
  @ApiProperty({ description: '竞赛类别 Category', type: String, nullable: true }) category!: string | null;
}

export class NominationViewDto extends ActionLabelsDto {
  @ApiProperty({ description: '推荐编号 Nomination id' }) nominationId!: string;
  @ApiProperty({ description: '推荐对象 Nominee', type: NomineeViewDto }) nominee!: NomineeViewDto;
  @ApiProperty({ description: '名额池 Pool', enum: POOLS }) pool!: string;
  @ApiProperty({ description: '名额池名称 Pool label', type: LabelDto }) poolLabel!: LabelDto;
  @ApiPropertyOptional({ description: '进入竞赛表彰名额池的依据（仅该名额池）Why the competition-reserved pool took it', type: PoolAdmissionDto }) poolAdmission?: PoolAdmissionDto;
  @ApiProperty({ description: '推荐单位 Recommending organisation' }) recommenderOrgId!: string;
  @ApiProperty({ description: '正式人选（推荐中且非递补）A primary' }) primary!: boolean;
  @ApiProperty({ description: '递补人选 A substitute' }) substitute!: boolean;
  @ApiProperty({ description: '递补顺序 Order', type: 'integer' }) order!: number;
  @ApiProperty({ description: '状态 Status (conferred: it led to an honour, named by honourId)', enum: ['active', 'removed', 'withdrawn', 'conferred'] }) status!: string;
  @ApiPropertyOptional({ description: '授予的荣誉（已表彰时）The honour it led to, once conferred' }) honourId?: string;
  @ApiPropertyOptional({ description: '该荣誉的现状（已表彰时；撤销、摘牌、暂停后 statusLabel 亦注明）The honour’s status now, once conferred', enum: ['valid', 'revoked', 'withdrawn', 'suspended'] })
  honourStatus?: string;
  @ApiPropertyOptional({ description: '荣誉现状名称 Its label', type: LabelDto }) honourStatusLabel?: LabelDto;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
  @ApiPropertyOptional({ description: '移出原因 {reason, reasonLabel, …}（仅被移出的推荐）Why it was removed', ...FREE }) removal?: object;
  @ApiProperty({ description: '人选属性 Attributes stated', type: 'object', additionalProperties: true }) attributes!: Record<string, unknown>;
  @ApiProperty({ description: '本推荐须经的审核层级（其上没有该层级组织的层级略过，如市直单位无县级）Its review levels (a level with no organisation over the nominee is skipped)', type: [String] }) levels!: string[];
  @ApiPropertyOptional({ description: '推荐后已不符合的规则（按今天的事实重新核对；仅公示前、有不符合时）Rules the facts fail now, judged again before the notice', type: [FailedRuleDto] }) noLongerEligible?: FailedRuleDto[];
  @ApiProperty({ description: '已通过的审核层级 Review levels passed', type: [String] }) levelsPassed!: string[];
  @ApiProperty({ description: '层级名称 Their labels', type: [LabelDto] }) levelsPassedLabels!: LabelDto[];
  @ApiProperty({ description: '待审核层级 Next review level', type: String, nullable: true }) nextLevel!: string | null;
  @ApiProperty({ description: '层级名称 Its label', type: LabelDto, nullable: true }) nextLevelLabel!: LabelDto | null;
  @ApiProperty({ description: '职代会审议日期 Workers’ congress decision on', type: String, format: 'date', nullable: true }) workersCongressOn!: string | null;
  @ApiProperty({
    description: '逐级公示：各级推荐、审核前所做的公示（level、levelLabel、startsOn、lastDay、workingDays、calendarDays）The public notices its levels held before passing it up',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  levelNotices!: object[];
  @ApiProperty({ description: '征求意见 Clearances', type: [ClearanceViewDto] }) clearances!: ClearanceViewDto[];
  @ApiProperty({ description: '资格结论 Eligibility verdict', type: VerdictViewDto }) verdict!: VerdictViewDto;
}

export class NominationInRoundDto extends NominationViewDto {
  @ApiProperty({ description: '评选轮次 Round id' }) roundId!: string;
}

export class NominationPageExtraDto {
  @ApiProperty({ description: '评选轮次 Round id' }) roundId!: string;
}

export class ObjectionViewDto extends ActionLabelsDto {
  @ApiProperty({ description: '异议编号 Objection id' }) objectionId!: string;
  @ApiProperty({ description: '被反映的推荐 Nomination' }) nominationId!: string;
  @ApiProperty({ description: '状态 Status', enum: ['open', 'upheld', 'dismissed'] }) status!: string;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
  @ApiProperty({ description: '反映的问题 Grounds', type: String, nullable: true }) grounds!: string | null;
  @ApiProperty({ description: '核查意见 Note', type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: '提出时间 Raised at', type: String, format: 'date-time', nullable: true }) raisedAt!: string | null;
  @ApiProperty({ description: '处理时间 Resolved at', type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiPropertyOptional({ description: '反映人（组织评选的评选表彰办公室、审计督查与反映人本人可见）Objector, for the organising office, auditors and the objector', ...FREE, nullable: true }) objector?: object | null;
  @ApiPropertyOptional({ description: '被异议的推荐其后的去向（已不在名单上时）What became of the nomination objected to, once off the list' }) nominationOutcomeZh?: string;
}

export class ObjectionInRoundDto extends ObjectionViewDto {
  @ApiProperty({ description: '评选轮次 Round id' }) roundId!: string;
}

export class RecipientDto {
  @ApiProperty({ description: '对象类型 Kind', enum: NOMINEE_KINDS }) kind!: string;
  @ApiProperty({ description: '对象标识 Id', type: String, nullable: true }) id!: string | null;
  @ApiProperty({ description: '名称 Name' }) name!: string;
  @ApiProperty({ description: '所在单位 Organisation', type: String, nullable: true }) orgId!: string | null;
}

export class RoundHonourDto extends ActionLabelsDto {
  @ApiProperty({ description: '荣誉标识 Honour id', example: 'jj-cert/n-b' }) honourId!: string;
  @ApiProperty({ description: '推荐编号 Nomination' }) nominationId!: string;
  @ApiProperty({ description: '获得者 Recipient', type: RecipientDto }) recipient!: RecipientDto;
  @ApiProperty({ description: '荣誉类型 Honour type' }) awardType!: string;
  @ApiProperty({ description: '级别 Level', enum: HONOUR_LEVELS }) level!: string;
  @ApiProperty({ description: '级别名称 Level label', type: LabelDto }) levelLabel!: LabelDto;
  @ApiProperty({ description: '名额池 Pool', enum: POOLS, nullable: true }) pool!: string | null;
  @ApiProperty({ description: '授予日期 Conferred on', format: 'date' }) conferredOn!: string;
  @ApiProperty({ description: '状态 Status', enum: HONOUR_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
  @ApiProperty({ description: '所随之授予的荣誉（青年岗位能手）Honour it follows from', type: String, nullable: true }) sourceHonourId!: string | null;
}

export class RatioUnstatedDto {
  @ApiProperty({ description: '人数 How many', type: 'integer' }) count!: number;
  @ApiProperty({ description: '未填写的属性 The attributes left out', type: [String] }) attributes!: string[];
  @ApiProperty({ description: '说明 Note' }) noteZh!: string;
  @ApiProperty({ description: 'Note (English)' }) noteEn!: string;
}

export class RatioResultDto {
  @ApiProperty({ description: '比例标识 Key' }) key!: string;
  @ApiProperty({ description: '名称 Label', type: LabelDto }) label!: LabelDto;
  @ApiProperty({ description: '不少于 >= / 不超过 <=', enum: ['>=', '<='] }) op!: string;
  @ApiProperty({ description: '要求百分比 Required percent', type: Number }) required!: number;
  @ApiProperty({ description: '实际百分比 Actual percent', type: Number }) actual!: number;
  @ApiProperty({ description: '分子 Numerator', type: 'integer' }) numerator!: number;
  @ApiProperty({ description: '分母 Denominator', type: 'integer' }) denominator!: number;
  @ApiProperty({ description: '已满足 Met' }) met!: boolean;
  @ApiPropertyOptional({ description: '未填写本项比例所需属性的人选（在基数内按不符合计；未填基数属性的不计入基数）Nominees who do not state an attribute the ratio reads (counted as not matching, or left out of a nested base)', type: RatioUnstatedDto }) unstated?: RatioUnstatedDto;
}

export class SubQuotaUseDto {
  @ApiProperty({ description: '分项标识 Key' }) key!: string;
  @ApiPropertyOptional({ description: '名称 Label', type: LabelDto }) label?: LabelDto;
  @ApiProperty({ description: '正式人选中的人数 Primaries counted', type: 'integer' }) count!: number;
  @ApiProperty({ description: '上限 Max', type: 'integer' }) max!: number;
  @ApiProperty({ description: '下限 Min', type: 'integer', nullable: true }) min!: number | null;
  @ApiProperty({ description: '已满足 Met' }) met!: boolean;
}

export class PoolUseDto {
  @ApiProperty({ description: '名额池 Pool', enum: POOLS }) pool!: string;
  @ApiProperty({ description: '名称 Label', type: LabelDto }) label!: LabelDto;
  @ApiProperty({ description: '名额 Quota', type: 'integer' }) quota!: number;
  @ApiProperty({ description: '正式人选 Primaries', type: 'integer' }) primaries!: number;
}

export class SlateDto {
  @ApiProperty({ description: '结构比例与分项名额均满足 Every ratio and sub-quota met' }) met!: boolean;
  @ApiProperty({ description: '名单现可公示或表彰：逐级审核完成、征求意见齐备、名额与比例满足 The list may go public or be conferred as it stands' }) ready!: boolean;
  @ApiProperty({ description: '尚不能公示或表彰的首要原因（ready 时为 null）What stops it first', type: 'object', nullable: true, additionalProperties: true, properties: { code: { type: 'string' }, messageZh: { type: 'string' }, messageEn: { type: 'string' } } })
  notReady!: { code: string; messageZh: string; messageEn: string } | null;
  @ApiProperty({ description: '结构比例 Ratios', type: [RatioResultDto] }) ratios!: RatioResultDto[];
  @ApiProperty({ description: '分项名额 Sub-quotas', type: [SubQuotaUseDto] }) subQuotas!: SubQuotaUseDto[];
  @ApiProperty({ description: '名额使用 Quota use', type: [PoolUseDto] }) quotas!: PoolUseDto[];
  @ApiProperty({ description: '超出的名额 {quota, key, limit, count, …} Quotas exceeded', type: 'array', items: FREE }) quotaBreaches!: object[];
  @ApiProperty({ description: '待反馈的征求意见 {nominationId, departments, …} Clearances outstanding', type: 'array', items: FREE }) pendingClearances!: object[];
}

export class AwardRoundViewDto extends IntersectionType(AwardRoundCoreDto, ActionLabelsDto) {
  @ApiProperty({ description: '事件流（审计历史与重放用：GET /api/v1/audit/streams/{streamId}/events）Its event stream, for the audit history', example: 'awardRound-jj-2021-may-day' }) streamId!: string;
  @ApiProperty({ description: '版本（If-Match 用）Revision', type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty({ description: '审核层级（由低到高）Review levels, lowest first', type: [String] }) levels!: string[];
  @ApiProperty({ description: '层级名称 Their labels', type: [LabelDto] }) levelLabels!: LabelDto[];
  @ApiProperty({ description: '公示最少工作日 Minimum notice working days', type: 'integer' }) minimumNoticeWorkingDays!: number;
  @ApiProperty({ description: '按自然日公示的最少天数（未设为 null：按日期公示须含足最少工作日）Minimum notice by dates, in calendar days', type: 'integer', nullable: true }) minimumNoticeCalendarDays!: number | null;
  @ApiProperty({ description: '公示（未公示为 null）Notice', type: NoticeViewDto, nullable: true }) notice!: NoticeViewDto | null;
  @ApiProperty({ description: '您可见的推荐 Nominations you may see', type: [NominationViewDto] }) nominations!: NominationViewDto[];
  @ApiProperty({ description: '异议 Objections', type: [ObjectionViewDto] }) objections!: ObjectionViewDto[];
  @ApiProperty({ description: '授予的荣誉 Honours conferred', type: [RoundHonourDto] }) honours!: RoundHonourDto[];
  @ApiProperty({ description: '名单核对（整轮）Slate check, of the whole round', type: SlateDto }) slate!: SlateDto;
}

export class RemovedAtConferralDto {
  @ApiProperty({ description: '推荐编号 Nomination' }) nominationId!: string;
  @ApiProperty({ description: '未通过的规则 {rule, messageZh, …} Rules failed', type: 'array', items: FREE }) failedReasons!: object[];
}

export class ConferralDto {
  @ApiProperty({ description: '授予的荣誉数 Honours conferred', type: 'integer' }) conferred!: number;
  @ApiProperty({ description: '表彰时不再符合条件而移出的人选 Nominees removed at conferral', type: [RemovedAtConferralDto] }) removed!: RemovedAtConferralDto[];
  @ApiPropertyOptional({ description: '未授予时的说明及下一步 Why nothing was conferred, and what to do' }) messageZh?: string;
  @ApiPropertyOptional({ description: 'The same in English' }) messageEn?: string;
  @ApiPropertyOptional({ description: '余下名单未满足的要求（如 AWARD.SUB_QUOTA_NOT_MET、AWARD.SLATE_RATIOS_NOT_MET）What the remaining list fails, as the refusal code' }) listFails?: string;
}

export class ConferResponseDto extends CommandResponse {
  @ApiProperty({ description: '本次表彰的结果 What the conferral did', type: ConferralDto }) conferral!: ConferralDto;
}
