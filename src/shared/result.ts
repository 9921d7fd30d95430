/**
 * A value or a reason, never a throw. Sources and message replies use this shape because
 * Error objects do not survive structured cloning between extension contexts.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
