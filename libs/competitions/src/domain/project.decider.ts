import { Decider } from '@jingsai/shared';
import { ProjectCommand } from './project.commands';
import { decideProject } from './project.decide';
import { ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { initialProjectState, ProjectState } from './project.state';

/** The competition project aggregate (竞赛项目, stream `project-<projectId>`): application, progress, supervision, assessment, summary. */
export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};
