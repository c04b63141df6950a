import { SqliteEventStore } from '@jingsai/event-store';
import { roundPart } from './round-part';

const meta = (i: number) => ({ eventId: `e${i}`, correlationId: 'c', actor: { userId: 'office', role: 'award_office' as const, orgId: 'jj' }, occurredAt: `2024-10-0${1 + (i % 8)}T02:00:00Z`, schemaVersion: 1 });
const events: Array<[string, Record<string, unknown>]> = [
  ['AwardRoundCreated', { roundId: 'r' }],
  ['NominationSubmitted', { roundId: 'r', nominationId: 'n-ours', nominee: { kind: 'person', id: 'wang', name: '王', orgId: 'ent-a' }, recommenderOrgId: 'ent-a' }],
  ['NominationSubmitted', { roundId: 'r', nominationId: 'n-sub', nominee: { kind: 'person', id: 'zhao', name: '赵', orgId: 'ent-a' }, recommenderOrgId: 'ent-a' }],
  ['NominationSubmitted', { roundId: 'r', nominationId: 'n-theirs', nominee: { kind: 'person', id: 'li', name: '李', orgId: 'ent-b' }, recommenderOrgId: 'ent-b' }],
  ['PublicNoticeStarted', { roundId: 'r', nominationIds: ['n-ours', 'n-theirs'] }],
  ['ObjectionRaised', { roundId: 'r', objectionId: 'o-1', nominationId: 'n-ours', objector: { kind: 'individual', realName: '张三', contact: '13800000000' }, grounds: '事迹不实' }],
  ['ObjectionRaised', { roundId: 'r', objectionId: 'o-2', nominationId: 'n-theirs', objector: { kind: 'individual', realName: '钱七', contact: '13900000000' }, grounds: '不实' }],
  ['ObjectionUpheld', { roundId: 'r', objectionId: 'o-1', nominationId: 'n-ours', note: '属实' }],
  ['SubstitutePromoted', { roundId: 'r', nominationId: 'n-sub', replacesNominationId: 'n-ours', recommenderOrgId: 'ent-a', pool: 'regular' }],
  ['PublicNoticeEnded', { roundId: 'r' }],
  ['HonourConferred', { roundId: 'r', honourId: 'r/n-sub', nominationId: 'n-sub' }],
  ['HonourConferred', { roundId: 'r', honourId: 'r/n-theirs', nominationId: 'n-theirs' }],
  ['HonourRevoked', { roundId: 'r', honourId: 'r/n-sub', reason: '弄虚作假' }],
  ['HonourRevoked', { roundId: 'r', honourId: 'r/n-theirs', reason: '弄虚作假' }],
];

describe('the part of an award round an auditor below its organiser reads', () => {
  it('holds the round-wide events and every event of its subtree’s nominations, honours included, with objectors unnamed', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await store.append('awardRound-r', events.map(([type, data], i) => ({ type, data, metadata: meta(i) })), 'no_stream');
    const part = (await roundPart(store, 'awardRound-r', (org) => org === 'ent-a'))!;
    expect(part.nominationIds).toEqual(['n-ours', 'n-sub']);
    const seen = (await store.readStream('awardRound-r')).map((e) => part.select(e)).filter((e) => e !== null);
    expect(seen.map((e) => [e!.type, (e!.data as any).nominationId ?? (e!.data as any).honourId ?? null])).toEqual([
      ['AwardRoundCreated', null], ['NominationSubmitted', 'n-ours'], ['NominationSubmitted', 'n-sub'], ['PublicNoticeStarted', null],
      ['ObjectionRaised', 'n-ours'], ['ObjectionUpheld', 'n-ours'], ['SubstitutePromoted', 'n-sub'], ['PublicNoticeEnded', null],
      ['HonourConferred', 'n-sub'], ['HonourRevoked', 'r/n-sub'],
    ]);
    const objection = seen.find((e) => e!.type === 'ObjectionRaised')!;
    expect(objection.data).toMatchObject({ grounds: '事迹不实', objector: { kind: 'individual', withheld: true } });
    expect(JSON.stringify(seen)).not.toContain('张三');
    expect(JSON.stringify(seen)).not.toContain('13800000000');
    // No nominee of the subtree: no part.
    expect(await roundPart(store, 'awardRound-r', (org) => org === 'ent-z')).toBeNull();
    await store.close();
  });
});
