// Every locale has exactly English's keys, no empty message, the same ICU arguments, and formats.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { defaultLocale, locales, type Locale } from "./config";
import { messagesFor, namespaces } from "./messages";

/** Leaf messages by dotted path ("common.pageOf"); anything that is not an object is a leaf. */
function flatten(tree: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (tree !== null && typeof tree === "object" && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, tree);
  }
  return out;
}

function keyDiff(reference: unknown, other: unknown): { missing: string[]; extra: string[] } {
  const a = flatten(reference);
  const b = flatten(other);
  return {
    missing: [...a.keys()].filter((k) => !b.has(k)),
    extra: [...b.keys()].filter((k) => !a.has(k)),
  };
}

function emptyMessages(tree: unknown): string[] {
  return [...flatten(tree)].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
}

/** Argument names of an ICU message ("Page {page} of {pageCount}" → page, pageCount), plural branches included. */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const fail = (why: string) => new Error(`${why} at ${i} in ${JSON.stringify(message)}`);

  // Reads message text up to the "}" closing a branch (nested) or the end (top level).
  function text(nested: boolean): void {
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === "{" || next === "}" || next === "#") i = Math.max(message.indexOf("'", i + 1), i) + 1;
        else i += 1;
      } else if (c === "{") {
        i += 1;
        argument();
      } else if (c === "}") {
        if (!nested) throw fail("unmatched '}'");
        i += 1;
        return;
      } else {
        i += 1;
      }
    }
    if (nested) throw fail("unclosed '{'");
  }

  function token(): string {
    const start = i;
    while (i < message.length && !/[,{}\s]/.test(message[i] ?? "")) i += 1;
    return message.slice(start, i);
  }
  const spaces = () => {
    while (/\s/.test(message[i] ?? "")) i += 1;
  };

  function argument(): void {
    spaces();
    const name = token();
    if (!name) throw fail("empty argument");
    names.add(name);
    spaces();
    if (message[i] === "}") {
      i += 1;
      return;
    }
    if (message[i] !== ",") throw fail("expected ',' or '}'");
    i += 1;
    spaces();
    const type = token();
    spaces();
    if (type === "plural" || type === "select" || type === "selectordinal") {
      if (message[i] !== ",") throw fail(`expected ',' after ${type}`);
      i += 1;
      for (;;) {
        spaces();
        if (i >= message.length) throw fail("unclosed '{'");
        if (message[i] === "}") {
          i += 1;
          return;
        }
        if (!token()) throw fail("expected a branch selector");
        spaces();
        if (message[i] !== "{") throw fail("expected '{' to open a branch");
        i += 1;
        text(true);
      }
    }
    // number/date/time with an optional style: skip to the closing brace
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth += 1;
      if (message[i] === "}") depth -= 1;
      i += 1;
    }
    if (depth > 0) throw fail("unclosed '{'");
  }

  text(false);
  return [...names].sort();
}

const translations = locales.filter((l) => l !== defaultLocale);
const reference = messagesFor(defaultLocale);

describe("the checks themselves", () => {
  it("find missing and extra keys at any depth", () => {
    expect(keyDiff({ a: { b: "x", c: "y" } }, { a: { b: "x", d: "z" } })).toEqual({ missing: ["a.c"], extra: ["a.d"] });
  });
  it("find empty and non-string messages", () => {
    expect(emptyMessages({ a: " ", b: { c: "" }, d: "ok", e: 3 })).toEqual(["a", "b.c", "e"]);
  });
  it("read ICU arguments, including those inside plural branches", () => {
    expect(icuArguments("Page {page} of {pageCount}")).toEqual(["page", "pageCount"]);
    expect(icuArguments("{n, plural, one {# {item}} other {# items in {place}}}")).toEqual(["item", "n", "place"]);
    expect(icuArguments("It's '{literal}' at {t, time, short}")).toEqual(["t"]);
    expect(() => icuArguments("Page {page of")).toThrow();
    expect(() => icuArguments("{n, plural, one {#} other {#}")).toThrow(/unclosed/);
    expect(() => icuArguments("Page }")).toThrow(/unmatched/);
  });
});

describe("message catalogs", () => {
  it("cover at least the shared namespaces", () => {
    expect(namespaces).toEqual(expect.arrayContaining(["common", "nav", "shell"]));
  });

  it.each(translations)("%s has exactly the keys English has", (locale: Locale) => {
    expect(keyDiff(reference, messagesFor(locale))).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)("%s has no empty message", (locale: Locale) => {
    expect(emptyMessages(messagesFor(locale))).toEqual([]);
  });

  it.each(translations)("%s uses the same ICU arguments as English", (locale: Locale) => {
    const translated = flatten(messagesFor(locale));
    const mismatches = [...flatten(reference)].flatMap(([key, en]) => {
      const other = translated.get(key);
      if (typeof en !== "string" || typeof other !== "string") return [];
      const want = icuArguments(en).join(",");
      const got = icuArguments(other).join(",");
      return want === got ? [] : [`${key}: en {${want}} vs ${locale} {${got}}`];
    });
    expect(mismatches).toEqual([]);
  });

  it.each(locales)("every %s message formats without error", (locale: Locale) => {
    const errors: string[] = [];
    const t = createTranslator({ locale, messages: messagesFor(locale), onError: (e) => errors.push(e.message) });
    for (const [key, message] of flatten(messagesFor(locale))) {
      if (typeof message !== "string") continue;
      const values: Record<string, number | ((chunks: string) => string)> = {};
      for (const name of icuArguments(message)) values[name] = 2;
      for (const [, tag] of message.matchAll(/<([A-Za-z][\w-]*)>/g)) if (tag) values[tag] = (chunks) => chunks;
      // Keys come from the catalog at run time, so the typed key union cannot describe them.
      t.markup(key as never, values as never);
    }
    expect(errors).toEqual([]);
  });
});
