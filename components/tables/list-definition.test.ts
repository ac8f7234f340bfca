// A list's URL mapping: what a query string means, how changes rewrite it, and the table's sorting state.
import { describe, expect, it } from "vitest";
import { DEPLOYMENT_PHASES } from "@/server/domain/values";
import {
  applyListChanges,
  defineList,
  isFiltered,
  pageChange,
  readListState,
  sortChange,
  toQueryInput,
  toSorting,
} from "./list-definition";

const list = defineList({
  sorts: ["name", "phase", "createdAt"],
  defaultSort: "name",
  filters: { phase: DEPLOYMENT_PHASES, actor: "text" },
});
const read = (qs: string) => readListState(list, new URLSearchParams(qs));

describe("readListState", () => {
  it("gives the defaults for an empty URL", () => {
    expect(read("")).toEqual({ page: 1, sort: "name", dir: "asc", q: "", filters: {} });
    const newestFirst = defineList({ sorts: ["createdAt"], defaultSort: "createdAt", defaultDir: "desc" });
    expect(readListState(newestFirst, new URLSearchParams()).dir).toBe("desc");
  });

  it("reads page, sort, direction, search and filters", () => {
    expect(read("page=3&sort=phase&dir=desc&q=ranker&phase=Ready&actor=ops%40x")).toEqual({
      page: 3,
      sort: "phase",
      dir: "desc",
      q: "ranker",
      filters: { phase: "Ready", actor: "ops@x" },
    });
  });

  it("ignores what the list does not offer instead of sending it to the server", () => {
    expect(read("page=-2&sort=password&dir=sideways&phase=Running&other=1")).toEqual({
      page: 1,
      sort: "name",
      dir: "asc",
      q: "",
      filters: {},
    });
    expect(read("page=abc").page).toBe(1);
    expect(read("phase=ready").filters).toEqual({});
  });
});

describe("applyListChanges", () => {
  it("sets and removes parameters and goes back to page 1 on any other change", () => {
    expect(applyListChanges("page=4&q=a", { q: "b" })).toBe("q=b");
    expect(applyListChanges("page=4&phase=Ready", { phase: null })).toBe("");
    expect(applyListChanges("q=a", { sort: "phase", dir: "desc" })).toBe("q=a&sort=phase&dir=desc");
  });

  it("keeps the page when only the page changes, and drops page=1", () => {
    expect(applyListChanges("q=a", pageChange(2), false)).toBe("q=a&page=2");
    expect(applyListChanges("q=a&page=2", pageChange(1), false)).toBe("q=a");
  });
});

describe("sorting state", () => {
  it("is one column, descending when the URL says so", () => {
    expect(toSorting({ sort: "phase", dir: "desc" })).toEqual([{ id: "phase", desc: true }]);
    expect(toSorting({ sort: "name", dir: "asc" })).toEqual([{ id: "name", desc: false }]);
  });

  it("maps back to sort and dir, and ignores a column that is not a sort", () => {
    expect(sortChange(list, [{ id: "createdAt", desc: true }])).toEqual({ sort: "createdAt", dir: "desc" });
    expect(sortChange(list, [{ id: "model", desc: false }])).toBeNull();
    expect(sortChange(list, [])).toBeNull();
  });

  it("round-trips through the URL", () => {
    const change = sortChange(list, toSorting({ sort: "phase", dir: "desc" }));
    expect(read(applyListChanges("page=2", change ?? {}))).toMatchObject({ page: 1, sort: "phase", dir: "desc" });
  });
});

describe("toQueryInput and isFiltered", () => {
  it("sends the page size and only the filters that are set", () => {
    expect(toQueryInput(list, read("q=x&phase=Failed"))).toEqual({
      page: 1,
      pageSize: 50,
      sort: "name",
      dir: "asc",
      q: "x",
      phase: "Failed",
    });
  });

  it("calls a list filtered when search or any filter narrows it", () => {
    expect(isFiltered(read(""))).toBe(false);
    expect(isFiltered(read("sort=phase&page=2"))).toBe(false);
    expect(isFiltered(read("q=a"))).toBe(true);
    expect(isFiltered(read("actor=ops"))).toBe(true);
  });
});
