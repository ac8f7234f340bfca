// The sidebar marks exactly one item for a path: the deepest matching one among those shown.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { activeNavItem, allNavItemKeys, navItems } from "./nav-items";

describe("activeNavItem", () => {
  it.each([
    ["/", "overview"],
    ["/clusters", "clusters"],
    ["/clusters/abc/deployments", "clusters"],
    ["/settings", "settings"],
    ["/settings/members", "members"],
    ["/settings/members/42", "members"],
    ["/gpu-prices", "gpuPrices"],
  ])("%s → %s", (path, key) => {
    expect(activeNavItem(path, allNavItemKeys)).toBe(key);
  });

  it("does not match a path that merely shares a prefix", () => {
    expect(activeNavItem("/clustersfoo", allNavItemKeys)).toBeUndefined();
  });

  it("falls back to the parent when the deeper item is hidden", () => {
    expect(activeNavItem("/settings/members", ["overview", "settings"])).toBe("settings");
  });

  it("marks nothing for an unknown page", () => {
    expect(activeNavItem("/nowhere", allNavItemKeys)).toBeUndefined();
  });
});

describe("navItems", () => {
  it.each(navItems.map((item) => [item.href]))("%s is a page that exists", (href) => {
    const page = path.join(import.meta.dirname, "../../app/(dashboard)", href, "page.tsx");
    expect(existsSync(page), `${page} is missing: remove the sidebar link or add the page`).toBe(true);
  });
});
