import { AuthUser } from '@jingsai/auth';

/** Demo organisation ids (the Jiujiang campaign of 2021, seeds/003). */
export const DEMO_ORGS = {
  province: 'jiangxi',
  city: 'jiujiang',
  xunyang: 'jiujiang-xunyang',
  lianxi: 'jiujiang-lianxi',
  petrochem: 'jiujiang-petrochem',
  petrochemTeam: 'jiujiang-petrochem-team1',
  textile: 'xunyang-textile',
  electronics: 'lianxi-electronics',
  power: 'jiujiang-power',
  university: 'jiujiang-university',
  institute: 'jiangxi-quality-institute',
  vocational: 'jiujiang-vocational-college',
} as const;

/** One demo user per role; `npm start` prints a token for each. */
export const DEMO_USERS: Array<AuthUser & { label: string }> = [
  { userId: 'u-city-committee', name: '九江市劳动竞赛委员会办公室 王主任', roles: ['committee'], orgId: DEMO_ORGS.city, label: '市竞赛委员会 city committee' },
  { userId: 'u-xunyang-committee', name: '浔阳区劳动竞赛委员会 李科长', roles: ['committee'], orgId: DEMO_ORGS.xunyang, label: '区竞赛委员会 county committee (浔阳区)' },
  { userId: 'u-textile-union', name: '浔阳纺织有限公司工会 张主席', roles: ['unit'], orgId: DEMO_ORGS.textile, label: '参赛单位 unit (浔阳纺织, non-public)' },
  { userId: 'u-electronics-union', name: '濂溪电子科技公司工会 陈干事', roles: ['unit'], orgId: DEMO_ORGS.electronics, label: '参赛单位 unit (濂溪电子, filed late)' },
  { userId: 'u-petrochem-union', name: '九江石化工会 刘主席', roles: ['unit'], orgId: DEMO_ORGS.petrochem, label: '参赛单位 unit (九江石化, state-owned)' },
  { userId: 'u-assessor', name: '九江学院 赵教授', roles: ['assessor'], orgId: DEMO_ORGS.university, label: '评估专家 assessor (third party)' },
  { userId: 'u-assessor-qian', name: '江西省质量和标准化研究院 钱研究员', roles: ['assessor'], orgId: DEMO_ORGS.institute, label: '评估专家 assessor (third party, 2)' },
  { userId: 'u-assessor-sun', name: '九江职业技术学院 孙高级工程师', roles: ['assessor'], orgId: DEMO_ORGS.vocational, label: '评估专家 assessor (third party, 3)' },
  { userId: 'u-award-office', name: '九江市总工会 评选表彰办公室 周老师', roles: ['award_office'], orgId: DEMO_ORGS.city, label: '评选表彰 award office' },
  { userId: 'u-auditor', name: '九江市总工会 经审办 吴审计', roles: ['auditor'], orgId: DEMO_ORGS.city, label: '审计督查 auditor' },
  { userId: 'u-admin', name: '系统管理员', roles: ['admin'], orgId: DEMO_ORGS.province, label: '系统管理员 admin' },
];
