import { AuthUser } from '@jingsai/auth';

/**
 * Judging fairness: until a project's result is fixed, a unit sees no assessor's scores and an
 * assessor sees only their own; committees, auditors and administrators see every sheet.
 */
export function seesEveryScoreSheet(user: AuthUser): boolean {
  return user.roles.some((r) => r === 'committee' || r === 'auditor' || r === 'admin');
}
