// Joins class names, skipping falsy ones. There is no class merging: a className passed to a
// component is appended, so pass layout classes (margins, width, grid placement), not overrides.
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
