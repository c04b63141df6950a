import { Actor, DomainError, ROLES, Role } from '@jingsai/shared';

/** The caller, as the bearer token describes them. */
export interface AuthUser {
  userId: string;
  name: string;
  roles: Role[];
  orgId: string;
}

/** JWT claims we issue and accept. */
export interface JingsaiClaims {
  sub: string;
  name: string;
  roles: Role[];
  orgId: string;
}

export function userFromClaims(claims: Partial<JingsaiClaims>): AuthUser {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : [];
  if (!claims.sub || !claims.orgId || roles.length === 0) {
    // Unusable as a credential, as a malformed token is: 401 (review 41 #13), whoever signed it.
    throw new DomainError(
      'AUTH.INVALID_TOKEN',
      'unauthenticated',
      '令牌缺少用户、角色或所属组织信息，请重新获取令牌。',
      'The token lacks a user id, a known role or an organisation; get a new one.',
    );
  }
  return { userId: claims.sub, name: claims.name ?? claims.sub, roles, orgId: claims.orgId };
}

/** The actor recorded on events when `user` acts in `role`. */
export function actorOf(user: AuthUser, role: Role): Actor {
  return { userId: user.userId, role, orgId: user.orgId, name: user.name };
}

export const ROLE_LABELS: Record<Role, string> = {
  committee: '竞赛委员会',
  unit: '参赛单位',
  assessor: '评估专家',
  award_office: '评选表彰办公室',
  auditor: '审计督查',
  admin: '系统管理员',
};

/** Refuse unless the user holds one of the roles; returns the first matching role. */
export function requireRole(user: AuthUser, ...roles: Role[]): Role {
  const role = roles.find((r) => user.roles.includes(r));
  if (!role) {
    throw DomainError.forbidden(
      'AUTH.ROLE_REQUIRED',
      `此操作需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}。`,
      `This action needs one of the roles: ${roles.join(', ')}.`,
      { requiredRoles: roles, yourRoles: user.roles },
    );
  }
  return role;
}
