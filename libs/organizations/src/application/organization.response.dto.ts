import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ORG_FACT_KINDS, ORG_KINDS, ORG_LEVELS, ORG_OWNERSHIPS } from '../domain';

/* What the organisation queries answer (org-tree.queries.ts), for the OpenAPI document. */

export class OrganizationDto {
  @ApiProperty({ description: '组织标识 Organisation id', example: 'jiujiang-xunyang' }) orgId!: string;
  @ApiProperty({ description: '组织名称 Name', example: '浔阳区劳动竞赛委员会' }) name!: string;
  @ApiProperty({ description: '类型 Kind', enum: ORG_KINDS }) kind!: string;
  @ApiProperty({ description: '层级 Level', enum: ORG_LEVELS }) level!: string;
  @ApiProperty({ description: '所有制 Ownership', enum: ORG_OWNERSHIPS, nullable: true }) ownership!: string | null;
  @ApiProperty({ description: '行业 Industry', type: String, nullable: true }) industry!: string | null;
  @ApiProperty({ description: '地区 Region', type: String, nullable: true }) region!: string | null;
  @ApiProperty({ description: '上级组织 Parent id (null for a root)', type: String, nullable: true }) parentId!: string | null;
  @ApiProperty({ description: '上级组织链，自根而下 Ancestors, root first', type: [String], example: ['jx', 'jj'] }) path!: string[];
  @ApiProperty({ description: '事件流版本（即 ETag，可作为 If-Match）Stream revision, the ETag to send as If-Match', type: 'integer' }) revision!: number;
}

export class LabelledOrganizationDto extends OrganizationDto {
  @ApiProperty({ description: '类型名称 Kind label', example: '劳动竞赛委员会' }) kindLabel!: string;
  @ApiProperty({ description: '层级名称 Level label', example: '县（市、区）级' }) levelLabel!: string;
  @ApiProperty({ description: '所有制名称 Ownership label', type: String, nullable: true, example: '非公' }) ownershipLabel!: string | null;
}

export class OrganizationFactDto {
  @ApiProperty({ description: '事实标识 Fact id' }) factId!: string;
  @ApiProperty({ description: '事实类型 Kind', enum: ORG_FACT_KINDS }) kind!: string;
  @ApiProperty({ description: '发生日期 Occurred on', format: 'date' }) occurredOn!: string;
  @ApiProperty({ description: '情况说明 Description' }) description!: string;
  @ApiProperty({ description: '记录时间 Recorded at', format: 'date-time' }) recordedAt!: string;
}

export class RetractedOrganizationFactDto extends OrganizationFactDto {
  @ApiProperty({ description: '撤回时间 Retracted at', format: 'date-time' }) retractedAt!: string;
  @ApiProperty({ description: '撤回理由 Why it was retracted', type: String, nullable: true }) reason!: string | null;
}

export class OrganizationFactsDto {
  @ApiProperty({ description: '组织标识 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '按发生日期排列（现行，不含已撤回的）By date occurred (in force)', type: [OrganizationFactDto] }) facts!: OrganizationFactDto[];
  @ApiProperty({ description: '已撤回的事实，含撤回时间与理由（不再作为评优否决依据）Retracted facts, with when and why (they no longer bar)', type: [RetractedOrganizationFactDto] }) retracted!: RetractedOrganizationFactDto[];
}

export class OrganizationWithinDto {
  @ApiProperty({ description: '组织 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '上级组织 The organisation asked about' }) ancestorId!: string;
  @ApiProperty({ description: '是否为其本身或下级 Whether orgId is ancestorId or under it' }) within!: boolean;
  @ApiProperty({ description: '组织的上级组织链 Ancestors of orgId, root first', type: [String] }) path!: string[];
}

export class OrganizationPageExtraDto {
  // The scope is the one describeScope answers everywhere: the supervision lists declare its schema.
  @ApiProperty({ description: '数据范围（所列子树）Scope: the subtree listed', allOf: [{ $ref: getSchemaPath('ScopeViewDto') }] }) scope!: object;
}
