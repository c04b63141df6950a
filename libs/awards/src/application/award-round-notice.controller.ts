import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandResponse, NoBodyDto, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { conferralSummary, whyNotConferred } from './conferral-summary';
import { AwardRoundCommandResult } from './award-round-setup.handlers';
import { ChangeHonourCommand, ConferCommand, HonourVerb, RaiseObjectionCommand, ReopenNominationsCommand, ResolveObjectionCommand, StartPublicNoticeCommand } from './award.commands';
import { HonourChangeRequestDto, RaiseObjectionRequestDto, ReopenNominationsRequestDto, ResolveObjectionRequestDto, StartPublicNoticeRequestDto } from './notice.request.dto';
import { ConferResponseDto } from './award-round.response.dto';

@ApiTags('award-rounds 评选表彰')
@ApiBearerAuth()
@Controller('api/v1/award-rounds')
export class AwardRoundNoticeController {
  constructor(private readonly commandBus: CommandBus) {}

  private async run(command: object, reply: any): Promise<CommandResponse> {
    const r: AwardRoundCommandResult = await this.commandBus.execute(command);
    return { ...commandResponse(r.id, r.outcome, reply, { itemId: r.itemId }), ...(r.noteZh ? { noteZh: r.noteZh, noteEn: r.noteEn } : {}) };
  }

  private honour(verb: HonourVerb, roundId: string, honourId: string, body: HonourChangeRequestDto, user: AuthUser, req: any, reply: any) {
    return this.run(new ChangeHonourCommand(roundId, honourId, verb, body ?? {}, user, req), reply);
  }

  @Post(':roundId/public-notice')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({
    summary: '开始公示 Start the public notice',
    description: '公示期按工作日（节假日与调休按国务院通知）或按日历起止日期；名单未完成逐级审核、部门意见或结构比例未达要求时拒绝，并列出实际与要求比例。公示期满由系统自动记录。',
  })
  @ApiOkResponse({ type: CommandResponse })
  startNotice(@Param('roundId') roundId: string, @Body() body: StartPublicNoticeRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new StartPublicNoticeCommand(roundId, body, user, req), reply);
  }

  @Post(':roundId/objections')
  @HttpCode(201)
  @ApiOperation({ summary: '提出异议（实名）Raise an objection during the notice', description: '个人须提供真实姓名和联系方式，单位须加盖公章。' })
  raiseObjection(@Param('roundId') roundId: string, @Body() body: RaiseObjectionRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new RaiseObjectionCommand(roundId, body, user, req), reply);
  }

  @Post(':roundId/objections/:objectionId/resolve')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '处理异议 Resolve an objection', description: '属实（upheld）则撤回该推荐并按顺序递补；不属实（dismissed）则维持。' })
  @ApiOkResponse({ type: CommandResponse })
  resolve(@Param('roundId') roundId: string, @Param('objectionId') objectionId: string, @Body() body: ResolveObjectionRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new ResolveObjectionCommand(roundId, objectionId, body, user, req), reply);
  }

  @Post(':roundId/reopen-nominations')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({
    summary: '重新开放推荐 Reopen nominations after the notice (award office), with a reason',
    description: '公示结束后，如表彰时移出的人选使名单不再满足结构比例或分项名额，可重新开放推荐、补充人选后再次公示。Back to nominating when the list no longer holds; a new notice follows.',
  })
  @ApiOkResponse({ type: CommandResponse })
  reopen(@Param('roundId') roundId: string, @Body() body: ReopenNominationsRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new ReopenNominationsCommand(roundId, body ?? {}, user, req), reply);
  }

  @Post(':roundId/confer')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '表彰 Confer the honours', description: '公示期满且异议均已处理后，一次性授予全部正式人选，不超过任何名额；再次表彰将被拒绝。' })
  @ApiOkResponse({ description: 'The command response, with what the conferral did', type: ConferResponseDto })
  async confer(@Param('roundId') roundId: string, @Body() _body: NoBodyDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    const r: AwardRoundCommandResult = await this.commandBus.execute(new ConferCommand(roundId, user, req));
    const state = r.outcome.state;
    const left = state.nominations.filter((n) => n.status === 'active' && !n.substitute).length;
    return {
      ...commandResponse(r.id, r.outcome, reply),
      conferral: conferralSummary(r.outcome.events, left, whyNotConferred(state)),
      // A nominee removed at conferral whose substitute was passed over is said too (review 44 #10).
      ...(r.noteZh ? { noteZh: r.noteZh, noteEn: r.noteEn } : {}),
    };
  }

  @Post(':roundId/honours/:honourId/revoke')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '撤销荣誉 Revoke an honour (e.g. obtained by fraud)', description: 'honourId 为荣誉标识（URL 编码）或推荐编号；撤销后荣誉核验永不显示有效。' })
  revoke(@Param('roundId') roundId: string, @Param('honourId') honourId: string, @Body() body: HonourChangeRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.honour('revoke', roundId, honourId, body, user, req, reply);
  }

  @Post(':roundId/honours/:honourId/withdraw')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '摘牌 Withdraw an honour (dynamic management: ordered / automatic / natural)' })
  withdraw(@Param('roundId') roundId: string, @Param('honourId') honourId: string, @Body() body: HonourChangeRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.honour('withdraw', roundId, honourId, body, user, req, reply);
  }

  @Post(':roundId/honours/:honourId/suspend')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停荣誉 Suspend an honour' })
  suspend(@Param('roundId') roundId: string, @Param('honourId') honourId: string, @Body() body: HonourChangeRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.honour('suspend', roundId, honourId, body, user, req, reply);
  }

  @Post(':roundId/honours/:honourId/reinstate')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复荣誉 Reinstate a suspended honour' })
  reinstate(@Param('roundId') roundId: string, @Param('honourId') honourId: string, @Body() body: HonourChangeRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.honour('reinstate', roundId, honourId, body, user, req, reply);
  }
}
