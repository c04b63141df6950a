import { EventStore } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';

/** What every reader of a round's part sees: the round itself, its notice, and a reopening. */
const ROUND_WIDE = new Set(['AwardRoundCreated', 'PublicNoticeStarted', 'PublicNoticeEnded', 'NominationsReopened']);

/**
 * The part of an award round an auditor below its organiser may read: the round-wide events, and
 * every event of the nominations whose nominee or recommending organisation lies in the auditor's
 * subtree (their verdicts, reviews, clearances, objections, conferral and the honour's later life).
 * An objector is named to the organiser's auditors only: here an objection keeps its kind and
 * grounds, not the person's name and contact. Null when none of the round's nominations is theirs.
 */
export interface RoundPart {
  nominationIds: string[];
  /** The event as this reader sees it, or null when it is not theirs. */
  select(event: RecordedEvent): RecordedEvent | null;
}

export async function roundPart(store: EventStore, streamId: string, inScope: (orgId: string) => boolean): Promise<RoundPart | null> {
  const nominations = new Set<string>();
  const honours = new Set<string>();
  for (let from = 0; ; ) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: 500, hashes: false });
    for (const e of page) {
      const d = e.data as { nominationId?: string; honourId?: string; nominee?: { orgId?: string }; recommenderOrgId?: string };
      if (e.type === 'NominationSubmitted' && d.nominationId && ((d.nominee?.orgId && inScope(d.nominee.orgId)) || (d.recommenderOrgId && inScope(d.recommenderOrgId)))) nominations.add(d.nominationId);
      if ((e.type === 'HonourConferred' || e.type === 'DerivedHonourConferred') && d.honourId && d.nominationId && nominations.has(d.nominationId)) honours.add(d.honourId);
    }
    if (page.length < 500) break;
    from = page[page.length - 1]!.revision + 1;
  }
  if (nominations.size === 0) return null;
  return {
    nominationIds: [...nominations],
    select(event) {
      const d = event.data as { nominationId?: string; replacesNominationId?: string; honourId?: string; sourceHonourId?: string; objector?: { kind?: string } };
      const ours =
        ROUND_WIDE.has(event.type) ||
        (d.nominationId !== undefined && nominations.has(d.nominationId)) ||
        (d.replacesNominationId !== undefined && nominations.has(d.replacesNominationId)) ||
        (d.honourId !== undefined && honours.has(d.honourId)) ||
        (d.sourceHonourId !== undefined && honours.has(d.sourceHonourId));
      if (!ours) return null;
      // A part is not a chain anyone can verify, and a hash would let a guessed name and phone be checked against it
      // offline (review 39 #2): the part carries no hashes. Its events are read as the store has them otherwise.
      const { prevHash: _p, hash: _h, ...metadata } = event.metadata;
      const base = { streamId: event.streamId, revision: event.revision, position: event.position, recordedAt: event.recordedAt, type: event.type };
      if (event.type !== 'ObjectionRaised') return { ...base, data: event.data, metadata };
      // An objector is whoever raised it, usually signed in as themselves: withheld from the event's data and from who recorded it (review 39 #1).
      const objector = { kind: d.objector?.kind ?? null, withheld: true };
      const actor = { userId: '（已隐去）', role: metadata.actor.role, orgId: '（已隐去）', name: '（异议人身份已隐去）' };
      return { ...base, data: { ...event.data, objector }, metadata: { ...metadata, actor } };
    },
  };
}
