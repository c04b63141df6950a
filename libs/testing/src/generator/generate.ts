import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  Campaign, CampaignCommand, CampaignEvent, CampaignState, campaignDecider, campaignReportingFacts, campaignRulesSnapshot, keyProjectAssessmentPreset,
} from '@jingsai/competitions';
import { NewEvent, SqliteEventStore } from '@jingsai/event-store';
import { OrganizationCommand, OrganizationEvent, OrganizationState, organizationDecider } from '@jingsai/organizations';
import { Actor, SYSTEM_ACTOR } from '@jingsai/shared';
import { CampaignFacts, ProjectFate, ProjectSummary, projectHistory } from './project-history';
import { GeneratedOrg, buildProvince } from './province';
import { Random } from './random';
import { StreamBuilder, addDays, beijing } from './stream-builder';

export interface GenerateOptions {
  /** The event store file to write (it should be new: streams are created with 'no_stream'). */
  path: string;
  /** About how many events to write (default 1,000,000); generation stops at the first project batch past it. */
  events?: number;
  seed?: number;
  /** The generated history ends before this day (YYYY-MM-DD, Beijing); default today. */
  today?: string;
  /** Projects written per group-commit transaction (default 500). */
  batchProjects?: number;
  onProgress?: (events: number, target: number) => void;
}

/** What was generated, for benchmarks and people: written next to the store as generator-manifest.json. */
export interface GenerationManifest {
  today: string;
  currentYear: number;
  events: number;
  streams: number;
  ms: number;
  orgs: { total: number; cities: number; counties: number; enterprises: number; teams: number; byOwnership: Record<string, number> };
  campaigns: string[];
  projectsByStatus: Record<string, number>;
  /** The project with the most events. */
  longestProject: { projectId: string; events: number };
  /** Every project of the current year that is still open, for benchmarks to act on. */
  open: ProjectSummary[];
  assessors: Array<{ userId: string; orgId: string }>;
}

export const MANIFEST_FILE = 'generator-manifest.json';
/** Events per project on average, measured, used only to size the province before generating. */
const EVENTS_PER_PROJECT = 24;

const PAST_FATES: Record<ProjectFate, number> = { summarized: 88, rejected: 4, withdrawn: 4, returned: 4, submitted: 0, approved_lower: 0, in_progress: 0, under_assessment: 0 };
const CURRENT_FATES: Record<ProjectFate, number> = { submitted: 14, approved_lower: 6, in_progress: 50, under_assessment: 20, returned: 4, rejected: 3, withdrawn: 3, summarized: 0 };

const admin: Actor = { userId: 'admin', role: 'admin', orgId: 'jx', name: '系统管理员' };
const committeeOf = (o: GeneratedOrg): Actor => ({ userId: `cm-${o.orgId}`, role: 'committee', orgId: o.orgId, name: `${o.name}办公室` });

function beijingToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Generates a province's competitions into a new SQLite event store: the organisation tree,
 * a city campaign per city for last year (projects run the whole loop to an accepted summary)
 * and this year (projects at every stage up to today), each project's history decided by the
 * real deciders (see `projectHistory`), appended stream by stream in large group commits, so
 * the hash chains are the store's own and `verify` passes.
 */
export async function generateProvince(options: GenerateOptions): Promise<GenerationManifest> {
  const started = Date.now();
  const target = options.events ?? 1_000_000;
  const rnd = new Random(options.seed ?? 20210722);
  const today = options.today ?? beijingToday();
  const y = today.slice(5) >= '05-15' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const projectCount = Math.max(20, Math.ceil(target / EVENTS_PER_PROJECT));
  const province = buildProvince(Math.max(11, Math.ceil(projectCount / 2)), rnd);
  const store = new SqliteEventStore({ path: options.path, synchronous: 'NORMAL', maxBatch: 5000 });
  let events = 0;
  let streams = 0;
  const write = async (builders: Array<{ streamId: string; events: NewEvent[] }>) => {
    const results = await Promise.all(builders.filter((b) => b.events.length > 0).map((b) => store.append(b.streamId, b.events, 'no_stream')));
    streams += results.length;
    events += results.reduce((s, r) => s + r.events.length, 0);
    options.onProgress?.(events, target);
  };

  try {
    const byId = new Map(province.all.map((o) => [o.orgId, o]));
    const orgStreams = province.all.map((o) => {
      const b = new StreamBuilder<OrganizationState, OrganizationCommand, OrganizationEvent>(`organization-${o.orgId}`, organizationDecider);
      const parent = o.parentId ? byId.get(o.parentId)! : null;
      b.run({
        type: 'RegisterOrganization', orgId: o.orgId, at: beijing(`${y - 1}-01-0${o.level === 'province' || o.level === 'city' ? 2 : 3}`, 9), actor: admin, name: o.name, kind: o.kind, level: o.level,
        ownership: o.ownership, industry: o.industry, region: o.region, parent: parent ? { orgId: parent.orgId, level: parent.level, parentPath: parent.path } : null,
      });
      return b;
    });
    for (let i = 0; i < orgStreams.length; i += 5000) await write(orgStreams.slice(i, i + 5000));

    const committees = new Map([...province.cities, ...province.counties].map((o) => [o.orgId, committeeOf(o)]));
    const campaigns = new Map<string, CampaignFacts>();
    const campaignStreams: Array<StreamBuilder<CampaignState, CampaignCommand, CampaignEvent>> = [];
    for (const year of [y - 1, y]) {
      for (const city of province.cities) {
        const campaignId = `${city.orgId}-${year}`;
        const actor = committees.get(city.orgId)!;
        const b = new StreamBuilder<CampaignState, CampaignCommand, CampaignEvent>(`campaign-${campaignId}`, campaignDecider);
        const window = { opensAt: beijing(`${year}-01-05`, 0), closesAt: beijing(`${year}-04-01`, 0) };
        b.run({
          type: 'CreateCampaign', campaignId, at: beijing(`${year}-01-03`, 10), actor, title: `${city.region}${year}年“建功新时代”主题劳动和技能竞赛`, theme: '建功新时代、奋进新征程', year, level: 'city',
          organizerOrgId: city.orgId, categories: ['skills', 'key_project', 'non_public', 'mass_innovation'], applicationWindow: window, reportingCadence: 'monthly',
          assessment: keyProjectAssessmentPreset(), approvalLevels: ['county', 'city'],
          targets: [{ metric: 'enterprises', target: 500 }, { metric: 'participant_times', target: 200000 }, { metric: 'technical_innovations', target: 2000 }, { metric: 'suggestions_adopted', target: 10000 }],
        });
        b.run({ type: 'PublishCampaign', campaignId, at: beijing(`${year}-01-04`, 9), actor });
        const campaign = b.state as Campaign;
        campaigns.set(campaignId, {
          campaignId, year, snapshot: campaignRulesSnapshot(campaign), reporting: campaignReportingFacts(campaign), scheme: campaign.rules.assessment,
          categories: campaign.rules.categories, committees,
        });
        if (addDays(`${year}-04-01`, 0) < today) b.run({ type: 'CloseApplicationWindow', campaignId, at: beijing(`${year}-04-01`, 0, 1), actor: SYSTEM_ACTOR });
        campaignStreams.push(b);
      }
    }
    await write(campaignStreams);

    const assessors: Actor[] = province.assessorBodies.flatMap((body, bi) =>
      Array.from({ length: 10 }, (_, k) => ({ userId: `as-${bi + 1}-${k + 1}`, role: 'assessor' as const, orgId: body.orgId, name: `${body.name}专家${k + 1}` })),
    );
    const byStatus: Record<string, number> = {};
    const open: ProjectSummary[] = [];
    let longest = { projectId: '', events: 0 };
    const batch = options.batchProjects ?? 500;
    for (let i = 0; events < target || i < 2; ) {
      const builders = [];
      for (const end = i + batch; i < end; i++) {
        const current = i % 2 === 1;
        const year = current ? y : y - 1;
        const ent = province.enterprises[Math.floor(i / 2) % province.enterprises.length]!;
        const { builder, summary } = projectHistory(
          { projectId: `p${year}-${i + 1}`, enterprise: ent, campaign: campaigns.get(`${ent.cityId}-${year}`)!, fate: rnd.weighted(current ? CURRENT_FATES : PAST_FATES), today, assessors },
          rnd,
        );
        builders.push(builder);
        byStatus[summary.status] = (byStatus[summary.status] ?? 0) + 1;
        if (current && ['submitted', 'in_progress', 'under_assessment'].includes(summary.status)) open.push(summary);
        if (summary.events > longest.events) longest = { projectId: summary.projectId, events: summary.events };
      }
      await write(builders);
    }

    const byOwnership: Record<string, number> = {};
    for (const e of province.enterprises) byOwnership[e.ownership!] = (byOwnership[e.ownership!] ?? 0) + 1;
    const manifest: GenerationManifest = {
      today, currentYear: y, events, streams, ms: Date.now() - started,
      orgs: { total: province.all.length, cities: province.cities.length, counties: province.counties.length, enterprises: province.enterprises.length, teams: province.teams.length, byOwnership },
      campaigns: [...campaigns.keys()], projectsByStatus: byStatus, longestProject: longest, open, assessors: assessors.map((a) => ({ userId: a.userId, orgId: a.orgId })),
    };
    writeFileSync(join(dirname(options.path), MANIFEST_FILE), JSON.stringify(manifest));
    return manifest;
  } finally {
    await store.close();
  }
}
