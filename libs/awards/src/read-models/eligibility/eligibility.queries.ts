import type { Database } from 'better-sqlite3';
import { readTogether } from '@jingsai/event-store';
import {
  AWARD_TYPE_CATALOGUE, AwardType, EligibilityReason, NOMINEE_KIND_LABELS, ELIGIBILITY_VERDICT_LABELS, EligibilityVerdict, EligibilityVerdictStatus, GRADES, Grade, OrganizationFacts, Ownership, ProjectFacts, RoundFacts, RuleSpec, evaluateEligibility, shanghaiDateOf, withMandatoryRules,
} from '../../application/award-domain';
import { PROJECT_STATUS_LABELS, ProjectStatus } from '@jingsai/competitions';
import { deadlineDateOf } from '../../application/project-facts.mapper';
import { projectIncidentFactsOf } from './project-facts.projection';
import { honoursHeldBy } from '../honours/honour-register.queries';

interface ProjectRow {
  project_id: string;
  campaign_id: string;
  campaign_year: number | null;
  org_id: string;
  title: string;
  status: string;
  approved: number;
  first_on_time: number | null;
  first_submitted_at: string | null;
  late_refused_at: string | null;
  summary_accepted: number;
  grade: string | null;
  closes_at: string | null;
  org_name: string | null;
  ownership: string | null;
  org_level: string | null;
  org_path: string | null;
  org_kind: string | null;
}

/** Rules about the nominee itself; left out when the board judges a unit for an award to persons or teams. */
const NOMINEE_RULES: ReadonlySet<string> = new Set(['nominee_kind_matches', 'no_double_nomination', 'no_repeat_honour', 'prerequisite_honour']);

export interface EligibilityQuery {
  campaignId?: string;
  projectId?: string;
  awardType: AwardType;
  rules: RuleSpec[];
  ruleSetId: string;
  ruleSetVersion: number;
  /** ISO instant of the verdict (now). */
  asOf: string;
  /** Only projects of organisations in this subtree (undefined: all). */
  withinOrgId?: string;
  /** Only the projects of this one organisation (a unit reads its own, as on its board and the project's detail). */
  ownOrgId?: string;
  /** The round of this campaign and award type, whose nominations count for no_double_nomination. */
  roundId?: string;
  /** Why these rules judge (shown with the verdicts): the round's rule set, the one asked for, or a preset for want of either. */
  basisZh?: string;
  limit: number;
  offset: number;
}

/** ProjectFacts from the projected rows, the same facts projectFactsFrom reads from a folded project. */
export function projectFactsOfRow(db: Database, r: ProjectRow): ProjectFacts {
  const unrectified = (db.prepare("SELECT COUNT(*) AS n FROM award_elig_findings WHERE project_id = ? AND status != 'accepted'").get(r.project_id) as { n: number }).n;
  const incidents = db.prepare('SELECT kind, occurred_on AS occurredOn, severity FROM award_elig_incidents WHERE project_id = ? ORDER BY occurred_on').all(r.project_id) as ProjectFacts['incidents'];
  const firstFiled = r.first_submitted_at ?? r.late_refused_at;
  const deadlineOn = deadlineDateOf(r.closes_at);
  return {
    projectId: r.project_id,
    ...(r.title ? { title: r.title } : {}),
    campaignId: r.campaign_id,
    status: r.status,
    statusLabel: PROJECT_STATUS_LABELS[r.status as ProjectStatus] ?? r.status,
    approved: r.approved === 1,
    submittedOnTime: r.first_on_time === null ? (r.late_refused_at ? false : null) : r.first_on_time === 1,
    lateRefusalRecorded: r.late_refused_at !== null,
    summaryAccepted: r.summary_accepted === 1,
    grade: r.grade && (GRADES as readonly string[]).includes(r.grade) ? (r.grade as Grade) : null,
    incidents,
    unrectifiedFindings: unrectified,
    ...(deadlineOn ? { applicationDeadlineOn: deadlineOn, applicationClosesAt: r.closes_at! } : {}),
    submittedOn: firstFiled ? shanghaiDateOf(firstFiled) : null,
  };
}

function organizationFactsOf(db: Database, orgId: string, ownership: string | null, level: string | null, name: string | null): OrganizationFacts {
  const own = db.prepare('SELECT kind, occurred_on AS occurredOn FROM org_facts WHERE org_id = ? ORDER BY occurred_on').all(orgId) as OrganizationFacts['facts'];
  const facts = [...own, ...projectIncidentFactsOf(db, orgId)];
  // Ownership is not read by any rule; an unrecorded one stays null rather than guessed.
  return { orgId, ownership: ownership as Ownership, ...(level ? { level } : {}), ...(name ? { name } : {}), facts };
}

/**
 * The organisations above the project's, nearest first, with their facts: the ones a nomination's
 * check reads too. Projects of a page share their ancestors: each is read once per page (`seen`).
 */
function ancestorFactsOf(db: Database, r: ProjectRow, seen: Map<string, OrganizationFacts>): OrganizationFacts[] {
  const above = (r.org_path ?? '').split('/').filter(Boolean).filter((id) => id !== r.org_id).reverse();
  const node = db.prepare('SELECT ownership, level, name FROM org_nodes WHERE org_id = ?');
  return above.map((id) => {
    const known = seen.get(id);
    if (known) return known;
    const o = node.get(id) as { ownership: string | null; level: string | null; name: string | null } | undefined;
    const facts = organizationFactsOf(db, id, o?.ownership ?? null, o?.level ?? null, o?.name ?? null);
    seen.set(id, facts);
    return facts;
  });
}

const ROW_COLUMNS = 'p.*, c.closes_at, c.year AS campaign_year, o.name AS org_name, o.ownership, o.level AS org_level, o.path AS org_path, o.kind AS org_kind';
const ROW_JOINS = 'FROM award_elig_projects p LEFT JOIN award_elig_campaigns c ON c.campaign_id = p.campaign_id LEFT JOIN org_nodes o ON o.org_id = p.org_id';

/** Every project of the row's organisation in the row's campaign, the row's own included. */
function siblingRows(db: Database, r: ProjectRow): ProjectRow[] {
  return db.prepare(`SELECT ${ROW_COLUMNS} ${ROW_JOINS} WHERE p.org_id = ? AND p.campaign_id = ? ORDER BY p.project_id`).all(r.org_id, r.campaign_id) as ProjectRow[];
}

/** What every row of one board page shares: the round's nominations, the ancestors' facts, each organisation's projects in its campaign. */
interface PageFacts {
  nominations: RoundFacts['nominations'];
  ancestors: Map<string, OrganizationFacts>;
  campaignProjects: Map<string, ProjectFacts[]>;
}

/** The row's organisation's projects in its campaign, read once per page (review 51 #10: each row of a unit read them all again). */
function campaignProjectsOf(db: Database, r: ProjectRow, page: PageFacts): ProjectFacts[] {
  const key = `${r.org_id}\u0000${r.campaign_id}`;
  let projects = page.campaignProjects.get(key);
  if (!projects) {
    projects = siblingRows(db, r).map((x) => projectFactsOfRow(db, x));
    page.campaignProjects.set(key, projects);
  }
  return projects;
}

function verdictFor(db: Database, q: EligibilityQuery, r: ProjectRow, page: PageFacts): EligibilityVerdict {
  const kinds = AWARD_TYPE_CATALOGUE[q.awardType].nomineeKinds;
  const unitAward = kinds.includes('unit');
  // The row's nominee is the project's own organisation when the award is for its kind: a unit
  // for a unit's award, a team (班组) for a team's. A team's project judged for a unit's award is
  // judged as the team it is registered as, and fails the kind, as its nomination would.
  const ownKind = r.org_kind === 'team' ? 'team' : 'unit';
  const nomineeKind = unitAward ? ownKind : kinds.includes(ownKind) ? ownKind : kinds[0]!;
  const itself = unitAward || nomineeKind === ownKind;
  const kindRule: RuleSpec = { rule: 'nominee_kind_matches' };
  const siblings = itself ? campaignProjectsOf(db, r, page) : undefined;
  const own = siblings?.find((p) => p.projectId === r.project_id) ?? (itself ? projectFactsOfRow(db, r) : undefined);
  const rules = itself
    ? [...q.rules, ...(nomineeKind === 'team' && unitAward && !q.rules.some((x) => x.rule === kindRule.rule) ? [kindRule] : [])]
    : q.rules.filter((x) => !NOMINEE_RULES.has(x.rule));
  const verdict = evaluateEligibility({
    // Every row is a project of the campaign: its entry rule, 一票否决 and the exclusion windows apply whatever the rule set.
    rules: withMandatoryRules(rules, { project: true, nomineeKind, campaignProjects: itself }),
    ruleSetId: q.ruleSetId,
    ruleSetVersion: q.ruleSetVersion,
    awardType: q.awardType,
    asOf: q.asOf,
    // For an award to persons, or to teams on a project that is not a team's, the board judges
    // what a nominee of the project's unit would be judged on: the teams and enterprise above the
    // unit answer for it (exclusion windows), exactly as the nomination's own check reads them.
    nominee: { kind: nomineeKind, id: r.org_id, name: r.org_name ?? r.org_id, orgId: r.org_id, honours: honoursHeldBy(db, r.org_id, itself ? nomineeKind : 'unit'), attributes: {} },
    // The row's own unit or team nominated is judged by the veto over all its projects in the campaign, as its nomination is (review 50 #1).
    ...(itself ? { project: own!, campaignProjects: siblings! } : { project: projectFactsOfRow(db, r) }),
    organization: organizationFactsOf(db, r.org_id, r.ownership, r.org_level, r.org_name),
    ancestors: ancestorFactsOf(db, r, page.ancestors),
    round: { campaignId: r.campaign_id, nominations: page.nominations, ...(typeof r.campaign_year === 'number' ? { year: r.campaign_year } : {}) },
  });
  if (itself) return verdict;
  // Say so where the nominee is not the row's organisation: its kind and its own record are judged when it is nominated.
  const entry = AWARD_TYPE_CATALOGUE[q.awardType];
  const who = NOMINEE_KIND_LABELS[nomineeKind];
  const unit = r.org_name ?? r.org_id;
  const deferred: EligibilityReason = {
    rule: 'nominee_kind_matches',
    passed: true,
    messageZh: `${entry.zh}的推荐对象为${who.zh}：本行判断的是“${unit}”的${who.zh}须满足的项目与单位条件；推荐对象本身（类型、已获荣誉、是否重复推荐）在推荐时审查。`,
    messageEn: `The ${entry.en} is for a ${who.en}: this row judges what a ${who.en} of ${unit} must meet through its project and unit; the nominee itself (its kind, honours held, double nomination) is checked when it is nominated.`,
    facts: { awardType: q.awardType, nomineeKind, allowedKinds: entry.nomineeKinds, organisationKind: r.org_kind, judgedAt: 'nomination' },
  };
  return { ...verdict, reasons: [deferred, ...verdict.reasons] };
}

/** Rules a project can only meet after it has applied; while its application is pending they are not yet due either. */
const AFTER_APPLICATION: ReadonlySet<string> = new Set(['summary_accepted', 'min_grade', 'no_unrectified_finding']);

/**
 * Pending when a rule waits on a deadline still to come (the application window open) and
 * nothing else fails but the stages that follow the application; any other failure (an
 * exclusion window, a veto, an honour already held) is final: not eligible.
 */
function verdictStatusOf(verdict: EligibilityVerdict): EligibilityVerdictStatus {
  if (verdict.eligible) return 'eligible';
  const failed = verdict.reasons.filter((x) => !x.passed);
  const waiting = failed.some((x) => x.pending);
  if (waiting && failed.every((x) => x.pending || AFTER_APPLICATION.has(x.rule))) return 'pending';
  return alreadyStatus(failed) ?? 'ineligible';
}

/**
 * On the list now, or holding the honour now: a state of its own, not a bar beside real ones. Only
 * an active nomination reads as nominated, and only a valid honour (its own, or a conferral of this
 * round whose honour stands) as honoured; a nomination withdrawn after an objection or removed, an
 * honour revoked, withdrawn or suspended is a bar and reads not eligible (review 51 #1).
 */
function alreadyStatus(failed: readonly EligibilityReason[]): 'nominated' | 'honoured' | null {
  let nominated = false;
  let honoured = false;
  for (const r of failed) {
    if (r.rule === 'no_repeat_honour') {
      if (!((r.facts.blockingHonours ?? []) as Array<{ status: string }>).some((h) => h.status === 'valid')) return null;
      honoured = true;
    } else if (r.rule === 'no_double_nomination') {
      const earlier = (r.facts.earlierNominations ?? []) as Array<{ status: string; honourStatus?: string }>;
      if (earlier.some((n) => n.status === 'active')) nominated = true;
      else if (earlier.some((n) => n.status === 'conferred' && (n.honourStatus === undefined || n.honourStatus === 'valid'))) honoured = true;
      else return null;
    } else {
      return null;
    }
  }
  return honoured ? 'honoured' : nominated ? 'nominated' : null;
}

/**
 * Award eligibility (评选资格) of every project of a campaign and its unit, computed now from the
 * projected facts with every rule's reason, so it follows the facts as they change.
 */
export function eligibilityBoard(db: Database, q: EligibilityQuery) {
  // In one read transaction: a projection committing meanwhile cannot tear the answer.
  return readTogether(db, () => eligibilityBoardNow(db, q));
}

function eligibilityBoardNow(db: Database, q: EligibilityQuery) {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    args.push(value);
  };
  if (q.campaignId) add('p.campaign_id = ?', q.campaignId);
  if (q.projectId) add('p.project_id = ?', q.projectId);
  if (q.withinOrgId) add('o.path LIKE ?', `%/${q.withinOrgId}/%`);
  if (q.ownOrgId) add('p.org_id = ?', q.ownOrgId);
  const sql = `${ROW_JOINS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = (db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} ${sql} ORDER BY p.project_id LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as ProjectRow[];
  const page: PageFacts = {
    nominations: q.roundId
      ? (db
          .prepare(
            // An active nomination that led to an honour reads as conferred, as the round view says it.
            `SELECT nomination_id AS nominationId, nominee_kind AS nomineeKind, nominee_id AS nomineeId,
               CASE WHEN n.status = 'active' AND EXISTS (SELECT 1 FROM award_honours h WHERE h.round_id = n.round_id AND h.nomination_id = n.nomination_id) THEN 'conferred' ELSE n.status END AS status,
               (SELECT h.status FROM award_honours h WHERE h.round_id = n.round_id AND h.nomination_id = n.nomination_id AND h.source_honour_id IS NULL) AS honourStatus
             FROM award_round_nominations n WHERE n.round_id = ?`,
          )
          .all(q.roundId) as Array<Omit<RoundFacts['nominations'][number], 'honourStatus'> & { honourStatus: string | null }>)
          // A conferral's honour is named only when it no longer stands, as the round view says it (valid: nothing to add).
          .map(({ honourStatus, ...n }) => (honourStatus && honourStatus !== 'valid' ? { ...n, honourStatus: honourStatus as 'revoked' | 'withdrawn' | 'suspended' } : n))
      : [],
    ancestors: new Map(),
    campaignProjects: new Map(),
  };
  const items = rows.map((r) => {
    const verdict = verdictFor(db, q, r, page);
    const status = verdictStatusOf(verdict);
    return {
      projectId: r.project_id,
      title: r.title,
      campaignId: r.campaign_id,
      status: r.status,
      statusLabel: { zh: PROJECT_STATUS_LABELS[r.status as ProjectStatus] ?? r.status, en: r.status.replace(/_/g, ' ') },
      unit: { orgId: r.org_id, name: r.org_name ?? r.org_id },
      eligible: verdict.eligible,
      verdict: status,
      verdictLabel: ELIGIBILITY_VERDICT_LABELS[status],
      failedReasons: verdict.reasons.filter((x) => !x.passed).map((x) => ({ rule: x.rule, messageZh: x.messageZh, messageEn: x.messageEn, ...(x.pending ? { pending: true } : {}) })),
      reasons: verdict.reasons,
    };
  });
  return { awardType: q.awardType, awardTypeLabel: AWARD_TYPE_CATALOGUE[q.awardType], ruleSet: { ruleSetId: q.ruleSetId, version: q.ruleSetVersion, ...(q.basisZh ? { basisZh: q.basisZh } : {}) }, asOf: q.asOf, items, total, limit: q.limit, offset: q.offset };
}
