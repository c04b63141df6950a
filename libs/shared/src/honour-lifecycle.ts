import { DomainError } from './domain-error';

/**
 * The lifecycle of a conferred honour (DOMAIN: revocation and suspension), the same for an award
 * round's honours and for instant commendations: revoked (撤销) is final; withdrawn under dynamic
 * management (摘牌: ordered, automatic, natural) can still be revoked; suspended can be reinstated.
 * Asking for the status an honour already has changes nothing.
 */
export type HonourLifecycleStatus = 'valid' | 'revoked' | 'withdrawn' | 'suspended';
export type HonourChange = 'revoke' | 'withdraw' | 'suspend' | 'reinstate';

/** The status each change leads to. */
export const HONOUR_CHANGE_TARGET: Readonly<Record<HonourChange, HonourLifecycleStatus>> = { revoke: 'revoked', withdraw: 'withdrawn', suspend: 'suspended', reinstate: 'valid' };

/** The changes each status allows. */
export const HONOUR_CHANGES_ALLOWED: Readonly<Record<HonourLifecycleStatus, readonly HonourChange[]>> = {
  valid: ['revoke', 'withdraw', 'suspend'],
  suspended: ['revoke', 'withdraw', 'reinstate'],
  withdrawn: ['revoke'],
  revoked: [],
};

/** How an honour is withdrawn (摘牌): ordered, automatic, natural. */
export const WITHDRAWAL_MODES = ['ordered', 'automatic', 'natural'] as const;
export type WithdrawalMode = (typeof WITHDRAWAL_MODES)[number];

export const WITHDRAWAL_MODE_LABELS: Readonly<Record<WithdrawalMode, string>> = { ordered: '责令摘牌', automatic: '自动摘牌', natural: '自然摘牌' };

export function isWithdrawalMode(v: unknown): v is WithdrawalMode {
  return typeof v === 'string' && (WITHDRAWAL_MODES as readonly string[]).includes(v);
}

/**
 * A withdrawal mode given with a change that is not a withdrawal (撤销、暂停、恢复) is refused
 * rather than ignored: the caller meant something the request does not do.
 */
export function requireNoModeUnlessWithdrawal(change: string, mode: unknown): void {
  if (change === 'withdraw' || mode === undefined || mode === null) return;
  throw DomainError.invalidFields(
    'REQUEST.FIELD_NOT_APPLICABLE',
    ['mode'],
    'mode（摘牌方式）只用于摘牌；撤销、暂停、恢复请不要填写。',
    'mode (the withdrawal mode) applies to a withdrawal only; leave it out of a revocation, suspension or reinstatement.',
  );
}
