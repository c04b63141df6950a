import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, ReadConsistency, newAggregateId } from '@jingsai/api-kit';
import { CommandOutcome } from '@jingsai/event-store';
import { ORG_DIRECTORY, OrgDirectory, requireRole, requireWithinScope } from '@jingsai/auth';
import { DomainError, newId, streamIdOf } from '@jingsai/shared';
import { OrganizationState, ParentOrgFacts, organizationDecider } from '../domain';
import { RecordOrganizationFactCommand, RegisterOrganizationCommand, RetractOrganizationFactCommand, UpdateOrganizationCommand } from './organization.commands';

export const orgStream = (orgId: string) => streamIdOf('organization', orgId);

export interface OrgCommandResult {
  id: string;
  outcome: CommandOutcome<OrganizationState>;
  /** The fact a fact command recorded. */
  itemId?: string;
}

function unknownOrg(orgId: string): DomainError {
  return DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${orgId} 不存在。`, `Organisation ${orgId} does not exist.`, { orgId });
}

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, OrgCommandResult> {
  constructor(private readonly commands: CommandExecutor) {}

  async execute({ body, user, req }: RegisterOrganizationCommand): Promise<OrgCommandResult> {
    // DOMAIN.md: the system operator registers organisations.
    const role = requireRole(user, 'admin');
    let parent: ParentOrgFacts | null = null;
    if (body.parentId) {
      const { state } = await this.commands.state(orgStream(body.parentId), organizationDecider);
      if (state.status !== 'registered') throw unknownOrg(body.parentId);
      parent = { orgId: state.orgId, level: state.level, parentPath: state.parentPath };
    }
    const orgId = body.orgId ?? newAggregateId(req, user, newId);
    const ctx = this.commands.context(req, user, role);
    const outcome = await this.commands.run(orgStream(orgId), organizationDecider, {
      type: 'RegisterOrganization',
      orgId,
      at: ctx.now.toISOString(),
      actor: ctx.actor,
      name: body.name,
      kind: body.kind,
      level: body.level,
      ownership: body.ownership ?? null,
      industry: body.industry ?? null,
      region: body.region ?? null,
      parent,
    }, ctx);
    return { id: orgId, outcome };
  }
}

/** Committees act on organisations in their subtree; administrators on any. */
async function authorise(commands: CommandExecutor, consistency: ReadConsistency, orgs: OrgDirectory, orgId: string, user: RegisterOrganizationCommand['user'], ...roles: Array<'admin' | 'committee'>) {
  const role = requireRole(user, ...roles);
  const { state } = await commands.state(orgStream(orgId), organizationDecider);
  if (state.status !== 'registered') throw unknownOrg(orgId);
  if (role !== 'admin') {
    await consistency.catchUp();
    requireWithinScope(orgs, user.orgId, orgId);
  }
  return role;
}

@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand, OrgCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ orgId, body, user, req }: UpdateOrganizationCommand): Promise<OrgCommandResult> {
    const role = await authorise(this.commands, this.consistency, this.orgs, orgId, user, 'admin');
    const ctx = this.commands.context(req, user, role);
    const outcome = await this.commands.run(orgStream(orgId), organizationDecider, { type: 'UpdateOrganization', orgId, at: ctx.now.toISOString(), actor: ctx.actor, changes: { ...body } }, ctx);
    return { id: orgId, outcome };
  }
}

@CommandHandler(RecordOrganizationFactCommand)
export class RecordOrganizationFactHandler implements ICommandHandler<RecordOrganizationFactCommand, OrgCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ orgId, body, user, req }: RecordOrganizationFactCommand): Promise<OrgCommandResult> {
    const role = await authorise(this.commands, this.consistency, this.orgs, orgId, user, 'admin', 'committee');
    const ctx = this.commands.context(req, user, role);
    const factId = newAggregateId(req, user, newId);
    const outcome = await this.commands.run(orgStream(orgId), organizationDecider, {
      type: 'RecordOrganizationFact', orgId, at: ctx.now.toISOString(), actor: ctx.actor, factId,
      kind: body.kind, occurredOn: body.occurredOn, description: body.description,
    }, ctx);
    // The fact's id, to retract it by (review 43 #5).
    return { id: orgId, outcome, itemId: factId };
  }
}

/** 撤回组织事实: a fact recorded in error or overturned stops barring anyone; who took it back, and why, is recorded (review 43 #5). */
@CommandHandler(RetractOrganizationFactCommand)
export class RetractOrganizationFactHandler implements ICommandHandler<RetractOrganizationFactCommand, OrgCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ orgId, factId, body, user, req }: RetractOrganizationFactCommand): Promise<OrgCommandResult> {
    const role = await authorise(this.commands, this.consistency, this.orgs, orgId, user, 'admin', 'committee');
    // A fact is taken back by whoever recorded it or a level above them, never by one below (a county committee retracting
    // the city's finding against the county itself, review 44 #5).
    if (role !== 'admin') {
      const recorded = (await this.commands.events(orgStream(orgId))).find((e) => e.type === 'OrganizationFactRecorded' && (e.data as { factId?: string }).factId === factId);
      const recorder = recorded?.metadata.actor.orgId;
      if (recorder && !this.orgs.isWithin(recorder, user.orgId)) {
        throw DomainError.forbidden(
          'ORGANIZATION.FACT_RECORDED_ABOVE',
          `事实记录 ${factId} 由 ${this.orgs.get(recorder)?.name ?? recorder} 记录，只能由其或其上级撤回。`,
          `Fact ${factId} was recorded by ${recorder}; only it or a level above it may retract it.`,
          { factId, recordedByOrgId: recorder },
        );
      }
    }
    const ctx = this.commands.context(req, user, role);
    const outcome = await this.commands.run(orgStream(orgId), organizationDecider, { type: 'RetractOrganizationFact', orgId, at: ctx.now.toISOString(), actor: ctx.actor, factId, reason: body.reason }, ctx);
    return { id: orgId, outcome };
  }
}
