import { AuthUser } from '@jingsai/auth';
import { RequestLike } from '@jingsai/api-kit';
import { Actor } from '@jingsai/shared';
import { Project, ProjectAction, ProjectCommand } from '../domain';
import { ProjectFacts } from './project-facts.service';

/** The actions of the middle of the loop (推进、督导、评估、总结), each one POST route. */
export const LOOP_ACTIONS = [
  'file_progress_report', 'record_milestone', 'give_instant_commendation', 'record_inspection', 'report_rectification', 'accept_rectification',
  'reject_rectification', 'record_incident', 'open_assessment', 'add_assessor', 'declare_conflict', 'record_score', 'record_self_score',
  'finalize_assessment', 'submit_summary', 'accept_summary', 'return_summary',
] as const satisfies readonly ProjectAction[];
export type LoopAction = (typeof LOOP_ACTIONS)[number];

/** Who may ask for each action over HTTP (the decider checks the role again). */
export type LoopAccess = 'unit' | 'committee' | 'assessor' | 'unit_or_committee';

export const LOOP_ACCESS: Record<LoopAction, LoopAccess> = {
  file_progress_report: 'unit',
  record_milestone: 'unit_or_committee',
  give_instant_commendation: 'committee',
  record_inspection: 'committee',
  report_rectification: 'unit',
  accept_rectification: 'committee',
  reject_rectification: 'committee',
  record_incident: 'unit_or_committee',
  open_assessment: 'committee',
  add_assessor: 'committee',
  declare_conflict: 'assessor',
  record_score: 'assessor',
  record_self_score: 'unit',
  finalize_assessment: 'committee',
  submit_summary: 'unit',
  accept_summary: 'committee',
  return_summary: 'committee',
};

/** One loop command from a route: the action, the project, the body and route parameters (findingId, milestoneId). */
export class ProjectLoopCommand {
  constructor(
    readonly action: LoopAction,
    readonly projectId: string,
    readonly body: any,
    readonly user: AuthUser,
    readonly req: RequestLike,
    readonly params: Record<string, string> = {},
  ) {}
}

/** What a builder gets to turn a request into the domain command. */
export interface LoopInput {
  project: Project;
  body: any;
  params: Record<string, string>;
  base: { projectId: string; at: string; actor: Actor };
  facts: ProjectFacts;
  /** A fresh id for a new item (derived from the Idempotency-Key when given). */
  newItemId: () => string;
}

export interface LoopBuilt {
  command: ProjectCommand;
  itemId?: string;
  /** Fields the answer carries besides the usual ones (the ids of items the command created within the item). */
  answer?: Record<string, unknown>;
  /** A note for the answer, from the events the command recorded. */
  note?: (events: ReadonlyArray<{ type: string }>) => { noteZh: string; noteEn: string } | undefined;
}

export type LoopBuilder = (input: LoopInput) => LoopBuilt | Promise<LoopBuilt>;
