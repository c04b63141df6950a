import { DeciderSpec } from '@jingsai/testing';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { approved, cityCommittee, countyApproved, drafted, otherUnit, P, returnedByCounty, submitted, unit } from './project.fixtures';
import { allowedProjectActions, PROJECT_STATUS_LABELS } from './project.status';

const spec = () => DeciderSpec.for(projectDecider);
const at = '2021-09-01T10:00:00+08:00';
const withdraw = (reason?: string | null, actor = unit) => ({ type: 'WithdrawProject' as const, projectId: P.projectId, at, actor, reason });
const terminate = (reason: string, actor = cityCommittee) => ({ type: 'TerminateProject' as const, projectId: P.projectId, at, actor, reason });

const histories: Record<string, ProjectEvent[]> = {
  draft: [drafted],
  submitted: [drafted, submitted()],
  returned: [drafted, submitted(), returnedByCounty],
  in_progress: [drafted, submitted(), countyApproved, approved],
};
const withdrawn: ProjectEvent = { type: 'ProjectWithdrawn', data: { projectId: P.projectId, reason: null, previousStatus: 'draft' } };
const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { projectId: P.projectId, reason: '发生较大安全事故', previousStatus: 'in_progress' } };

describe('ending a project early', () => {
  describe.each(Object.entries(histories))('when the project is %s', (status, history) => {
    it('lets the unit withdraw it', () => {
      spec()
        .given(history)
        .when(withdraw(' 企业停产 '))
        .then([{ type: 'ProjectWithdrawn', data: { projectId: P.projectId, reason: '企业停产', previousStatus: status as never } }]);
    });

    it('lets a committee terminate it with a reason', () => {
      spec()
        .given(history)
        .when(terminate('发生较大安全事故'))
        .then([{ type: 'ProjectTerminated', data: { projectId: P.projectId, reason: '发生较大安全事故', previousStatus: status as never } }]);
    });
  });

  it('withdraws without a reason', () => {
    spec().given([drafted]).when(withdraw(undefined)).then([withdrawn]);
  });

  it('records how the project ended', () => {
    spec()
      .given(histories.in_progress)
      .when(terminate('发生较大安全事故'))
      .thenState((s) => expect(s).toMatchObject({ status: 'terminated', ending: { kind: 'terminated', reason: '发生较大安全事故', previousStatus: 'in_progress' } }));
  });

  it('refuses a withdrawal by another unit or a committee', () => {
    spec().given([drafted]).when(withdraw(null, otherUnit)).thenThrows('PROJECT.FORBIDDEN');
    spec().given([drafted]).when(withdraw(null, cityCommittee)).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses a termination by a unit or without a reason', () => {
    spec().given([drafted]).when(terminate('x', unit)).thenThrows('PROJECT.FORBIDDEN');
    spec().given([drafted]).when(terminate(' ')).thenThrows('PROJECT.REASON_REQUIRED');
  });

  it('refuses anything once withdrawn or terminated', () => {
    spec().given([drafted, withdrawn]).when(terminate('x')).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'withdrawn', allowedActions: [] } });
    spec().given([...histories.in_progress, terminated]).when(withdraw(null)).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'terminated', allowedActions: [] } });
  });

  it('refuses withdrawing a project that does not exist', () => {
    spec().given([]).when(withdraw(null)).thenThrows('PROJECT.NOT_FOUND');
  });
});

describe('allowed project actions', () => {
  it('answers per stage, and per role when asked', () => {
    expect(allowedProjectActions({ status: 'none' })).toEqual(['draft']);
    expect(allowedProjectActions({ status: 'returned' }, 'unit')).toEqual(['edit', 'submit', 'withdraw']);
    expect(allowedProjectActions({ status: 'submitted' }, 'committee')).toEqual(['approve', 'return', 'reject', 'grant_extension', 'terminate']);
    expect(allowedProjectActions({ status: 'in_progress' }, 'unit')).toEqual(['file_progress_report', 'record_milestone', 'report_rectification', 'record_incident', 'withdraw']);
    expect(allowedProjectActions({ status: 'under_assessment' }, 'assessor')).toEqual(['declare_conflict', 'record_score']);
    expect(allowedProjectActions({ status: 'assessed' }, 'unit')).toEqual(['report_rectification', 'record_incident', 'submit_summary', 'withdraw']);
    expect(allowedProjectActions({ status: 'summary_submitted' }, 'committee')).toEqual(['accept_rectification', 'reject_rectification', 'record_incident', 'accept_summary', 'return_summary', 'terminate']);
    expect(allowedProjectActions({ status: 'under_assessment' }, 'system')).toEqual([]);
    // Summarised, a project still takes a late-found accident (一票否决), and nothing else.
    expect(allowedProjectActions({ status: 'summarized' })).toEqual(['record_incident']);
    expect(allowedProjectActions({ status: 'submitted' }, 'auditor')).toEqual([]);
  });

  it('labels every status in Chinese', () => {
    expect(PROJECT_STATUS_LABELS).toMatchObject({ draft: '草稿', in_progress: '推进中', rejected: '未立项', terminated: '已终止' });
  });
});

describe('folding', () => {
  it('never mutates the state it folds', () => {
    const events = [...histories.in_progress];
    let state = projectDecider.initialState();
    for (const e of events) {
      const frozen = JSON.stringify(state);
      const next = projectDecider.evolve(state, e);
      expect(JSON.stringify(state)).toBe(frozen);
      state = next;
    }
    const frozen = JSON.stringify(state);
    projectDecider.evolve(state, terminated);
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('ignores events for a project that was never drafted', () => {
    expect(projectDecider.evolve(projectDecider.initialState(), approved)).toEqual({ status: 'none' });
  });
});
