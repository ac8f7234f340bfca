// XML escaping for server-rendered SVG: every piece of text or attribute from data goes through here.
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// eslint-disable-next-line no-control-regex -- stripping the control characters XML 1.0 cannot contain is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text and attribute values; also drops characters XML 1.0 forbids (they would break parsing). */
export function escapeXml(s: string): string {
  return s.replace(XML_FORBIDDEN, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Shortens long labels so they fit the space the layout gives them (text cannot be measured server-side). */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}
