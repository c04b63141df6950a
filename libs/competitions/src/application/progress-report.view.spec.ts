import { fold } from '@jingsai/shared';
import { Project, ProjectEvent, projectDecider } from '../domain';
import { inProgress, opened, reporting } from '../domain/project-loop.fixtures';
import { P } from '../domain/project.fixtures';
import { progressReportsView } from './progress-report.view';

const overdue: ProjectEvent = { type: 'ProgressReportOverdue', data: { projectId: P.projectId, period: '2021-Q3', dueOn: '2021-10-10' } };
const view = (events: ProjectEvent[]) =>
  progressReportsView(fold(projectDecider, events) as Project, [], [{ facts: reporting, changedOn: null, sinceVersion: 1 }], new Date('2021-11-20T02:00:00Z')).periods.find((p) => p.period === '2021-Q3')!;

describe('a project’s progress reports (信息反馈)', () => {
  it('keeps a missed period owed and fileable while the project runs', () => {
    expect(view([...inProgress, overdue])).toMatchObject({ status: 'overdue', fileable: true, owed: true });
  });

  it('says a miss can no longer be made good once the assessment opened, as the supervision list closes it', () => {
    expect(view([...inProgress, overdue, opened()])).toMatchObject({ status: 'unfiled', statusLabel: '未补报（项目已进入评估）', fileable: false, markedOverdue: true });
  });

  it('owes nothing more once the assessment opened: a period not marked overdue is no longer owed', () => {
    const q4 = (events: ProjectEvent[]) =>
      progressReportsView(fold(projectDecider, events) as Project, [], [{ facts: reporting, changedOn: null, sinceVersion: 1 }], new Date('2021-11-20T02:00:00Z')).periods.find((p) => p.period === '2021-Q4')!;
    expect(q4([...inProgress])).toMatchObject({ status: 'awaiting', owed: true, fileable: true });
    // Before its first day a period is upcoming, and filing it would be refused (PROJECT.PERIOD_NOT_STARTED).
    const early = progressReportsView(fold(projectDecider, inProgress) as Project, [], [{ facts: reporting, changedOn: null, sinceVersion: 1 }], new Date('2021-09-20T02:00:00Z'));
    expect(early.periods.find((p) => p.period === '2021-Q4')).toMatchObject({ status: 'upcoming', owed: true, fileable: false, startsOn: '2021-10-01' });
    expect(q4([...inProgress, opened()])).toMatchObject({ status: 'no_longer_owed', statusLabel: '项目已进入评估，本期无需报送', owed: false, fileable: false });
  });
});
