// A consumer code or PIN as a resident types it → the one form the utility prints and stores, by
// what the utility's configuration allows (`consumerCode` / `pin`: `upperCase`, `spaces`). The one
// function every reader of a typed code uses: the request schemas (so the widget's forms and the
// worker's registration and linking), the office's search and card, and the CSV importers.
// Invariant: canonical(canonical(x)) = canonical(x), and a configuration's example is canonical
// (contract/utility-config.ts refuses one that is not), so a stored code is what a look-up finds.

/** Which spaces typed in a code or PIN are not part of it: those at the ends, or every one. */
export const SPACES = ['trim', 'remove'] as const;
export type Spaces = (typeof SPACES)[number];

/** What a utility's codes allow to differ between the bill and what is typed (both optional). */
export interface TypedRule {
  /** Letters typed in either case are the same code; the canonical form is upper case. */
  upperCase?: boolean;
  spaces?: Spaces;
}

/**
 * Today's behaviour when the configuration says nothing: a code's case counts and only the spaces
 * at its ends go; a PIN's spaces all go ("48 21", as it is often printed in groups).
 */
export const TYPED_DEFAULTS = {
  consumerCode: { upperCase: false, spaces: 'trim' },
  pin: { upperCase: false, spaces: 'remove' },
} as const satisfies Record<string, Required<TypedRule>>;

export type TypedKind = keyof typeof TYPED_DEFAULTS;

/** The canonical form of a typed code (`kind` gives the defaults the rule does not override). */
export function canonical(kind: TypedKind, typed: string, rule: TypedRule = {}): string {
  const spaces = rule.spaces ?? TYPED_DEFAULTS[kind].spaces;
  const s = spaces === 'remove' ? typed.replace(/\s+/g, '') : typed.trim();
  return (rule.upperCase ?? TYPED_DEFAULTS[kind].upperCase) ? s.toUpperCase() : s;
}
