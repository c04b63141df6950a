import { GenerationManifest, Random } from '../../libs/testing/src/generator';
import { LoadRequest } from './lib/load';
import { bearer } from './lib/service';

export type QueryKind = 'board:committee' | 'board:awaiting' | 'board:unit' | 'board:assessor' | 'supervision:overdue' | 'supervision:stalled' | 'supervision:incidents';

const WEIGHTS: Record<QueryKind, number> = {
  'board:committee': 25, 'board:awaiting': 20, 'board:unit': 15, 'board:assessor': 10, 'supervision:overdue': 10, 'supervision:stalled': 10, 'supervision:incidents': 10,
};

/**
 * Reads people make on the generated province: committees page their campaign's board by status
 * or what awaits them, units their own projects, assessors what they must score, city committees
 * the supervision views (overdue, stalled, incidents). `only` restricts the mix to one kind.
 */
export function queryMix(manifest: GenerationManifest, only?: QueryKind, seed = 11): () => LoadRequest {
  const rnd = new Random(seed);
  const y = manifest.currentYear;
  const cities = [...new Set(manifest.campaigns.map((c) => c.split('-')[0]!))];
  const counties = [...new Set(manifest.open.map((p) => p.nextApproverOrgId).filter((o): o is string => !!o && o.includes('-k')))];
  const units = [...new Set(manifest.open.map((p) => p.orgId))];
  const statuses = ['submitted', 'in_progress', 'under_assessment'];
  return () => {
    const kind = only ?? rnd.weighted(WEIGHTS);
    const city = rnd.pick(cities);
    switch (kind) {
      case 'board:committee':
        return { method: 'GET', path: `/api/v1/board?campaignId=${city}-${y}&status=${rnd.pick(statuses)}&limit=20`, headers: bearer(`cm-${city}`, 'committee', city) };
      case 'board:awaiting': {
        const county = counties.length > 0 && rnd.chance(0.7) ? rnd.pick(counties) : city;
        return { method: 'GET', path: '/api/v1/board?awaitingMyAction=true&limit=20', headers: bearer(`cm-${county}`, 'committee', county) };
      }
      case 'board:unit': {
        const unit = rnd.pick(units);
        return { method: 'GET', path: '/api/v1/board', headers: bearer(`u-${unit}`, 'unit', unit) };
      }
      case 'board:assessor': {
        const a = rnd.pick(manifest.assessors);
        return { method: 'GET', path: '/api/v1/board?awaitingMyAction=true&limit=20', headers: bearer(a.userId, 'assessor', a.orgId) };
      }
      case 'supervision:overdue':
        return { method: 'GET', path: `/api/v1/supervision/overdue?campaignId=${city}-${y}&limit=20`, headers: bearer(`cm-${city}`, 'committee', city) };
      case 'supervision:stalled':
        return { method: 'GET', path: `/api/v1/supervision/stalled?campaignId=${city}-${y}&limit=20`, headers: bearer(`cm-${city}`, 'committee', city) };
      case 'supervision:incidents':
        return { method: 'GET', path: `/api/v1/supervision/incidents?limit=20`, headers: bearer(`cm-${city}`, 'committee', city) };
    }
  };
}

export const QUERY_KINDS = Object.keys(WEIGHTS) as QueryKind[];
