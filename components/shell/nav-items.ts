// The sidebar's catalogue: every page it can link to, in display order, with its section.
// Which of them a user sees is the caller's decision (Sidebar's `items`), e.g. audit and members for admins only.

export type NavSection = "inventory" | "operations" | "administration";

export const navItems = [
  { key: "overview", href: "/" },
  { key: "clouds", href: "/clouds", section: "inventory" },
  { key: "clusters", href: "/clusters", section: "inventory" },
  { key: "gpuPrices", href: "/gpu-prices", section: "inventory" },
  { key: "models", href: "/models", section: "inventory" },
  { key: "deployments", href: "/deployments", section: "operations" },
  { key: "migrations", href: "/migrations", section: "operations" },
  { key: "approvals", href: "/approvals", section: "operations" },
  { key: "recommendations", href: "/recommendations", section: "operations" },
  { key: "audit", href: "/audit", section: "administration" },
  { key: "members", href: "/settings/members", section: "administration" },
  { key: "embeds", href: "/settings/embeds", section: "administration" },
  { key: "approvalPolicy", href: "/settings/approvals", section: "administration" },
  { key: "apiTokens", href: "/settings/tokens", section: "administration" },
  { key: "settings", href: "/settings", section: "administration" },
] as const satisfies readonly { key: string; href: string; section?: NavSection }[];

export type NavItemKey = (typeof navItems)[number]["key"];

export const allNavItemKeys: readonly NavItemKey[] = navItems.map((item) => item.key);

/**
 * The item a path belongs to: the longest href that is the path or a parent of it, so
 * /settings/members marks "members", not "settings", and /clusters/abc marks "clusters".
 */
export function activeNavItem(pathname: string, keys: readonly NavItemKey[]): NavItemKey | undefined {
  let best: { key: NavItemKey; length: number } | undefined;
  for (const item of navItems) {
    if (!keys.includes(item.key)) continue;
    const matches =
      item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.length)) best = { key: item.key, length: item.href.length };
  }
  return best?.key;
}
