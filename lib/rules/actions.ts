/**
 * The closed vocabulary of de-identification actions (the codes of DICOM PS3.15 Table E.1-1).
 * Every rule in the rules file names one of these; anything else is an error.
 */
export const ACTIONS = {
  X: 'remove the element',
  Z: 'replace with an empty (zero-length) value',
  D: 'replace with a dummy or placeholder value of the same VR',
  U: 'replace the UID with a new one, mapped consistently',
  K: 'keep the value',
  C: 'clean: keep the value, removing only identifying content (free text, dates per policy)',
} as const;

/** One action code: `X`, `Z`, `D`, `U`, `K` or `C`. */
export type Action = keyof typeof ACTIONS;

/** The action codes in the order they are listed in error messages. */
export const ACTION_CODES = Object.keys(ACTIONS) as Action[];

/** True when `value` is one of the action codes. */
export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(ACTIONS, value);
}

/** Compound Basic Profile codes as printed in Table E.1-1. */
export const COMPOUND_CODES = ['X/Z', 'X/D', 'Z/D', 'X/Z/D', 'X/Z/U*'] as const;

/**
 * Resolves a Basic Profile code (simple or compound) to one action.
 *
 * The standard reads a compound code as "the first, unless the next is needed for IOD
 * conformance" (X/Z: remove unless Type 2, then empty; X/D, Z/D, X/Z/D: … unless Type 1,
 * then dummy; X/Z/U*: … unless the sequence must stay, then its instance UIDs replaced).
 * We do not know, per element, which IOD the file follows, so we take the last alternative:
 * it is always conformant, and it is as safe as the others because a dummy, an empty value
 * or a remapped UID carries no PHI. For X/Z/U* that is `U`: the sequence stays and every UID
 * inside is remapped, so references still resolve.
 *
 * @example resolveCompoundCode('X/Z/D') // 'D'
 */
export function resolveCompoundCode(code: string): Action {
  const parts = code.split('/').map((part) => part.replace('*', '').trim());
  const last = parts[parts.length - 1];
  if (!parts.every(isAction) || !isAction(last)) {
    throw new Error(`[rules] unknown Basic Profile code "${code}" (expected one of ${ACTION_CODES.join(', ')} or ${COMPOUND_CODES.join(', ')})`);
  }
  return last;
}
