import { RecordedEvent } from '@jingsai/shared';
import { csvChunks, subjectOf } from './export-formats';

describe('the CSV timeline', () => {
  const clearance = (position: number, nominationId: string, department: string): RecordedEvent => ({
    streamId: 'awardRound-jj21-cert', revision: position, position, recordedAt: '2021-12-01T02:00:00.000Z', type: 'ClearanceGranted',
    data: { roundId: 'jj21-cert', nominationId, department },
    metadata: { eventId: `e${position}`, correlationId: 'c', actor: { userId: 'u-jj', role: 'committee', orgId: 'jj', name: '李主任' }, occurredAt: '2021-12-01T02:00:00.000Z', schemaVersion: 1 },
  });

  it('says which nomination and department each clearance row is about, so rows of one type tell apart', async () => {
    let csv = '';
    for await (const chunk of csvChunks((async function* () { yield [clearance(1, 'n-1', 'tax'), clearance(2, 'n-2', 'labour_inspection')]; })())) csv += chunk;
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0].split(',').slice(-3)).toEqual(['subject', 'reason', '发生时间（北京时间）']);
    expect(rows[1]).toContain(',nominationId=n-1; department=税务(tax),');
    expect(rows[2]).toContain(',nominationId=n-2; department=劳动保障监察(labour_inspection),');
  });

  it('leaves the subject empty for an event about its stream as a whole', () => {
    expect(subjectOf({ projectId: 'p-1', reason: '重复申报' })).toBe('');
    expect(subjectOf({ projectId: 'p-1', period: '2021-Q3', reportId: 'r-1' })).toBe('period=2021-Q3; reportId=r-1');
    expect(subjectOf(null)).toBe('');
  });
});
