import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

/** A stand-in wiki: one page on its own origin that frames the given URL. */
function startWiki(port: number, src: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(
      `<!doctype html><title>wiki</title><h1>Team wiki</h1><iframe id="chart" src="${src}" width="640" height="360"></iframe>`,
    );
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

test("an embedded chart renders in a wiki on an allowed origin and is refused on another", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ADMIN");
  await page.goto("/settings/embeds");
  await page.getByLabel("Allowed origins").fill("http://localhost:3199");
  await page.getByRole("button", { name: "Save origins" }).click();
  await expect(page.getByText("Allowed origins saved")).toBeVisible();

  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "sentiment", exact: true }).first().click();
  await page.getByRole("button", { name: "Embed chart" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Title" }).fill(unique("framed"));
  await dialog.getByRole("button", { name: "Create link" }).click();
  const snippet = (await page.getByRole("dialog").locator("pre").first().textContent()) ?? "";
  const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? "";
  expect(src).toContain("/embed/");

  const allowed = await startWiki(3199, src);
  const refused = await startWiki(3198, src);
  try {
    const reader = await browser.newContext();
    const wiki = await reader.newPage();
    await wiki.goto(`http://localhost:${(allowed.address() as AddressInfo).port}/`);
    await expect(wiki.frameLocator("#chart").locator("svg").first()).toBeVisible();

    const other = await reader.newPage();
    const blocked = other.waitForEvent("console", {
      predicate: (m) => /frame-ancestors|Refused to frame/i.test(m.text()),
      timeout: 15_000,
    });
    await other.goto(`http://localhost:${(refused.address() as AddressInfo).port}/`);
    await blocked;
    await expect(other.frameLocator("#chart").locator("svg")).toHaveCount(0);
    await reader.close();
  } finally {
    allowed.close();
    refused.close();
  }
});
