import { Module } from '@nestjs/common';
import { READ_MODEL_DB } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { OrganizationsModule } from '@jingsai/organizations';
import { boardProjection } from '../read-models/board/board.projection';
import { campaignListProjection } from '../read-models/campaigns/campaign-list.projection';
import { projectDeadlinesProjection } from '../read-models/deadlines/project-deadlines.projection';
import { supervisionProjection } from '../read-models/supervision/supervision.projection';
import { assessmentStatsProjection } from '../read-models/assessment/assessment-stats.projection';
import { coverageProjection } from '../read-models/statistics/coverage.projection';
import { BoardController } from './board.controller';
import {
  AmendCampaignDraftHandler, AmendCampaignRulesHandler, CloseCampaignHandler, CreateCampaignHandler, PublishCampaignHandler,
} from './campaign.handlers';
import { PublishRankingHandler, RankingsController } from './rankings.controller';
import { CampaignsController } from './campaigns.controller';
import { DraftProjectHandler, EditProjectDraftHandler, SubmitProjectHandler, WithdrawProjectHandler } from './project-application.handlers';
import {
  ApproveProjectHandler, GrantSubmissionExtensionHandler, RejectProjectHandler, ReturnProjectHandler, TerminateProjectHandler,
} from './project-decision.handlers';
import { ProjectFacts } from './project-facts.service';
import { ProjectsController } from './projects.controller';
import { ProjectAssessmentController } from './project-assessment.controller';
import { ProjectDeadlines } from './project-deadlines.service';
import { ProjectLoopHandler } from './project-loop.handler';
import { ProjectProgressController } from './project-progress.controller';
import { StatisticsController } from './statistics.controller';
import { SupervisionController } from './supervision.controller';

export const COMPETITION_PROJECTIONS = [
  campaignListProjection, boardProjection, projectDeadlinesProjection, supervisionProjection, coverageProjection, assessmentStatsProjection,
];

/** Tables exist before the first query, even while the runner is still starting. */
const READ_MODEL_SETUP = 'COMPETITIONS_READ_MODEL_SETUP';

/**
 * Campaigns and competition projects over HTTP through the whole loop (application, progress,
 * supervision, assessment, summary), the deadlines that pass by themselves, and the read
 * models: campaign list, board, supervision, coverage and assessment statistics. The
 * organisation directory comes from OrganizationsModule.
 */
@Module({
  imports: [OrganizationsModule],
  controllers: [CampaignsController, RankingsController, ProjectsController, ProjectProgressController, ProjectAssessmentController, BoardController, SupervisionController, StatisticsController],
  providers: [
    ProjectFacts,
    CreateCampaignHandler,
    AmendCampaignDraftHandler,
    PublishCampaignHandler,
    AmendCampaignRulesHandler,
    CloseCampaignHandler,
    PublishRankingHandler,
    DraftProjectHandler,
    EditProjectDraftHandler,
    SubmitProjectHandler,
    WithdrawProjectHandler,
    ApproveProjectHandler,
    ReturnProjectHandler,
    RejectProjectHandler,
    GrantSubmissionExtensionHandler,
    TerminateProjectHandler,
    ProjectLoopHandler,
    ProjectDeadlines,
    {
      provide: READ_MODEL_SETUP,
      inject: [READ_MODEL_DB],
      useFactory: (readDb: ReadModelDatabase) => {
        readDb.setUp(COMPETITION_PROJECTIONS);
        return true;
      },
    },
  ],
})
export class CompetitionsModule {}
