import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { CampaignEvent, ProjectEvent } from '../../domain';
import { RecordedOf } from '../recorded-of';

const ORG_TYPES = ['OrganizationRegistered', 'OrganizationUpdated'];
const CAMPAIGN_TYPES = ['CampaignCreated', 'CampaignDraftAmended', 'CampaignRulesAmended'];
// The award rounds' honours, for targets counted in honours (HONOUR_TARGET_AWARD_TYPES): read by type, as any projection reads the log.
const HONOUR_TYPES = ['AwardRoundCreated', 'HonourConferred', 'HonourRevoked', 'HonourWithdrawn'];
const PROJECT_TYPES = [
  'ProjectDrafted', 'ProjectDraftEdited', 'ProjectApproved', 'ProgressReportFiled', 'ProgressReportCorrected', 'SummarySubmitted', 'SummaryAccepted', 'ProjectWithdrawn', 'ProjectTerminated',
];

interface OrgData { orgId: string; name?: string; kind?: string; level?: string; ownership?: string | null; industry?: string | null; region?: string | null; parentPath?: string[]; changes?: Record<string, unknown> }

/**
 * The kind coverage counts an organisation as: an enterprise's own union (企业工会, a union at
 * enterprise level) takes part for its enterprise, so it is one participating enterprise as the
 * enterprise would be (it was counted a non-public unit but no enterprise).
 */
const coverageKind = (kind: string | undefined, level: string | undefined) => (kind === 'union' && level === 'enterprise' ? 'enterprise' : (kind ?? null));

/** Organisations with the attributes coverage is grouped by; an update changes them for every figure. */
function applyOrg(e: RecordedEvent, db: Database): void {
  const d = e.data as unknown as OrgData;
  if (e.type === 'OrganizationRegistered') {
    // A 班组 is its enterprise's: where it was registered without them, it is grouped by its enterprise's ownership, industry and region.
    const parentId = d.parentPath?.at(-1);
    const parent = d.kind === 'team' && parentId ? (db.prepare('SELECT ownership, industry, region FROM cov_orgs WHERE org_id = ?').get(parentId) as Partial<Record<'ownership' | 'industry' | 'region', string | null>> | undefined) : undefined;
    db.prepare('INSERT OR REPLACE INTO cov_orgs (org_id, name, path, kind, ownership, industry, region) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(d.orgId, d.name ?? d.orgId, `/${[...(d.parentPath ?? []), d.orgId].join('/')}/`, coverageKind(d.kind, d.level), d.ownership ?? parent?.ownership ?? null, d.industry ?? parent?.industry ?? null, d.region ?? parent?.region ?? null);
    return;
  }
  for (const field of ['name', 'kind', 'ownership', 'industry', 'region'] as const) {
    if (!d.changes || !(field in d.changes)) continue;
    const value = (d.changes[field] as string | null) ?? null;
    const before = field === 'name' || field === 'kind' ? undefined : (db.prepare(`SELECT ${field} AS v FROM cov_orgs WHERE org_id = ?`).get(d.orgId) as { v: string | null } | undefined)?.v;
    db.prepare(`UPDATE cov_orgs SET ${field} = ? WHERE org_id = ?`).run(value, d.orgId);
    // Its teams that took the value from it follow it.
    if (before !== undefined) db.prepare(`UPDATE cov_orgs SET ${field} = ? WHERE kind = 'team' AND path LIKE ? AND ${field} IS ?`).run(value, `%/${d.orgId}/%`, before);
  }
}

interface HonourData { campaignId?: string; awardType?: string; honourId?: string; recipient?: { orgId?: string } }

/** An honour conferred in one of the campaign's rounds stays counted until it is revoked or withdrawn (a suspension passes). */
function applyHonour(e: RecordedEvent, db: Database): void {
  const d = e.data as unknown as HonourData;
  switch (e.type) {
    case 'AwardRoundCreated':
      db.prepare('INSERT OR IGNORE INTO cov_rounds (stream_id, campaign_id) VALUES (?, ?)').run(e.streamId, d.campaignId ?? '');
      return;
    case 'HonourConferred': {
      const round = db.prepare('SELECT campaign_id FROM cov_rounds WHERE stream_id = ?').pluck().get(e.streamId) as string | undefined;
      if (round === undefined) return;
      db.prepare('INSERT OR IGNORE INTO cov_honours (honour_id, campaign_id, award_type, org_id, held) VALUES (?, ?, ?, ?, 1)').run(d.honourId, round, d.awardType, d.recipient?.orgId ?? null);
      return;
    }
    default:
      db.prepare('UPDATE cov_honours SET held = 0 WHERE honour_id = ?').run(d.honourId);
  }
}

function applyCampaign(e: RecordedOf<CampaignEvent>, db: Database): void {
  const targets = (campaignId: string, t: unknown) => db.prepare('UPDATE cov_campaigns SET targets = ? WHERE campaign_id = ?').run(JSON.stringify(t ?? []), campaignId);
  if (e.type === 'CampaignCreated') {
    db.prepare('INSERT OR IGNORE INTO cov_campaigns (campaign_id, title, targets) VALUES (?, ?, ?)').run(e.data.campaignId, e.data.title, JSON.stringify(e.data.targets ?? []));
  } else if (e.type === 'CampaignDraftAmended' && e.data.changes.targets) {
    targets(e.data.campaignId, e.data.changes.targets);
  } else if (e.type === 'CampaignRulesAmended') {
    targets(e.data.campaignId, e.data.rules.targets);
  }
}

/** The participating enterprises the registration form declares, where it declares them. */
const formEnterprises = (form: { participatingEnterprises?: number | null } | undefined): number | null =>
  typeof form?.participatingEnterprises === 'number' ? form.participatingEnterprises : null;

function applyProject(e: RecordedOf<ProjectEvent>, db: Database): void {
  const status = (projectId: string, s: string) => db.prepare('UPDATE cov_projects SET status = ? WHERE project_id = ?').run(s, projectId);
  switch (e.type) {
    case 'ProjectDrafted':
      db.prepare("INSERT OR IGNORE INTO cov_projects (project_id, campaign_id, org_id, category, approved, status, form_enterprises) VALUES (?, ?, ?, ?, 0, 'draft', ?)")
        .run(e.data.projectId, e.data.campaignId, e.data.orgId, e.data.category, formEnterprises(e.data.registrationForm));
      return;
    case 'ProjectDraftEdited':
      if (e.data.changes.registrationForm !== undefined) {
        db.prepare('UPDATE cov_projects SET form_enterprises = ? WHERE project_id = ?').run(formEnterprises(e.data.changes.registrationForm), e.data.projectId);
      }
      return;
    case 'ProjectApproved':
      db.prepare("UPDATE cov_projects SET approved = 1, status = 'in_progress' WHERE project_id = ?").run(e.data.projectId);
      return;
    case 'ProgressReportFiled':
    case 'ProgressReportCorrected': {
      const revision = e.type === 'ProgressReportCorrected' ? e.data.revision : 1;
      // The latest (superseding) report of a period is the one that counts.
      db.prepare(
        `INSERT INTO cov_reports (project_id, period, revision, metrics) VALUES (?, ?, ?, ?)
         ON CONFLICT (project_id, period) DO UPDATE SET revision = excluded.revision, metrics = excluded.metrics WHERE excluded.revision >= cov_reports.revision`,
      ).run(e.data.projectId, e.data.period, revision, JSON.stringify(e.data.metrics));
      return;
    }
    case 'SummarySubmitted':
      db.prepare(
        `INSERT INTO cov_summaries (project_id, revision, outcomes, accepted) VALUES (?, ?, ?, 0)
         ON CONFLICT (project_id) DO UPDATE SET revision = excluded.revision, outcomes = excluded.outcomes, accepted = 0 WHERE excluded.revision > cov_summaries.revision`,
      ).run(e.data.projectId, e.data.revision, JSON.stringify(e.data.outcomes));
      return;
    case 'SummaryAccepted':
      db.prepare('UPDATE cov_summaries SET accepted = 1 WHERE project_id = ? AND revision = ?').run(e.data.projectId, e.data.revision);
      return void status(e.data.projectId, 'summarized');
    case 'ProjectWithdrawn':
      return void status(e.data.projectId, 'withdrawn');
    case 'ProjectTerminated':
      return void status(e.data.projectId, 'terminated');
    default:
      return;
  }
}

/**
 * Coverage and outcomes (覆盖面与成果): approved projects with their organisation's region,
 * industry and ownership, the latest report per period, the accepted summary's totals, and the
 * campaign's targets. Figures are combined when read (see coverage.queries.ts).
 */
export const coverageProjection: Projection = {
  name: 'coverage',
  // 2: honours conferred in the campaign's rounds, for the targets counted in honours; 3: the
  // organisation's kind and the form's participating enterprises, the fallbacks of a unit that reports none; 5: a team is grouped by
  // its enterprise's ownership, industry and region where it was registered without them.
  version: 5,
  eventTypes: [...ORG_TYPES, ...CAMPAIGN_TYPES, ...PROJECT_TYPES, ...HONOUR_TYPES],
  deferredIndexes: ['cov_projects_campaign'],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS cov_orgs (org_id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, kind TEXT, ownership TEXT, industry TEXT, region TEXT);
      CREATE TABLE IF NOT EXISTS cov_campaigns (campaign_id TEXT PRIMARY KEY, title TEXT NOT NULL, targets TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS cov_projects (project_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, org_id TEXT NOT NULL, category TEXT NOT NULL, approved INTEGER NOT NULL, status TEXT NOT NULL, form_enterprises INTEGER);
      CREATE TABLE IF NOT EXISTS cov_reports (project_id TEXT NOT NULL, period TEXT NOT NULL, revision INTEGER NOT NULL, metrics TEXT NOT NULL, PRIMARY KEY (project_id, period));
      CREATE TABLE IF NOT EXISTS cov_summaries (project_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, outcomes TEXT NOT NULL, accepted INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS cov_projects_campaign ON cov_projects(campaign_id, approved);
      CREATE TABLE IF NOT EXISTS cov_rounds (stream_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS cov_honours (honour_id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, award_type TEXT NOT NULL, org_id TEXT, held INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS cov_honours_campaign ON cov_honours(campaign_id, award_type, held);
    `);
  },
  reset(db: Database) {
    db.exec(
      'DROP TABLE IF EXISTS cov_orgs; DROP TABLE IF EXISTS cov_campaigns; DROP TABLE IF EXISTS cov_projects; DROP TABLE IF EXISTS cov_reports; DROP TABLE IF EXISTS cov_summaries; ' +
        'DROP TABLE IF EXISTS cov_rounds; DROP TABLE IF EXISTS cov_honours;',
    );
  },
  apply(event: RecordedEvent, db: Database) {
    if (ORG_TYPES.includes(event.type)) return applyOrg(event, db);
    if (CAMPAIGN_TYPES.includes(event.type)) return applyCampaign(event as unknown as RecordedOf<CampaignEvent>, db);
    if (HONOUR_TYPES.includes(event.type)) return applyHonour(event, db);
    return applyProject(event as unknown as RecordedOf<ProjectEvent>, db);
  },
};
