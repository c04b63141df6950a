import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORG_FACT_KINDS, ORG_KINDS, ORG_LEVELS, ORG_OWNERSHIPS } from '../domain';
import { CLIENT_ID_PATTERN } from '@jingsai/shared';

export class RegisterOrganizationRequestDto {
  @ApiPropertyOptional({ description: '组织标识（可选，默认自动生成）Organisation id; generated when omitted', example: 'jiujiang-xunyang' })
  @IsOptional() @IsString() @Matches(CLIENT_ID_PATTERN, { message: 'orgId may contain letters, digits, _ . : - (1–64 characters)' })
  orgId?: string;

  @ApiProperty({ description: '组织名称 Name', example: '浔阳区劳动竞赛委员会' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '类型：劳动竞赛委员会 committee / 工会 union / 企业 enterprise / 班组 team', enum: ORG_KINDS })
  @IsIn(ORG_KINDS)
  kind!: (typeof ORG_KINDS)[number];

  @ApiProperty({ description: '层级：省 province > 市 city > 县区 county > 企业 enterprise > 班组 team', enum: ORG_LEVELS })
  @IsIn(ORG_LEVELS)
  level!: (typeof ORG_LEVELS)[number];

  @ApiPropertyOptional({ description: '所有制：国有 state_owned / 非公 non_public / 集体 collective / 外资 foreign', enum: ORG_OWNERSHIPS, nullable: true })
  @IsOptional() @IsIn(ORG_OWNERSHIPS)
  ownership?: (typeof ORG_OWNERSHIPS)[number] | null;

  @ApiPropertyOptional({ description: '行业 Industry', example: '石油化工', type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ description: '地区 Region', example: '九江市浔阳区', type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(100)
  region?: string | null;

  @ApiPropertyOptional({ description: '上级组织标识 Parent organisation id (omit for a root; admin only)' })
  @IsOptional() @IsString() @IsNotEmpty()
  parentId?: string;
}

export class UpdateOrganizationRequestDto {
  @ApiPropertyOptional({ description: '组织名称 Name' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: '行业 Industry', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) industry?: string | null;
  @ApiPropertyOptional({ description: '地区 Region', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(100) region?: string | null;
  @ApiPropertyOptional({ description: '所有制 Ownership', enum: ORG_OWNERSHIPS }) @IsOptional() @IsIn(ORG_OWNERSHIPS) ownership?: (typeof ORG_OWNERSHIPS)[number] | null;
}

export class RecordOrganizationFactRequestDto {
  @ApiProperty({
    description: '事实类型：安全生产事故 safety_accident / 严重职业危害 occupational_hazard / 群体性事件 mass_incident（三年内不得评优）；拖欠工资 wage_arrears / 未建工会 no_union（当年不得评优）',
    enum: ORG_FACT_KINDS,
  })
  @IsIn(ORG_FACT_KINDS)
  kind!: (typeof ORG_FACT_KINDS)[number];

  @ApiProperty({ description: '发生日期 Date it happened (YYYY-MM-DD)', example: '2021-03-15' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'occurredOn must be a date YYYY-MM-DD' })
  occurredOn!: string;

  @ApiProperty({ description: '情况说明 Description' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  description!: string;
}

export class RetractOrganizationFactRequestDto {
  @ApiProperty({ description: '撤回理由 Reason (keyed in error, finding overturned)', example: '经人社部门复核，拖欠工资认定已撤销' })
  @IsString() @MaxLength(2000)
  reason!: string;
}
