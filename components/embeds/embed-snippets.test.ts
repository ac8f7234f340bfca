import { describe, expect, it } from "vitest";
import { embedSnippets } from "./embed-snippets";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
const base = { origin: "https://tern.example.com/", embedPath: `/embed/${token}`, svgPath: `/api/embed/${token}/svg` };

describe("embed snippets", () => {
  it("point at the chart page and the image on Tern's origin", () => {
    const s = embedSnippets({ ...base, title: "credit-risk · p95 latency" });
    expect(s.pageUrl).toBe(`https://tern.example.com/embed/${token}`);
    expect(s.imageUrl).toBe(`https://tern.example.com/api/embed/${token}/svg`);
    expect(s.iframe).toBe(
      `<iframe src="https://tern.example.com/embed/${token}" title="credit-risk · p95 latency" width="800" height="324" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin"></iframe>`,
    );
    expect(s.markdown).toBe(`![credit-risk · p95 latency](https://tern.example.com/api/embed/${token}/svg)`);
    expect(s.html).toContain(
      `<img src="https://tern.example.com/api/embed/${token}/svg" alt="credit-risk · p95 latency"`,
    );
  });

  it("escape titles so a title cannot break out of the snippet", () => {
    const s = embedSnippets({ ...base, title: `"><script>x</script> [a](b) \\` });
    expect(s.iframe).toContain(`title="&quot;&gt;&lt;script&gt;x&lt;/script&gt; [a](b) \\"`);
    expect(s.html).not.toContain("<script");
    expect(s.markdown).toBe(`!["><script>x</script> \\[a\\](b) \\\\](https://tern.example.com/api/embed/${token}/svg)`);
  });
});
