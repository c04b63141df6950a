import { DomainError, fold } from '@jingsai/shared';
import { evaluateEligibility } from '../eligibility/eligibility.engine';
import { eligibilityInput, nomineeFacts, projectFacts } from '../eligibility/eligibility.fixtures';
import { DEFAULT_CLEARANCES, JIUJIANG_CAMPAIGN_RULES } from '../rules/rule-set.presets';
import { AwardRoundCommand, Nominate, NomineeRef } from './award-round.commands';
import { awardRoundDecider } from './award-round.decider';
import { AwardRoundEvent } from './award-round.events';
import { at, createRound } from './award-round.fixtures';
import { checkRoundSlate, honourStatus, honoursHeldFrom, roundFactsOf } from './award-round.queries';
import { AwardRoundState } from './award-round.state';

/** Runs commands one after another, as the command loop would, returning every recorded event. */
function run(commands: AwardRoundCommand[], events: AwardRoundEvent[] = []): AwardRoundEvent[] {
  for (const c of commands) events.push(...awardRoundDecider.decide(c, fold(awardRoundDecider, events)));
  return events;
}
const state = (events: AwardRoundEvent[]): AwardRoundState => fold(awardRoundDecider, events);

describe('a Jiujiang worker-pioneer round from nomination to revocation', () => {
  const round = createRound({
    awardType: 'worker_pioneer',
    campaignId: 'c-jj-2021',
    ruleSetId: 'jj',
    ruleSetVersion: 1,
    pools: [{ pool: 'regular', quota: 1 }],
    quotasByRecommender: [{ orgId: 'org-a', quota: 1 }],
    levels: ['unit', 'city'],
    clearances: DEFAULT_CLEARANCES,
    ratios: [],
  });
  const team = (id: string): NomineeRef => ({ kind: 'team', id, name: `班组${id}`, orgId: 'org-a' });

  function nominateWithVerdict(events: AwardRoundEvent[], nominationId: string, nominee: NomineeRef, extra: Partial<Nominate>, late = false): Nominate {
    const verdict = evaluateEligibility(
      eligibilityInput({
        rules: JIUJIANG_CAMPAIGN_RULES,
        ruleSetId: 'jj',
        ruleSetVersion: 1,
        awardType: 'worker_pioneer',
        asOf: '2024-09-25T10:00:00+08:00',
        nominee: nomineeFacts({ ...nominee }),
        project: projectFacts(late ? { submittedOnTime: false, lateRefusalRecorded: true, approved: false } : {}),
        round: roundFactsOf(state(events)),
      }),
    );
    return { type: 'Nominate', ...at('2024-09-25T10:00:00+08:00'), nominationId, pool: 'regular', nominee, ownership: 'non_public', attributes: {}, recommenderOrgId: 'org-a', substitute: false, order: 1, verdict, ...extra };
  }

  it('runs the closed loop and keeps the revoked honour out of current honours', () => {
    const events = run([round]);
    run([nominateWithVerdict(events, 'n-1', team('t-1'), {})], events);

    // The Jiujiang late unit is refused with its reason.
    let refused: unknown;
    try {
      run([nominateWithVerdict(events, 'n-late', team('t-late'), { substitute: true }, true)], events);
    } catch (e) {
      refused = e;
    }
    expect((refused as DomainError).code).toBe('AWARD.NOMINEE_INELIGIBLE');
    expect((refused as DomainError).messageZh).toContain('逾期报名');

    run([nominateWithVerdict(events, 's-1', team('t-2'), { substitute: true, order: 1 })], events);
    const clear = (nominationId: string) =>
      (['labour_inspection', 'work_safety'] as const).map((department) => ({ type: 'GrantClearance' as const, ...at('2024-09-27T10:00:00+08:00'), nominationId, department }));
    const reviewed = (nominationId: string): AwardRoundCommand[] => [
      { type: 'RecordWorkersCongressApproval', ...at('2024-09-26T10:00:00+08:00'), nominationId, workersCongressOn: '2024-09-20' },
      { type: 'ReviewNomination', ...at('2024-09-27T10:00:00+08:00'), nominationId, level: 'city', decision: 'approved' },
    ];
    run([...reviewed('n-1'), ...clear('n-1'), ...reviewed('s-1'), ...clear('s-1')], events);
    expect(checkRoundSlate(state(events))).toEqual([]);

    run([{ type: 'StartPublicNotice', ...at('2024-09-30T10:00:00+08:00'), period: { kind: 'working_days', days: 5 }, startsOn: '2024-10-08' }], events);
    run(
      [
        { type: 'RaiseObjection', ...at('2024-10-09T10:00:00+08:00'), objectionId: 'o-1', nominationId: 'n-1', objector: { kind: 'organization', orgName: '某公司工会', sealRef: 'seal-7' }, grounds: '班组存在安全违章' },
        { type: 'ResolveObjection', ...at('2024-10-11T10:00:00+08:00'), objectionId: 'o-1', outcome: 'upheld', note: '经核查属实' },
        { type: 'EndPublicNotice', ...at('2024-10-13T00:00:00+08:00') },
        { type: 'EndPublicNotice', ...at('2024-10-13T00:05:00+08:00') },
        { type: 'Confer', ...at('2024-10-15T09:00:00+08:00') },
      ],
      events,
    );
    expect(events.map((e) => e.type).slice(-7)).toEqual([
      'PublicNoticeStarted',
      'ObjectionRaised',
      'ObjectionUpheld',
      'NominationWithdrawnAfterObjection',
      'SubstitutePromoted',
      'PublicNoticeEnded',
      'HonourConferred',
    ]);
    expect(events[events.length - 1]).toMatchObject({ data: { honourId: 'r-2024/s-1', recipient: { id: 't-2' }, awardType: 'worker_pioneer', conferredOn: '2024-10-15' } });

    // The honours held feed the next round's eligibility: a valid one blocks a repeat, a revoked one does not.
    const repeatCheck = () =>
      evaluateEligibility(
        eligibilityInput({ rules: [{ rule: 'no_repeat_honour' }], awardType: 'worker_pioneer', asOf: '2025-06-01', nominee: nomineeFacts({ ...team('t-2'), honours: honoursHeldFrom(state(events), 't-2') }) }),
      ).eligible;
    expect(repeatCheck()).toBe(false);

    run([{ type: 'RevokeHonour', ...at('2025-05-01T10:00:00+08:00'), honourId: 'r-2024/s-1', reason: '申报材料造假' }], events);
    expect(honourStatus(state(events), 'r-2024/s-1')).toBe('revoked');
    expect(repeatCheck()).toBe(true);
  });
});
