/** One field-level problem, as carried in `DomainError.details.errors`. */
export interface FieldProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

export const problem = (field: string, messageZh: string, messageEn: string): FieldProblem => ({ field, messageZh, messageEn });

export const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
