// The sidebar marks exactly one item for a path: the deepest matching one among those shown.
import { describe, expect, it } from "vitest";
import { activeNavItem, allNavItemKeys } from "./nav-items";

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
