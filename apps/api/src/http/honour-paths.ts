/**
 * Honour ids hold "/" (`<roundId>/<nominationId>`, `instant/<campaignId>/<commendationId>`), so a
 * path that spells one out as it reads (`/api/v1/honours/loop-2026-cert/n1/check`) named no route
 * and was a 404 unless the id was percent-encoded. Such a path is routed as if the id were encoded:
 * under `/api/v1/honours/` everything between the prefix and a final `/check` is the id; under
 * `/api/v1/award-rounds/<roundId>/honours/` everything up to the final action. The encoded form
 * (`%2F`) goes through unchanged, and so does any other path.
 */
const HONOURS = '/api/v1/honours/';
const ROUND_HONOUR = /^(\/api\/v1\/award-rounds\/[^/]+\/honours\/)(.+)(\/(?:revoke|withdraw|suspend|reinstate))$/;

export function encodeHonourIds(url: string): string {
  if (!url.includes('/honours/')) return url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q);
  // An empty segment or a trailing slash is no honour id's: such a path is routed as it is.
  if (path.includes('//') || path.endsWith('/')) return url;
  if (path.startsWith(HONOURS)) {
    const rest = path.slice(HONOURS.length);
    const check = rest.endsWith('/check') ? '/check' : '';
    const id = rest.slice(0, rest.length - check.length);
    return id.includes('/') ? `${HONOURS}${encodeSlashes(id)}${check}${query}` : url;
  }
  const m = ROUND_HONOUR.exec(path);
  return m && m[2]!.includes('/') ? `${m[1]}${encodeSlashes(m[2]!)}${m[3]}${query}` : url;
}

/** Only the slashes: anything else in the id was encoded (or not) by the client and is decoded by the router as before. */
function encodeSlashes(id: string): string {
  return id.split('/').join('%2F');
}
