import { DeciderSpec } from '@jingsai/testing';
import { DEFAULT_CLEARANCES } from '../rules/rule-set.presets';
import { awardRoundDecider } from './award-round.decider';
import { created, nominate, person, submitted, verdictFor, ROUND_ID } from './award-round.fixtures';
import { roundFactsOf } from './award-round.queries';

const spec = DeciderSpec.for(awardRoundDecider);

describe('nominating', () => {
  it('records a primary nomination with the verdict it was made on', () => {
    spec.given([created()]).when(nominate('n-1')).then([submitted('n-1')]);
  });

  it('requests the clearances the rule set names, adding audit and discipline inspection for a state-owned enterprise and its head, not its workers', () => {
    spec
      .given([created({ clearances: DEFAULT_CLEARANCES })])
      .when(nominate('n-1', { ownership: 'state_owned', attributes: { occupationCategory: 'enterprise_head' } }))
      .thenMatches([{ type: 'NominationSubmitted', data: { requiredClearances: ['labour_inspection', 'audit', 'discipline_inspection'] } }]);
    spec.given([created({ clearances: DEFAULT_CLEARANCES })]).when(nominate('n-1', { ownership: 'state_owned' })).thenMatches([{ type: 'NominationSubmitted', data: { requiredClearances: ['labour_inspection'] } }]);
  });

  it('refuses an ineligible nominee and shows the failed reasons', () => {
    const nominee = person('p-x');
    const verdict = verdictFor(nominee, {
      eligible: false,
      reasons: [{ rule: 'applied_on_time', passed: false, messageZh: '逾期报名，视为未参赛。', messageEn: 'Applied late.', facts: { submittedOnTime: false } }],
    });
    spec
      .given([created()])
      .when(nominate('n-1', { nominee, verdict }))
      .thenThrows('AWARD.NOMINEE_INELIGIBLE', { kind: 'unprocessable', details: { failedReasons: [{ rule: 'applied_on_time' }] } });
  });

  it('refuses a verdict made under another rule-set version', () => {
    const nominee = person('p-x');
    spec.given([created()]).when(nominate('n-1', { nominee, verdict: verdictFor(nominee, { ruleSetVersion: 1 }) })).thenThrows('AWARD.VERDICT_MISMATCH', { kind: 'conflict' });
  });

  it('refuses a verdict made for someone else', () => {
    spec.given([created()]).when(nominate('n-1', { verdict: verdictFor(person('p-other')) })).thenThrows('AWARD.VERDICT_MISMATCH');
  });

  it('refuses a team for the May Day medal', () => {
    const team = { kind: 'team' as const, id: 't-1', name: '焊接班', orgId: 'org-a' };
    spec.given([created()]).when(nominate('n-1', { nominee: team })).thenThrows('AWARD.NOMINEE_KIND_MISMATCH');
  });

  it('refuses attributes nothing reads or of the wrong type, naming each field, and appends nothing', () => {
    spec.given([created()]).when(nominate('n-1', { attributes: { age: 'old' } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { kind: 'validation', details: { errors: [{ field: 'attributes.age' }] } });
    spec.given([created()]).when(nominate('n-1', { attributes: { foo: 1 } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { details: { errors: [{ field: 'attributes.foo' }] } });
  });

  it('refuses a pool the round does not have', () => {
    spec.given([created()]).when(nominate('n-1', { pool: 'instant' })).thenThrows('AWARD.UNKNOWN_POOL', { kind: 'validation' });
  });

  it('refuses an order that is not a positive whole number', () => {
    spec.given([created()]).when(nominate('n-1', { order: 0 })).thenThrows('AWARD.INVALID_ORDER');
    spec.given([created()]).when(nominate('n-1', { order: 1e20 })).thenThrows('AWARD.INVALID_ORDER', { details: { errors: [{ field: 'order', messageEn: 'order must be a whole number from 1 to 100000.' }] } });
  });

  it('refuses to nominate the same person twice, even under a new nomination id', () => {
    spec.given([created(), submitted('n-1')]).when(nominate('n-2', { nominee: person('p-n-1') })).thenThrows('AWARD.ALREADY_NOMINATED', { details: { nominationId: 'n-1' } });
  });

  it('refuses a nomination id already used', () => {
    spec.given([created(), submitted('n-1')]).when(nominate('n-1', { nominee: person('p-2') })).thenThrows('AWARD.NOMINATION_EXISTS');
  });

  it('refuses a recommender without a quota when quotas are set per organisation', () => {
    const refused = spec.given([created({ quotasByRecommender: [{ orgId: 'org-a', quota: 1 }] })]).when(nominate('n-1', { recommenderOrgId: 'org-z' }))
      .thenThrows('AWARD.RECOMMENDER_NOT_ALLOWED', { kind: 'forbidden', details: { recommenders: ['org-a'], errors: [{ field: 'recommenderOrgId' }] } });
    // It says who has a quota, and how to nominate on their behalf.
    expect(refused.messageZh).toContain('本轮有推荐名额的单位：org-a；其下级单位请由其推荐，其上级单位代其推荐时请在 recommenderOrgId 中注明');
  });

  it('refuses nominations after the public notice started, naming the state and the allowed actions', () => {
    spec
      .given([created(), submitted('n-1'), { type: 'PublicNoticeStarted', data: { roundId: ROUND_ID, period: { kind: 'working_days', days: 5 }, startsOn: '2024-10-08', lastDay: '2024-10-12', startsAt: '2024-10-07T16:00:00.000Z', endsAt: '2024-10-12T16:00:00.000Z', workingDays: 5, calendarDays: 5, nominationIds: ['n-1'], slateRatios: [] } }])
      .when(nominate('n-2', { at: '2024-10-10T11:00:00+08:00' }))
      .thenThrows('AWARD.ILLEGAL_TRANSITION', { kind: 'illegal_state', details: { currentState: 'notice', allowedActions: ['raise_objection', 'resolve_objection', 'record_workers_congress_approval', 'review_nomination', 'grant_clearance', 'refuse_clearance'] } });
    // Given ahead and not yet begun, the notice takes no objection; the office may take the list back.
    spec
      .given([created(), submitted('n-1'), { type: 'PublicNoticeStarted', data: { roundId: ROUND_ID, period: { kind: 'working_days', days: 5 }, startsOn: '2024-10-08', lastDay: '2024-10-12', startsAt: '2024-10-07T16:00:00.000Z', endsAt: '2024-10-12T16:00:00.000Z', workingDays: 5, calendarDays: 5, nominationIds: ['n-1'], slateRatios: [] } }])
      .when(nominate('n-2', { at: '2024-09-30T10:00:00+08:00' }))
      .thenThrows('AWARD.ILLEGAL_TRANSITION', { kind: 'illegal_state', details: { currentState: 'notice', allowedActions: ['resolve_objection', 'record_workers_congress_approval', 'review_nomination', 'grant_clearance', 'refuse_clearance', 'reopen_nominations'] } });
  });

  describe('quotas are exact', () => {
    const round = created({
      pools: [{ pool: 'regular', quota: 2 }, { pool: 'competition_reserved', quota: 1 }],
      subQuotas: [{ key: 'enterprise_heads', label: { zh: '企业负责人', en: 'enterprise heads' }, where: { attribute: 'occupationCategory', equals: 'enterprise_head' }, max: 1 }],
      quotasByRecommender: [{ orgId: 'org-a', quota: 2 }, { orgId: 'org-b', quota: 2 }],
    });
    const head = { occupationCategory: 'enterprise_head' };

    it('accepts the last place of a pool and refuses one more', () => {
      spec.given([round, submitted('n-1')]).when(nominate('n-2', { recommenderOrgId: 'org-b' })).thenMatches([{ type: 'NominationSubmitted' }]);
      spec
        .given([round, submitted('n-1'), submitted('n-2', { recommenderOrgId: 'org-b' })])
        .when(nominate('n-3', { recommenderOrgId: 'org-b' }))
        .thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'pool', key: 'regular', limit: 2, count: 3 }] } });
      // The advice fits the quota: a full pool, not the recommending unit's quota.
      const full = spec.given([round, submitted('n-1'), submitted('n-2', { recommenderOrgId: 'org-b' })]).when(nominate('n-3', { recommenderOrgId: 'org-b' })).thenThrows('AWARD.QUOTA_EXCEEDED');
      expect(full.messageZh).toContain('名额池已满，可改推其他名额池或作为递补人选推荐');
      expect(full.messageZh).not.toContain('推荐单位名额');
    });

    it('keeps pools apart: the reserved pool has its own quota', () => {
      const winner = { pool: 'competition_reserved' as const, recommenderOrgId: 'org-b', competitionResult: { projectId: 'p-1', grade: 'excellent' } };
      spec.given([round, submitted('n-1'), submitted('n-2', { recommenderOrgId: 'org-b' })]).when(nominate('n-3', winner)).thenMatches([{ type: 'NominationSubmitted' }]);
    });

    it('keeps the competition-reserved pool (竞赛表彰) for the competition’s winners: a project graded 优秀, or a skills-contest champion', () => {
      const reserved = (over: object) => nominate('n-1', { pool: 'competition_reserved', ...over });
      spec.given([round]).when(reserved({ competitionResult: { projectId: 'p-1', grade: 'excellent' } })).thenMatches([{ type: 'NominationSubmitted' }]);
      spec.given([round]).when(reserved({ attributes: { skillsChampion: true }, competitionResult: { projectId: 'p-skills', grade: 'good', category: 'skills' } })).thenMatches([{ type: 'NominationSubmitted' }]);
      // A champion with no contest named stood on the nominator's word alone (review 43 #2): the pool asks for the contest.
      spec.given([round]).when(reserved({ attributes: { skillsChampion: true } })).thenThrows('AWARD.CHAMPION_CONTEST_REQUIRED', { details: { errors: [{ field: 'projectId' }] } });
      const good = spec.given([round]).when(reserved({ competitionResult: { projectId: 'p-1', grade: 'good' } })).thenThrows('AWARD.NOT_A_COMPETITION_WINNER', { kind: 'unprocessable' });
      expect(good.messageZh).toContain('所属竞赛项目 p-1 考核等次为“良好”');
      spec.given([round]).when(reserved({ attributes: { skillsChampion: false } })).thenThrows('AWARD.NOT_A_COMPETITION_WINNER');
      // A bad attribute is said first, with the pool's refusal left for after it is mended (review 55 #5).
      spec.given([round]).when(reserved({ attributes: { age: 'abc' }, competitionResult: { projectId: 'p-1', grade: 'good' } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { details: { errors: [{ field: 'attributes.age' }] } });
      // With a bad order too, every field at once (review 57 #4).
      spec.given([round]).when(reserved({ order: 0, attributes: { age: 'abc' } })).thenThrows('AWARD.INVALID_ATTRIBUTES', { details: { errors: [{ field: 'order' }, { field: 'attributes.age' }] } });
      // The regular pool asks for no win.
      spec.given([round]).when(nominate('n-1', { competitionResult: { projectId: 'p-1', grade: 'good' } })).thenMatches([{ type: 'NominationSubmitted' }]);
    });

    it('keeps why the reserved pool took a nominee, for the auditor; a champion is one of a skills contest, not of a key project', () => {
      const reserved = (over: object) => nominate('n-1', { pool: 'competition_reserved', ...over });
      spec.given([round]).when(reserved({ competitionResult: { projectId: 'p-1', grade: 'excellent', category: 'key_project' } })).thenMatches([
        { type: 'NominationSubmitted', data: { poolAdmission: { basis: 'excellent_grade', projectId: 'p-1', grade: 'excellent', category: 'key_project' } } },
      ]);
      spec.given([round]).when(reserved({ attributes: { skillsChampion: true }, competitionResult: { projectId: 'p-2', grade: 'good', category: 'skills' } })).thenMatches([
        { type: 'NominationSubmitted', data: { poolAdmission: { basis: 'skills_champion', projectId: 'p-2', grade: 'good', category: 'skills' } } },
      ]);
      const claimed = spec.given([round]).when(reserved({ attributes: { skillsChampion: true }, competitionResult: { projectId: 'p-3', grade: 'good', category: 'mass_innovation' } }))
        .thenThrows('AWARD.NOT_A_SKILLS_CONTEST', { details: { errors: [{ field: 'attributes.skillsChampion' }] } });
      expect(claimed.messageZh).toContain('所属竞赛项目 p-3 不是职业技能竞赛项目');
      const titled = spec.given([round]).when(reserved({ attributes: { skillsChampion: true }, competitionResult: { projectId: 'p-3', grade: 'good', category: 'mass_innovation', title: '群众性创新竞赛' } }))
        .thenThrows('AWARD.NOT_A_SKILLS_CONTEST');
      expect(titled.messageZh).toContain('所属竞赛项目“群众性创新竞赛”（p-3）不是职业技能竞赛项目');
      // The round keeps it with the nomination, for the view the award office reads.
      spec.given([round]).when(reserved({ competitionResult: { projectId: 'p-1', grade: 'excellent', category: 'skills' } }))
        .thenState((s) => expect(s.nominations[0]!.poolAdmission).toEqual({ basis: 'excellent_grade', projectId: 'p-1', grade: 'excellent', category: 'skills' }));
      // In the regular pool too: the claim would bring 青年岗位能手 with the honour.
      spec.given([round]).when(nominate('n-1', { attributes: { skillsChampion: true, age: 28 }, competitionResult: { projectId: 'p-3', grade: 'excellent', category: 'key_project' } })).thenThrows('AWARD.NOT_A_SKILLS_CONTEST');
      // A non-public enterprises' skills contest is one, said so by its unit (review 50 #2): its winner is a champion.
      spec.given([round]).when(reserved({ attributes: { skillsChampion: true, age: 28 }, competitionResult: { projectId: 'p-4', grade: 'good', category: 'non_public', skillsContest: true } })).thenMatches([
        { type: 'NominationSubmitted', data: { poolAdmission: { basis: 'skills_champion', projectId: 'p-4', category: 'non_public' } } },
      ]);
    });

    it('refuses a second enterprise head (Hainan: of 9 medals at most 1 enterprise head)', () => {
      const named = spec.given([round, submitted('n-1', { attributes: head })]).when(nominate('n-2', { recommenderOrgId: 'org-b', attributes: head })).thenThrows('AWARD.QUOTA_EXCEEDED');
      // The refused one is not counted as nominated (review 50 #10).
      expect(named.messageZh).toContain('分项名额“企业负责人”：已推荐 1 名，限 1 名，已满');
      // A substitute does not help with a sub-quota, in either language.
      expect(named.messageEn).toContain('a sub-quota is full: change who is on the list');
      expect(named.messageEn).not.toContain('substitute');
      spec
        .given([round, submitted('n-1', { attributes: head })])
        .when(nominate('n-2', { recommenderOrgId: 'org-b', attributes: head }))
        .thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'sub_quota', key: 'enterprise_heads', limit: 1, count: 2, label: { zh: '企业负责人' } }] } });
    });

    it('refuses a primary beyond the recommender quota and accepts it as a substitute', () => {
      const given = [round, submitted('n-1'), submitted('n-2', { pool: 'competition_reserved' })];
      spec.given(given).when(nominate('n-3')).thenThrows('AWARD.QUOTA_EXCEEDED', { details: { breaches: [{ quota: 'recommender', key: 'org-a', limit: 2, count: 3 }] } });
      const named = spec.given(given).when(nominate('n-3', { orgNames: { 'org-a': '浔阳纺织有限公司' } })).thenThrows('AWARD.QUOTA_EXCEEDED');
      expect(named.messageZh).toContain('推荐单位浔阳纺织有限公司的名额：已推荐 2 名，限 2 名，已满');
      spec.given(given).when(nominate('n-3', { substitute: true, order: 1 })).thenMatches([{ type: 'NominationSubmitted', data: { substitute: true, order: 1 } }]);
    });
  });
});

describe('round facts for the eligibility engine', () => {
  it('lists the campaign and every nomination with its status', () => {
    const s = awardRoundDecider.evolve(awardRoundDecider.evolve(awardRoundDecider.initialState(), created()), submitted('n-1'));
    expect(roundFactsOf(s)).toEqual({ campaignId: 'c-2024', nominations: [{ nominationId: 'n-1', nomineeKind: 'person', nomineeId: 'p-n-1', status: 'active' }] });
    expect(roundFactsOf(awardRoundDecider.initialState())).toEqual({ nominations: [] });
  });
});
