import type { OrgKind, OrgLevel, OrgOwnership } from '@jingsai/organizations';
import { Random } from './random';

/** One organisation of the generated province, with its ancestors (root first). */
export interface GeneratedOrg {
  orgId: string;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  ownership: OrgOwnership | null;
  industry: string | null;
  region: string | null;
  parentId: string | null;
  path: string[];
  /** For an enterprise or a team: its city and (null when directly under the city, 市直) county. */
  cityId?: string;
  countyId?: string | null;
}

export interface Province {
  root: GeneratedOrg;
  cities: GeneratedOrg[];
  counties: GeneratedOrg[];
  enterprises: GeneratedOrg[];
  teams: GeneratedOrg[];
  /** Third-party bodies (universities, institutes) the assessors come from. */
  assessorBodies: GeneratedOrg[];
  /** Every organisation, parents before children (the order they are registered in). */
  all: GeneratedOrg[];
}

const CITIES = ['南昌', '九江', '景德镇', '萍乡', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶'];
const DISTRICTS = ['东湖区', '西湖区', '城南区', '城北区', '高新区', '经开区', '新区', '临港区', '东乡县', '西山县', '南溪县', '北岭县', '青山县', '双桥县'];
const BRANDS = ['华宇', '恒信', '赣电', '昌盛', '鄱湖', '庐山', '瑞达', '洪都', '赣江', '长运', '金诚', '联创', '天虹', '中环', '宏远', '江铜'];
const INDUSTRIES: Array<[industry: string, word: string]> = [
  ['纺织', '纺织'], ['电子信息', '电子科技'], ['石油化工', '石化'], ['电力', '供电'], ['建筑', '建设工程'],
  ['装备制造', '机械制造'], ['有色金属', '铜业'], ['医药', '制药'], ['交通运输', '物流'], ['食品', '食品'],
];
const OWNERSHIP_MIX: Record<OrgOwnership, number> = { non_public: 50, state_owned: 30, collective: 12, foreign: 8 };
const BODIES = ['南昌大学', '江西理工大学', '江西省质量技术研究院', '江西省安全生产科学研究院'];

function org(o: Omit<GeneratedOrg, 'path'>, parent: GeneratedOrg | null): GeneratedOrg {
  return { ...o, parentId: parent?.orgId ?? null, path: parent ? [...parent.path, parent.orgId] : [] };
}

/**
 * A province's organisation tree: the provincial federation of trade unions, its cities' and
 * counties' competition committees, enterprises (about one in ten directly under its city,
 * ownership mixed with half non-public) each with a team, and third-party assessor bodies.
 */
export function buildProvince(enterpriseCount: number, rnd: Random): Province {
  const root = org({ orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province', ownership: null, industry: null, region: '江西省', parentId: null }, null);
  const assessorBodies = BODIES.map((name, i) =>
    org({ orgId: `jx-body-${i + 1}`, name, kind: 'union', level: 'enterprise', ownership: 'state_owned', industry: '教育科研', region: '江西省', parentId: root.orgId }, root),
  );
  const perCounty = 80;
  const countiesPerCity = Math.max(2, Math.min(DISTRICTS.length, Math.round(enterpriseCount / CITIES.length / perCounty)));
  const cities: GeneratedOrg[] = [];
  const counties: GeneratedOrg[] = [];
  CITIES.forEach((name, ci) => {
    const city = org({ orgId: `c${ci + 1}`, name: `${name}市劳动竞赛委员会`, kind: 'committee', level: 'city', ownership: null, industry: null, region: `${name}市`, parentId: root.orgId }, root);
    cities.push(city);
    for (let k = 0; k < countiesPerCity; k++) {
      const district = DISTRICTS[k]!;
      counties.push(
        org({ orgId: `${city.orgId}-k${k + 1}`, name: `${name}市${district}劳动竞赛委员会`, kind: 'committee', level: 'county', ownership: null, industry: null, region: `${name}市${district}`, parentId: city.orgId }, city),
      );
    }
  });
  const enterprises: GeneratedOrg[] = [];
  const teams: GeneratedOrg[] = [];
  for (let e = 0; e < enterpriseCount; e++) {
    const city = cities[e % cities.length]!;
    const direct = rnd.chance(0.1);
    const county = direct ? null : counties[(Math.floor(e / cities.length) % countiesPerCity) + (e % cities.length) * countiesPerCity]!;
    const parent = county ?? city;
    const [industry, word] = rnd.pick(INDUSTRIES);
    const ownership = rnd.weighted(OWNERSHIP_MIX);
    const brand = rnd.pick(BRANDS);
    const orgId = `e${e + 1}`;
    const ent = org(
      { orgId, name: `${parent.region}${brand}${word}有限公司（${e + 1}）`, kind: 'enterprise', level: 'enterprise', ownership, industry, region: parent.region, parentId: parent.orgId, cityId: city.orgId, countyId: county?.orgId ?? null },
      parent,
    );
    enterprises.push(ent);
    teams.push(org({ orgId: `${orgId}-t1`, name: `${brand}${word}一线班组（${e + 1}）`, kind: 'team', level: 'team', ownership, industry, region: parent.region, parentId: orgId, cityId: city.orgId, countyId: county?.orgId ?? null }, ent));
  }
  const all = [root, ...assessorBodies, ...cities, ...counties, ...enterprises, ...teams];
  return { root, cities, counties, enterprises, teams, assessorBodies, all };
}
