import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { RecordOrganizationFact, RegisterOrganization } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationEvent, OrganizationRegistered } from './organization.events';

const admin: Actor = { userId: 'u-admin', role: 'admin', orgId: 'org-root' };
const committee: Actor = { userId: 'u-com', role: 'committee', orgId: 'jj-committee' };
const unit: Actor = { userId: 'u-unit', role: 'unit', orgId: 'ent-1' };
const at = '2021-07-10T02:00:00.000Z';
const spec = () => DeciderSpec.for(organizationDecider);

const registerEnterprise = (over: Partial<RegisterOrganization> = {}): RegisterOrganization => ({
  type: 'RegisterOrganization',
  orgId: 'ent-1',
  at,
  actor: admin,
  name: ' 九江石化 ',
  kind: 'enterprise',
  level: 'enterprise',
  ownership: 'state_owned',
  industry: '石化',
  region: '浔阳区',
  parent: { orgId: 'xy-committee', level: 'county', parentPath: ['jj-committee'] },
  ...over,
});

const registered: OrganizationRegistered = {
  type: 'OrganizationRegistered',
  data: {
    orgId: 'ent-1',
    name: '九江石化',
    kind: 'enterprise',
    level: 'enterprise',
    ownership: 'state_owned',
    industry: '石化',
    region: '浔阳区',
    parentId: 'xy-committee',
    parentPath: ['jj-committee', 'xy-committee'],
  },
};

const fact = (over: Partial<RecordOrganizationFact> = {}): RecordOrganizationFact => ({
  type: 'RecordOrganizationFact',
  orgId: 'ent-1',
  at,
  actor: committee,
  factId: 'f-1',
  kind: 'safety_accident',
  occurredOn: '2020-03-05',
  description: ' 一般生产安全事故，1人受伤 ',
  ...over,
});
const factRecorded: OrganizationEvent = {
  type: 'OrganizationFactRecorded',
  data: { orgId: 'ent-1', factId: 'f-1', kind: 'safety_accident', occurredOn: '2020-03-05', description: '一般生产安全事故，1人受伤' },
};

describe('organization decider', () => {
  describe('when nothing is registered', () => {
    it('registers an enterprise under a county committee, extending the parent path', () => {
      spec().given([]).when(registerEnterprise()).then([registered]);
    });

    it('registers a root with an empty path', () => {
      spec()
        .given([])
        .when(registerEnterprise({ orgId: 'jj-committee', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', ownership: null, parent: null }))
        .thenMatches([{ type: 'OrganizationRegistered', data: { orgId: 'jj-committee', parentId: null, parentPath: [] } }]);
    });

    it('lets a union sit at its parent enterprise’s level', () => {
      spec()
        .given([])
        .when(registerEnterprise({ orgId: 'ent-1-union', kind: 'union', parent: { orgId: 'ent-1', level: 'enterprise', parentPath: ['jj-committee', 'xy-committee'] } }))
        .thenMatches([{ type: 'OrganizationRegistered', data: { parentPath: ['jj-committee', 'xy-committee', 'ent-1'] } }]);
    });

    it('refuses an enterprise or team without a parent: only a committee or a union heads the tree', () => {
      for (const kind of ['enterprise', 'team'] as const) {
        DeciderSpec.for(organizationDecider)
          .given([])
          .when(registerEnterprise({ orgId: `root-${kind}`, kind, level: kind === 'team' ? 'team' : 'enterprise', parent: null }))
          .thenThrows('ORGANIZATION.PARENT_REQUIRED', { kind: 'validation' });
      }
    });

    it('refuses an enterprise under a parent at the same level', () => {
      spec()
        .given([])
        .when(registerEnterprise({ parent: { orgId: 'ent-0', level: 'enterprise', parentPath: [] } }))
        .thenThrows('ORGANIZATION.PARENT_LEVEL_NOT_ABOVE', { kind: 'validation', details: { parentLevel: 'enterprise', level: 'enterprise', errors: [{ field: 'parentId' }, { field: 'level' }] } });
    });

    it('refuses a committee above its parent’s level', () => {
      spec()
        .given([])
        .when(registerEnterprise({ kind: 'committee', level: 'city', parent: { orgId: 'xy-committee', level: 'county', parentPath: [] } }))
        .thenThrows('ORGANIZATION.PARENT_LEVEL_NOT_ABOVE');
    });

    it('lists every invalid field at once', () => {
      const error = spec()
        .given([])
        .when(registerEnterprise({ name: '  ', kind: 'factory' as never, level: 'village' as never, ownership: 'private' as never }))
        .thenThrows('ORGANIZATION.INVALID', { kind: 'validation' });
      expect(error.details.errors!.map((e) => e.field)).toEqual(['name', 'kind', 'level', 'ownership']);
    });

    it('refuses a parent path that contains the organisation itself', () => {
      const error = spec()
        .given([])
        .when(registerEnterprise({ parent: { orgId: 'xy-committee', level: 'county', parentPath: ['ent-1'] } }))
        .thenThrows('ORGANIZATION.INVALID');
      expect(error.details.errors).toEqual([expect.objectContaining({ field: 'parent' })]);
    });

    it('refuses registration by a unit', () => {
      spec().given([]).when(registerEnterprise({ actor: unit })).thenThrows('ORGANIZATION.FORBIDDEN', { kind: 'forbidden' });
    });

    it('refuses an update of an unknown organisation', () => {
      spec()
        .given([])
        .when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: { name: '新名' } })
        .thenThrows('ORGANIZATION.NOT_FOUND', { kind: 'not_found' });
    });

    it('refuses a fact about an unknown organisation', () => {
      spec().given([]).when(fact()).thenThrows('ORGANIZATION.NOT_FOUND');
    });
  });

  describe('when the organisation is registered', () => {
    it('refuses registering it again', () => {
      spec().given([registered]).when(registerEnterprise()).thenThrows('ORGANIZATION.ALREADY_REGISTERED', { kind: 'conflict' });
    });

    it('records only the fields that changed', () => {
      spec()
        .given([registered])
        .when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: { name: '九江石化', industry: '化工', ownership: 'non_public' } })
        .then([{ type: 'OrganizationUpdated', data: { orgId: 'ent-1', changes: { industry: '化工', ownership: 'non_public' } } }]);
    });

    it('folds an update into the state', () => {
      spec()
        .given([registered])
        .when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: { region: null } })
        .thenState((s) => expect(s).toMatchObject({ status: 'registered', region: null, industry: '石化' }));
    });

    it('treats an update to the same values as a repeat', () => {
      spec().given([registered]).when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: { name: ' 九江石化' } }).thenNothing();
    });

    it('refuses an empty update', () => {
      spec().given([registered]).when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: {} }).thenThrows('ORGANIZATION.NOTHING_TO_UPDATE');
    });

    it('refuses an update with an empty name and an unknown ownership', () => {
      const error = spec()
        .given([registered])
        .when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: admin, changes: { name: '', ownership: 'x' as never } })
        .thenThrows('ORGANIZATION.INVALID');
      expect(error.details.errors!.map((e) => e.field)).toEqual(['name', 'ownership']);
    });

    it('refuses an update by a committee', () => {
      spec().given([registered]).when({ type: 'UpdateOrganization', orgId: 'ent-1', at, actor: committee, changes: { name: 'x' } }).thenThrows('ORGANIZATION.FORBIDDEN');
    });

    it('records a dated fact, trimmed', () => {
      spec().given([registered]).when(fact()).then([factRecorded]);
    });

    it('keeps facts in the state for award eligibility', () => {
      spec()
        .given([registered, factRecorded])
        .when(fact({ factId: 'f-2', kind: 'wage_arrears', occurredOn: '2021-01-10', description: '拖欠工资' }))
        .thenState((s) => expect(s.status === 'registered' && s.facts.map((f) => f.kind)).toEqual(['safety_accident', 'wage_arrears']));
    });

    it('accepts a fact dated today in Beijing even when UTC is still yesterday', () => {
      spec()
        .given([registered])
        .when(fact({ at: '2021-07-09T17:00:00.000Z', occurredOn: '2021-07-10' }))
        .thenMatches([{ type: 'OrganizationFactRecorded' }]);
    });

    it('refuses a fact dated after today', () => {
      spec()
        .given([registered])
        .when(fact({ occurredOn: '2021-07-11' }))
        .thenThrows('ORGANIZATION.FACT_IN_FUTURE', { details: { today: '2021-07-10' } });
    });

    it('refuses a fact with an unknown kind, an impossible date and no description', () => {
      const error = spec()
        .given([registered])
        .when(fact({ kind: 'fire' as never, occurredOn: '2021-02-30', description: '' }))
        .thenThrows('ORGANIZATION.FACT_INVALID');
      expect(error.details.errors!.map((e) => e.field)).toEqual(['kind', 'occurredOn', 'description']);
    });

    it('treats the same fact sent twice as a repeat', () => {
      spec().given([registered, factRecorded]).when(fact()).thenNothing();
    });

    it('retracts a fact with a reason; it is no longer in force, and a second retraction is refused (review 43 #5)', () => {
      const retract = (reason: string, actor = committee) => ({ type: 'RetractOrganizationFact' as const, orgId: 'ent-1', at, actor, factId: 'f-1', reason });
      const retracted: OrganizationEvent = { type: 'OrganizationFactRetracted', data: { orgId: 'ent-1', factId: 'f-1', reason: '录入错误' } };
      spec().given([registered, factRecorded]).when(retract(' 录入错误 ')).then([retracted]);
      spec().given([registered, factRecorded]).when(retract('  ')).thenThrows('ORGANIZATION.REASON_REQUIRED');
      spec().given([registered, factRecorded]).when(retract('录入错误', unit)).thenThrows('ORGANIZATION.FORBIDDEN');
      spec().given([registered, factRecorded, retracted]).when(retract('再次')).thenThrows('ORGANIZATION.FACT_NOT_FOUND');
      spec().given([registered, factRecorded, retracted]).when(fact({ factId: 'f-2' })).thenState((s) => expect(s.status === 'registered' && s.facts.map((f) => f.factId)).toEqual(['f-2']));
    });

    it('refuses a different fact under an existing id', () => {
      spec().given([registered, factRecorded]).when(fact({ kind: 'mass_incident' })).thenThrows('ORGANIZATION.FACT_ID_CONFLICT');
    });

    it('refuses a fact recorded by a unit', () => {
      spec().given([registered]).when(fact({ actor: unit })).thenThrows('ORGANIZATION.FORBIDDEN');
    });
  });

  it('never mutates the state it folds', () => {
    const before = organizationDecider.evolve(organizationDecider.initialState(), registered);
    const frozen = JSON.stringify(before);
    organizationDecider.evolve(before, factRecorded);
    organizationDecider.evolve(before, { type: 'OrganizationUpdated', data: { orgId: 'ent-1', changes: { name: 'x' } } });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
