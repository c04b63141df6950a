import { created, passed, stateAfter } from '../domain/award-round/award-round.fixtures';
import { conferralSummary, whyNotConferred } from './conferral-summary';

describe('what a conferral that confers nothing says', () => {
  const migrants = { key: 'migrant', label: { zh: '农民工', en: 'migrant workers' }, where: { attribute: 'migrantWorker', equals: true }, max: 2, min: 1 };
  const removed = { type: 'NominationRemoved', data: { nominationId: 'n-2', failedReasons: [{ rule: 'exclusion_window', messageZh: '拖欠工资' }] } };

  it('names what the remaining list fails, as the refusal would (review 43 #7)', () => {
    const state = stateAfter([created({ pools: [{ pool: 'regular', quota: 2 }], subQuotas: [migrants] }), ...passed('n-1', { attributes: { migrantWorker: false } })]);
    const why = whyNotConferred(state);
    expect(why).toMatchObject({ code: 'AWARD.SUB_QUOTA_NOT_MET', zh: expect.stringContaining('“农民工”已推荐 0 名，要求至少 1 名') });
    const summary = conferralSummary([removed], 1, why);
    expect(summary).toMatchObject({ conferred: 0, listFails: 'AWARD.SUB_QUOTA_NOT_MET', messageZh: expect.stringContaining('余下名单不再满足要求（推荐名单未达分项名额要求：“农民工”已推荐 0 名，要求至少 1 名）') });
    expect(summary.messageZh).toContain('请补足名单（如需，重新开放推荐后再次公示）');
  });

  it('asks for the outstanding sign-offs, not a new list, when only they stop it (review 50 #6)', () => {
    const why = { code: 'AWARD.CLEARANCES_OUTSTANDING', zh: '1 名人选尚待有关部门出具意见。', en: '1 nominee awaits clearances.' };
    const summary = conferralSummary([removed], 1, why);
    expect(summary).toMatchObject({ listFails: 'AWARD.CLEARANCES_OUTSTANDING', messageZh: expect.stringContaining('请先取得尚待出具的部门意见，再次办理表彰；无需重新公示。') });
    expect(summary.messageZh).not.toContain('补足名单');
  });

  it('asks for the list to be completed, not only the sign-offs, when the list would fail once they are in (review 51 #8)', () => {
    const state = stateAfter([created({ pools: [{ pool: 'regular', quota: 2 }], subQuotas: [migrants] }), ...passed('n-1', { attributes: { migrantWorker: false } }, ['labour_inspection'])]);
    const why = whyNotConferred(state);
    expect(why).toMatchObject({ code: 'AWARD.SUB_QUOTA_NOT_MET', zh: expect.stringMatching(/尚待有关部门出具意见.*；推荐名单未达分项名额要求/) });
    expect(conferralSummary([removed], 1, why).messageZh).toContain('请补足名单');
    // Only the sign-offs missing: they are what is asked for.
    const onlyClearances = stateAfter([created({ pools: [{ pool: 'regular', quota: 2 }], subQuotas: [migrants] }), ...passed('n-1', { attributes: { migrantWorker: true } }, ['labour_inspection'])]);
    expect(whyNotConferred(onlyClearances)).toMatchObject({ code: 'AWARD.CLEARANCES_OUTSTANDING' });
  });

  it('says nothing of a list that holds, nor of one left empty', () => {
    const state = stateAfter([created({ pools: [{ pool: 'regular', quota: 2 }], subQuotas: [migrants] }), ...passed('n-1', { attributes: { migrantWorker: true } })]);
    expect(whyNotConferred(state)).toBeUndefined();
    expect(conferralSummary([removed], 0, undefined)).toMatchObject({ messageZh: expect.stringContaining('名单已无人选') });
    expect(conferralSummary([removed], 0, undefined)).not.toHaveProperty('listFails');
  });
});
