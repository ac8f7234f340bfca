import { describe, expect, it } from "vitest";
import { csrfProblem } from "./csrf";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/trpc/cloud.create", {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
  });

describe("csrfProblem", () => {
  it("accepts same-origin JSON posts and any GET", () => {
    expect(csrfProblem(post({ origin: "http://localhost:3000", "content-type": "application/json" }))).toBeNull();
    expect(csrfProblem(new Request("http://localhost:3000/api/trpc/cloud.list"))).toBeNull();
  });
  it("refuses another origin, a missing origin and form posts", () => {
    expect(csrfProblem(post({ origin: "http://evil.example", "content-type": "application/json" }))).toMatch(
      /not accepted/,
    );
    expect(csrfProblem(post({ "content-type": "application/json" }))).toMatch(/no Origin/);
    expect(
      csrfProblem(post({ origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" })),
    ).toMatch(/application\/json/);
    expect(csrfProblem(post({ origin: "http://localhost:3000", "content-type": "text/plain" }))).toMatch(
      /application\/json/,
    );
  });
  it("accepts a configured public origin", () => {
    expect(
      csrfProblem(post({ origin: "https://tern.example.com", "content-type": "application/json" }), [
        "https://tern.example.com",
      ]),
    ).toBeNull();
  });
});
