import { Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';
import type { Database } from 'better-sqlite3';
import { CampaignDefinition, CampaignEvent } from '../../domain';
import { orgPathTable } from '../org-paths/org-paths';
import { RecordedOf } from '../recorded-of';

export const campaignOrgs = orgPathTable('campaign_list_orgs');

interface CampaignRow {
  campaign_id: string;
  title: string;
  theme: string;
  year: number;
  level: string;
  organizer_org_id: string;
  organizer_path: string;
  status: string;
  rules_version: number;
  categories: string;
  opens_at: string;
  closes_at: string;
  approval_levels: string;
  window_closed: number;
  /** The campaign period's last day, when it sets one (else its year's). */
  period_ends: string | null;
  created_at: string;
  revision: number;
  position: number;
  updated_at: string;
}

const COLUMNS: Array<keyof CampaignRow> = [
  'campaign_id', 'title', 'theme', 'year', 'level', 'organizer_org_id', 'organizer_path', 'status', 'rules_version', 'categories',
  'opens_at', 'closes_at', 'approval_levels', 'window_closed', 'period_ends', 'created_at', 'revision', 'position', 'updated_at',
];

function write(db: Database, row: CampaignRow): void {
  db.prepare(`INSERT OR REPLACE INTO campaign_list (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
}

function withDefinition(row: CampaignRow, db: Database, d: Partial<CampaignDefinition>): CampaignRow {
  const next = { ...row };
  if (d.title !== undefined) next.title = d.title;
  if (d.theme !== undefined) next.theme = d.theme;
  if (d.year !== undefined) next.year = d.year;
  if (d.level !== undefined) next.level = d.level;
  if (d.organizerOrgId !== undefined) {
    next.organizer_org_id = d.organizerOrgId;
    next.organizer_path = campaignOrgs.pathOf(db, d.organizerOrgId);
  }
  if (d.categories !== undefined) next.categories = JSON.stringify(d.categories);
  if (d.applicationWindow !== undefined) {
    next.opens_at = d.applicationWindow.opensAt;
    next.closes_at = d.applicationWindow.closesAt;
  }
  if (d.approvalLevels !== undefined) next.approval_levels = JSON.stringify(d.approvalLevels);
  if (d.campaignPeriod !== undefined) next.period_ends = d.campaignPeriod?.endsOn ?? null;
  return next;
}

/**
 * One row per campaign for the scoped campaign list, with the organiser's path so a caller
 * sees campaigns organised in its subtree and those of its ancestors (the ones it can enter).
 */
export const campaignListProjection: Projection = {
  name: 'campaign_list',
  // 2: the campaign period's end, so lists and boards know when a campaign is over.
  version: 2,
  eventTypes: [
    campaignOrgs.eventType,
    'CampaignCreated',
    'CampaignDraftAmended',
    'CampaignPublished',
    'CampaignRulesAmended',
    'CampaignApplicationWindowClosed',
    'CampaignClosed',
  ],
  setup(db: Database) {
    campaignOrgs.setup(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS campaign_list (
        campaign_id TEXT PRIMARY KEY, title TEXT NOT NULL, theme TEXT NOT NULL, year INTEGER NOT NULL, level TEXT NOT NULL,
        organizer_org_id TEXT NOT NULL, organizer_path TEXT NOT NULL, status TEXT NOT NULL, rules_version INTEGER NOT NULL,
        categories TEXT NOT NULL, opens_at TEXT NOT NULL, closes_at TEXT NOT NULL, approval_levels TEXT NOT NULL,
        window_closed INTEGER NOT NULL, period_ends TEXT, created_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS campaign_list_organizer_path ON campaign_list(organizer_path);
    `);
  },
  reset(db: Database) {
    campaignOrgs.reset(db);
    db.exec('DROP TABLE IF EXISTS campaign_list');
  },
  apply(event: RecordedEvent, db: Database) {
    if (event.type === campaignOrgs.eventType) return campaignOrgs.apply(event, db);
    const e = event as unknown as RecordedOf<CampaignEvent>;
    const at = e.metadata.occurredAt;
    if (e.type === 'CampaignCreated') {
      const { campaignId, ...d } = (e as RecordedEvent<Extract<CampaignEvent, { type: 'CampaignCreated' }>>).data;
      const exists = db.prepare('SELECT 1 FROM campaign_list WHERE campaign_id = ?').get(campaignId);
      if (exists) return;
      const blank: CampaignRow = {
        campaign_id: campaignId, title: '', theme: '', year: 0, level: '', organizer_org_id: '', organizer_path: '', status: 'draft', rules_version: 0,
        categories: '[]', opens_at: '', closes_at: '', approval_levels: '[]', window_closed: 0, period_ends: null, created_at: at, revision: e.revision, position: e.position, updated_at: at,
      };
      write(db, withDefinition(blank, db, d));
      return;
    }
    const data = e.data as { campaignId: string };
    const row = db.prepare('SELECT * FROM campaign_list WHERE campaign_id = ?').get(data.campaignId) as CampaignRow | undefined;
    // Each event applies once: a row already at or past this revision has seen it.
    if (!row || row.revision >= e.revision) return;
    const stamped = { ...row, revision: e.revision, position: e.position, updated_at: at };
    switch (e.type) {
      case 'CampaignDraftAmended':
        return write(db, withDefinition(stamped, db, e.data.changes));
      case 'CampaignPublished':
        return write(db, { ...stamped, status: 'published', rules_version: e.data.rulesVersion });
      case 'CampaignRulesAmended':
        return write(db, { ...withDefinition(stamped, db, e.data.rules), rules_version: e.data.rulesVersion });
      case 'CampaignApplicationWindowClosed':
        return write(db, { ...stamped, window_closed: 1 });
      case 'CampaignClosed':
        return write(db, { ...stamped, status: 'closed' });
    }
  },
};
