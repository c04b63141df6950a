/**
 * Kinds of refusal. The HTTP layer maps them: validation 400, unauthenticated 401, forbidden 403, not_found 404,
 * illegal_state 409, conflict 409, precondition_failed 412, unprocessable 422, unavailable 503.
 */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'illegal_state'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  /** Not now, for a reason on our side that passes (the read models being rebuilt): 503. */
  | 'unavailable';

export interface DomainErrorDetails {
  /** For illegal transitions: the state the aggregate is in. */
  currentState?: string;
  /** For illegal transitions: the actions allowed from that state. */
  allowedActions?: string[];
  /** Field-level problems, for validation errors. */
  errors?: Array<{ field: string; messageZh: string; messageEn: string }>;
  [key: string]: unknown;
}

/**
 * A refusal the user can act on. `code` is stable (e.g. PROJECT.WINDOW_CLOSED) and the two
 * messages say what was wrong and what to do next, in Chinese and in English.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'DomainError';
  }

  static validation(code: string, zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'validation', zh, en, details);
  }
  /** A 400 about named fields (a query parameter, a header), with `errors[]` as every validation refusal has them. */
  static invalidFields(code: string, fields: readonly string[], zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'validation', zh, en, { ...details, errors: fields.map((field) => ({ field, messageZh: zh, messageEn: en })) });
  }
  static forbidden(code: string, zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'forbidden', zh, en, details);
  }
  static notFound(code: string, zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'not_found', zh, en, details);
  }
  static conflict(code: string, zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'conflict', zh, en, details);
  }
  static unprocessable(code: string, zh: string, en: string, details?: DomainErrorDetails): DomainError {
    return new DomainError(code, 'unprocessable', zh, en, details);
  }
  /** An action not allowed in the current state; names the state and what is allowed instead. */
  static illegalState(
    code: string,
    zh: string,
    en: string,
    currentState: string,
    allowedActions: string[],
    extra: DomainErrorDetails = {},
  ): DomainError {
    return new DomainError(code, 'illegal_state', zh, en, { ...extra, currentState, allowedActions });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
