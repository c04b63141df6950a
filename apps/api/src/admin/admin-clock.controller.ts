import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { APP_CONFIG, DeadlineScheduler, NoBodyDto } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles, requireRole } from '@jingsai/auth';
import { AdjustableClock, CLOCK, Clock, DomainError } from '@jingsai/shared';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { AppConfig } from '../config/app-config';

class SetClockDto {
  @ApiProperty({ description: '新的当前时间，须带时区（如 +08:00）The new current instant (ISO 8601, with its offset)', example: '2021-07-23T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  // A time without a zone was read as UTC, eight hours off the Beijing time an operator means (review 41 #8).
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'now must give its offset, e.g. 2021-07-23T09:00:00+08:00' })
  now!: string;
}

class AdvanceClockDto {
  @ApiPropertyOptional({ description: '前进天数 Days to move forward' }) @IsOptional() @IsInt() @Min(0) @Max(3650) days?: number;
  @ApiPropertyOptional({ description: '前进小时数 Hours to move forward' }) @IsOptional() @IsInt() @Min(0) @Max(87600) hours?: number;
}

/**
 * Outside production an administrator may move the service clock (demo, acceptance scenarios
 * about deadlines) and run the deadline scheduler at once. In production these routes refuse.
 */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Controller('api/v1/admin')
export class AdminClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: DeadlineScheduler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('clock')
  @ApiOperation({ summary: '当前服务时间 The service clock' })
  get() {
    return { now: this.clock.now().toISOString(), adjustable: this.adjustable() !== null };
  }

  @Put('clock')
  @Roles('admin')
  @ApiOperation({ summary: '设置服务时间（非生产环境）Set the service clock (not in production)' })
  set(@Body() body: SetClockDto, @CurrentUser() user: AuthUser) {
    this.clockFor(user).set(body.now);
    return this.get();
  }

  @Post('clock/advance')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '时间前进（非生产环境）Move the clock forward (not in production)' })
  advance(@Body() body: AdvanceClockDto, @CurrentUser() user: AuthUser) {
    const clock = this.clockFor(user);
    if (body.days === undefined && body.hours === undefined) {
      throw DomainError.validation('ADMIN.ADVANCE_NOTHING', '请填写前进的天数 days 或小时数 hours（至少一项）。', 'Give days or hours (at least one) to move the clock forward by.', {
        errors: [{ field: 'days', messageZh: 'days 或 hours 至少填一项', messageEn: 'give days or hours' }],
      });
    }
    clock.advance(((body.days ?? 0) * 24 + (body.hours ?? 0)) * 3_600_000);
    return this.get();
  }

  @Post('scheduler/tick')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: '立即检查到期事项 Record every deadline that has passed, now',
    description: '返回发出的命令数和日志当前位置 position：以其作 minPosition 读取，即可看到本次记录的结果。',
  })
  async tick(@Body() _body: NoBodyDto, @CurrentUser() user: AuthUser) {
    requireRole(user, 'admin');
    const commandsSent = await this.scheduler.tick();
    // The log's head after the pass: read with it as minPosition to see what the pass recorded.
    return { commandsSent, now: this.clock.now().toISOString(), position: await this.store.headPosition() };
  }

  private adjustable(): AdjustableClock | null {
    return this.config.clockAdjustable && this.clock instanceof AdjustableClock ? this.clock : null;
  }

  private clockFor(user: AuthUser): AdjustableClock {
    requireRole(user, 'admin');
    const clock = this.adjustable();
    if (!clock) {
      throw DomainError.forbidden('ADMIN.CLOCK_FIXED', '生产环境不能调整系统时间。', 'The clock cannot be moved in production.');
    }
    return clock;
  }
}
