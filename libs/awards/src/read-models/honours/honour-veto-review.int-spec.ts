import Database from 'better-sqlite3';
import { awardRoundListProjection } from '../award-rounds/award-round-list.projection';
import { projectFactsProjection } from '../eligibility/project-facts.projection';
import { honourRegisterProjection } from './honour-register.projection';
import { checkHonour, listHonours } from './honour-register.queries';

/**
 * The register's veto review (review 49 #1) looks at what an honour rests on (review 51 #2): the
 * project its nomination named, and for a unit or team its own projects in the round's campaign;
 * not every project of a person's employer.
 */
describe('honour register: the veto review of an honour still standing', () => {
  const db = new Database(':memory:');
  for (const p of [honourRegisterProjection, awardRoundListProjection, projectFactsProjection]) p.setup(db);
  db.prepare("INSERT INTO award_rounds (round_id, campaign_id, award_type, honour_level, rule_set_id, rule_set_version, org_id, stage, created_at, position) VALUES ('r1','c1','may_day_medal','city','jj',1,'jj','conferred','2023-01-01',1)").run();
  const project = db.prepare("INSERT INTO award_elig_projects (project_id, campaign_id, org_id, title, status, position) VALUES (?, 'c1', ?, ?, 'summarized', 1)");
  project.run('p-a-clean', 'ent-a', '装置技能比武');
  project.run('p-a-other', 'ent-a', '引桥工程');
  project.run('p-f3', 'ent-f3', '企业竞赛');
  const incident = db.prepare("INSERT INTO award_elig_incidents (project_id, incident_id, kind, occurred_on, severity) VALUES (?, ?, 'quality_accident', ?, 'minor')");
  incident.run('p-a-other', 'i1', '2023-09-05');
  incident.run('p-f3', 'i2', '2023-08-20');
  const honour = db.prepare(
    "INSERT INTO award_honours (honour_id, source_kind, round_id, nomination_id, project_id, recipient_kind, recipient_id, recipient_name, recipient_org_id, award_type, level, conferred_on, status, status_changed_at, position) VALUES (?, 'round', 'r1', ?, ?, ?, ?, ?, ?, 'may_day_medal', 'city', '2023-09-01', ?, '2023-09-01', 1)",
  );
  honour.run('r1/n-wang', 'n-wang', 'p-a-clean', 'person', 'wang', '王师傅', 'ent-a', 'valid');
  honour.run('r1/n-li', 'n-li', 'p-f3', 'person', 'li', '李师傅', 'ent-f3-t1', 'valid');
  honour.run('r1/n-ent-a', 'n-ent-a', null, 'unit', 'ent-a', 'A 公司', 'ent-a', 'valid');
  honour.run('r1/n-gone', 'n-gone', 'p-f3', 'person', 'zhao', '赵师傅', 'ent-f3', 'revoked');
  const byId = () => new Map((listHonours(db, { limit: 10, offset: 0 }).items as Array<{ honourId: string; vetoReview?: { incidents: Array<{ projectId: string; beforeConferral: boolean }> } }>).map((h) => [h.honourId, h]));

  it('flags a person by the project the nomination named, not by another project of the employer', () => {
    const h = byId();
    expect(h.get('r1/n-wang')!.vetoReview).toBeUndefined();
    expect(h.get('r1/n-li')!.vetoReview).toMatchObject({ incidents: [{ projectId: 'p-f3', beforeConferral: true }] });
  });

  it('flags a unit by its own projects in the round’s campaign; not an honour no longer standing, nor on the public check', () => {
    const h = byId();
    expect(h.get('r1/n-ent-a')!.vetoReview).toMatchObject({ incidents: [{ projectId: 'p-a-other', beforeConferral: false }] });
    expect(h.get('r1/n-gone')!.vetoReview).toBeUndefined();
    expect(checkHonour(db, 'r1/n-li')).not.toHaveProperty('vetoReview');
  });
});
