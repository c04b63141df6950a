import path from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE, EventStore, computeEventHash } from '@jingsai/event-store';
import { SCENARIO_CAMPAIGN, SCENARIO_ORGS, SCENARIO_PROJECT } from '../fixtures/service-scenario';
import { succeeded } from '../support/http-steps';
import { TestApp } from '../support/test-app';

async function download(t: TestApp, url: string, token: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, body: res.body };
}

/*
 * A county auditor below a city's campaign: reads the campaign's own stream (the rules its projects
 * were decided by), but exports only its part: review 36 #1 found the export handing it every project
 * and award round of the campaign once the campaign stream became readable from below.
 */
describe('the campaign export of an auditor below the organiser', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ok = succeeded;

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    const orgs = [
      ...SCENARIO_ORGS,
      { orgId: 'lx', name: '濂溪区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' },
      { orgId: 'ent-b', name: '濂溪机械有限公司', kind: 'enterprise', level: 'enterprise', parentId: 'lx' },
    ];
    for (const o of orgs) await ok(t.post('/api/v1/organizations', o, tok.admin));
    tok.city = await t.token({ userId: 'u-city', roles: ['committee'], orgId: 'jj' });
    tok.unitA = await t.token({ userId: 'u-ent-a', roles: ['unit'], orgId: 'ent-a' });
    tok.unitB = await t.token({ userId: 'u-ent-b', roles: ['unit'], orgId: 'ent-b' });
    tok.xyAuditor = await t.token({ userId: 'u-audit-xy', roles: ['auditor'], orgId: 'xy' });
    tok.office = await t.token({ userId: 'u-office', roles: ['award_office'], orgId: 'jj' });
    await ok(t.post('/api/v1/campaigns', SCENARIO_CAMPAIGN, tok.city));
    await ok(t.post('/api/v1/campaigns/jj-2021/publish', {}, tok.city));
    await ok(t.post('/api/v1/projects', SCENARIO_PROJECT, tok.unitA));
    await ok(t.post('/api/v1/projects', { ...SCENARIO_PROJECT, projectId: 'p-b', title: '濂溪机械技能比武' }, tok.unitB));
    const rules = (await ok(t.get('/api/v1/rule-sets/presets', tok.office))).body.items.find((p: any) => p.key === 'jiujiang_campaign_2021').content.rules;
    await ok(t.post('/api/v1/rule-sets', { ruleSetId: 'jj-2021', citation: '九江市劳动竞赛委员会 2021', year: 2021, rules, clearances: { byNomineeKind: { unit: ['tax'] } } }, tok.office));
    await ok(t.post('/api/v1/award-rounds', { roundId: 'jj-cert', campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit', 'county', 'city'] }, tok.office));
  });
  afterAll(() => t.stop());

  it('the xy auditor cannot read the lx project or the city award round stream by stream', async () => {
    expect((await t.get('/api/v1/audit/streams/project-p-b/events', tok.xyAuditor)).body.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await t.get('/api/v1/audit/streams/awardRound-jj-cert/events', tok.xyAuditor)).body.code).toBe('AUTH.OUT_OF_SCOPE');
  });

  it('holds the campaign stream and the auditor’s own subtree, not another county’s project or the city’s award round', async () => {
    const res = await download(t, '/api/v1/audit/export?campaignId=jj-2021', tok.xyAuditor);
    expect(res.status).toBe(200);
    const lines = res.body.trim().split('\n').map((l: string) => JSON.parse(l));
    expect(lines[0].filter).toEqual({ campaignId: 'jj-2021', scopeOrgId: 'xy' });
    const streams = [...new Set(lines.slice(1, -1).map((e: any) => e.streamId))];
    expect(streams).toEqual(['organization-xy', 'organization-ent-a', 'campaign-jj-2021', 'project-p-a', 'ruleSet-jj-2021']);
  });

  it('gives the organiser’s own auditor the whole campaign', async () => {
    const cityAuditor = await t.token({ userId: 'u-audit-jj', roles: ['auditor'], orgId: 'jj' });
    const res = await download(t, '/api/v1/audit/export?campaignId=jj-2021', cityAuditor);
    const streams = new Set(res.body.trim().split('\n').slice(1, -1).map((l: string) => JSON.parse(l).streamId));
    expect([...streams]).toEqual(expect.arrayContaining(['campaign-jj-2021', 'project-p-a', 'project-p-b', 'awardRound-jj-cert']));
  });
  it('shows an auditor below the organiser its part of the city’s award round: the round-wide events and its own nominees’', async () => {
    await ok(t.post('/api/v1/rule-sets', { ruleSetId: 'kind-only', citation: '试行', year: 2021, rules: [{ rule: 'nominee_kind_matches' }], clearances: { byNomineeKind: {} } }, tok.office));
    await ok(t.post('/api/v1/award-rounds', { roundId: 'jj-kind', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit'] }, tok.office));
    await ok(t.post('/api/v1/award-rounds/jj-kind/nominations', { nominationId: 'n-a', nominee: { kind: 'person', id: 'wang', name: '王师傅', orgId: 'ent-a' } }, tok.office));
    await ok(t.post('/api/v1/award-rounds/jj-kind/nominations', { nominationId: 'n-b', nominee: { kind: 'person', id: 'li', name: '李师傅', orgId: 'ent-b' } }, tok.office));
    const res = await t.get('/api/v1/audit/streams/awardRound-jj-kind/events', tok.xyAuditor);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: any) => [e.type, e.data.nominationId ?? null])).toEqual([['AwardRoundCreated', null], ['NominationSubmitted', 'n-a']]);
    expect(res.body).toMatchObject({ total: 2, part: { kind: 'round_part', nominationIds: ['n-a'], noteZh: expect.stringContaining('只显示') } });
    // The whole stream stays the organiser's: no replay, verification or export of it from below.
    for (const url of ['/api/v1/audit/streams/awardRound-jj-kind/state', '/api/v1/audit/verify?streamId=awardRound-jj-kind', '/api/v1/audit/export?streamId=awardRound-jj-kind']) {
      expect([url, (await t.get(url, tok.xyAuditor)).body.code]).toEqual([url, 'AUTH.OUT_OF_SCOPE']);
    }
    // A unit's auditor with no nominee in the round has no part of it.
    const lxAuditor = await t.token({ userId: 'u-audit-ent-a2', roles: ['auditor'], orgId: 'lx' });
    expect((await t.get('/api/v1/audit/streams/awardRound-jj-cert/events', lxAuditor)).body.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await t.get('/api/v1/audit/streams/awardRound-jj-kind/events', lxAuditor)).body.part.nominationIds).toEqual(['n-b']);

    // An objection raised by someone signed in as themselves: the part names neither the objector nor who recorded it, and
    // carries no hashes against which a guessed name and phone could be checked offline (review 39 #1, #2).
    await ok(t.post('/api/v1/award-rounds/jj-kind/nominations/n-a/recommend', { workersCongressOn: '2021-07-01' }, tok.unitA));
    await ok(t.post('/api/v1/award-rounds/jj-kind/nominations/n-b/recommend', { workersCongressOn: '2021-07-01' }, tok.unitB));
    await ok(t.post('/api/v1/award-rounds/jj-kind/public-notice', { period: { kind: 'working_days', days: 5 }, startsOn: '2021-07-01' }, tok.office));
    const whistle = await t.token({ userId: 'u-zhangsan', name: '张三', roles: ['unit'], orgId: 'ent-a' });
    await ok(t.post('/api/v1/award-rounds/jj-kind/objections', { objectionId: 'o-1', nominationId: 'n-a', objector: { kind: 'individual', realName: '张三', contact: '13800000000' }, grounds: '事迹不实' }, whistle));
    const part = (await t.get('/api/v1/audit/streams/awardRound-jj-kind/events?limit=100', tok.xyAuditor)).body;
    const objection = part.items.find((e: any) => e.type === 'ObjectionRaised');
    expect(objection.data).toMatchObject({ grounds: '事迹不实', objector: { kind: 'individual', withheld: true } });
    expect(objection.who).toMatchObject({ userId: '（已隐去）', orgId: '（已隐去）' });
    expect(part.items.every((e: any) => e.hash === null && e.prevHash === null)).toBe(true);
    expect(JSON.stringify(part)).not.toMatch(/张三|13800000000|u-zhangsan/);
    expect((await t.get('/api/v1/audit/streams/awardRound-jj-kind/events?actor=u-zhangsan', tok.xyAuditor)).body.items).toEqual([]);
    // The organiser's auditor reads the round whole, objector and hashes included.
    const cityAuditor = await t.token({ userId: 'u-audit-jj3', roles: ['auditor'], orgId: 'jj' });
    const whole = (await t.get('/api/v1/audit/streams/awardRound-jj-kind/events?limit=100', cityAuditor)).body;
    expect(whole.part).toBeUndefined();
    expect(whole.items.find((e: any) => e.type === 'ObjectionRaised').who.userId).toBe('u-zhangsan');
  });

  it('replays a stream whose last event was deleted with a warning that it cannot be relied on (review 35 #7)', async () => {
    const admin = tok.admin!;
    const intact = (await t.get('/api/v1/audit/streams/campaign-jj-2021/state?atRevision=0', admin)).body;
    expect(intact.integrity).toEqual({ ok: true, brokenLinks: [], noteZh: null, noteEn: null });
    const raw = new Database(path.join(t.dataDir, 'events.sqlite'));
    const last = raw.prepare("SELECT max(revision) AS r FROM events WHERE stream_id = 'project-p-b'").get() as { r: number };
    raw.prepare("DELETE FROM events WHERE stream_id = 'project-p-b' AND revision = ?").run(last.r);
    raw.close();
    const replayed = (await t.get('/api/v1/audit/streams/project-p-b/state', admin)).body;
    expect(replayed.integrity).toMatchObject({ ok: false, brokenLinks: [{ problem: 'missing_tail', revision: last.r }], noteZh: expect.stringContaining('不可作为依据') });
    expect((await t.get('/api/v1/audit/verify?streamId=project-p-b', admin)).body.brokenLinks).toEqual([expect.objectContaining({ problem: 'missing_tail' })]);
  });
  it('replays to an early revision with a warning when that revision was edited and its hash recomputed (review 39 #3)', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const [first] = await store.readStream('campaign-jj-2021', { maxCount: 1 });
    const data = { ...(first!.data as Record<string, unknown>), title: '伪造的活动名称' };
    const { hash: _h, ...metadata } = first!.metadata;
    const forged = computeEventHash(metadata.prevHash!, { streamId: first!.streamId, revision: 0, type: first!.type, data, metadata });
    const raw = new Database(path.join(t.dataDir, 'events.sqlite'));
    raw.prepare("UPDATE events SET data = ?, hash = ? WHERE stream_id = 'campaign-jj-2021' AND revision = 0").run(JSON.stringify(data), Buffer.from(forged, 'hex'));
    raw.close();
    const early = (await t.get('/api/v1/audit/streams/campaign-jj-2021/state?atRevision=0', tok.admin!)).body;
    expect(early.integrity).toMatchObject({ ok: false, brokenLinks: [{ revision: 1, problem: 'prev_hash_mismatch' }] });
  });
});
