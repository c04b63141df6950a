import { projectionSpec, recorded } from '@jingsai/testing';
import { JIUJIANG_CAMPAIGN_2021, NATIONAL_MAY_DAY_MEDAL_2022, NATIONAL_MAY_DAY_MEDAL_2024 } from '../../application/award-domain';
import { ruleSetListProjection } from './rule-set-list.projection';
import { listRuleSets, ruleSetVersionContent } from './rule-set-list.queries';

const published = (ruleSetId: string, version: number, content: object) => recorded('RuleSetVersionPublished', { ruleSetId, version, ...content });

describe('rule-set list projection', () => {
  const events = [published('national', 1, NATIONAL_MAY_DAY_MEDAL_2022), published('jj', 1, JIUJIANG_CAMPAIGN_2021), published('national', 2, NATIONAL_MAY_DAY_MEDAL_2024)];

  it('lists each rule set with its latest version, newest year first', () => {
    projectionSpec(ruleSetListProjection)
      .given(events)
      .then((db) => listRuleSets(db, { limit: 10, offset: 0 }).items.map((r) => [r.ruleSetId, r.latestVersion, r.versions, r.year]), [
        ['national', 2, 2, 2024],
        ['jj', 1, 1, 2021],
      ]);
  });

  it('keeps every version’s content', () => {
    projectionSpec(ruleSetListProjection)
      .given(events)
      .thenMatches((db) => ({ v1: ruleSetVersionContent(db, 'national', 1), latest: ruleSetVersionContent(db, 'national') }), {
        v1: { version: 1, year: 2022, ratios: NATIONAL_MAY_DAY_MEDAL_2022.ratios },
        latest: { version: 2, year: 2024 },
      });
  });
});
