export interface Shown {
  text: string;
  /** Inside an element marked translate="no": the user's own data. */
  data: boolean;
  /** A title or aria-label rather than a text node. */
  attribute: boolean;
}
export function untranslatedLabels(
  shown: readonly Shown[],
  names: readonly string[]
): { text: string; why: string }[];
export const LANGUAGE_SWITCH: string;
