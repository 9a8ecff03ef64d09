// The errata sheets in a real browser: headless Chromium (Debian's /usr/bin/chromium, or
// $CHROMIUM) driven by playwright-core, over every page of out/report/. For each page:
// it loads from file:// with no console error and no network request; every formula is
// rendered (KaTeX markup present, no raw TeX such as \frac left in the visible text);
// every figure is loaded and has a non-zero size; every link resolves (a file that exists,
// an anchor that exists); a full-page screenshot is written to out/screenshots/.
//
//   node tools/browser_test.mjs              build the report first (≈ 10 s), then check
//   node tools/browser_test.mjs --no-build   check the pages already in out/report/
//
// Runs under Node (playwright drives the browser over a pipe; Deno and Bun are not its
// supported hosts). .ci/run calls it after installing Debian's chromium; without a browser
// it says so and exits 0 (skipped), so a machine without one still runs everything else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const reportDir = join(root, "out", "report");
const shotsDir = join(root, "out", "screenshots");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const PAGES = ["index", "s000", "s001", "s002", "s003", "s004", "appendix"];
const RAW_TEX = /\\(frac|sum|partial|begin|end|mathbf|left|right|sqrt|nabla|hat|cdot|times)\b|\$\$/;

if (!existsSync(executablePath)) {
  console.log(
    `browser_test: SKIPPED — no Chromium at ${executablePath} (install Debian's chromium, or set CHROMIUM)`,
  );
  process.exit(0);
}

if (!process.argv.includes("--no-build")) {
  const built = spawnSync(
    join(root, "tools", "runtimes", "node_modules", ".bin", "deno"),
    [
      "run",
      "--allow-read",
      "--allow-write=out",
      "tools/report.ts",
      "--format",
      "json",
      "--summary",
      "--out",
      "out/report/summary.json",
    ],
    { cwd: root, encoding: "utf8" },
  );
  if (built.status !== 0) {
    console.error(built.stdout, built.stderr);
    throw new Error(`the report failed (exit ${built.status})`);
  }
}

const { chromium } = await import("playwright-core");
const profile = mkdtempSync(join(tmpdir(), "nnref-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1200, height: 900 },
});
const network = [];
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith("file:")) return route.continue();
  network.push(url);
  return route.abort();
});
mkdirSync(shotsDir, { recursive: true });
/** The ids of each page visited, and the links to another page's anchor, checked at the end. */
const pageIds = new Map();
const crossLinks = [];

test.after(async () => {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

for (const name of PAGES) {
  test(`out/report/${name}.html`, async () => {
    const file = join(reportDir, `${name}.html`);
    assert.ok(existsSync(file), `${file} exists`);
    const page = await context.newPage();
    const errors = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);

    const facts = await page.evaluate((rawTex) => {
      const visible = [...document.body.querySelectorAll("*")]
        .filter((el) => !el.closest(".katex-mathml") && el.children.length === 0)
        .map((el) => el.textContent ?? "").join("\n");
      const images = [...document.images].map((img) => {
        const box = img.getBoundingClientRect();
        return {
          src: img.getAttribute("src"),
          ok: img.complete && img.naturalWidth > 0,
          w: box.width,
          h: box.height,
        };
      });
      const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
      const ids = new Set([...document.querySelectorAll("[id]")].map((el) => el.id));
      return {
        ids: [...ids],
        katex: document.querySelectorAll(".katex").length,
        failed: document.querySelectorAll(".tex-failed").length,
        raw: (visible.match(new RegExp(rawTex, "g")) ?? []).slice(0, 5),
        images,
        links,
        missingAnchors: links.filter((h) =>
          h.startsWith("#") && !ids.has(decodeURIComponent(h.slice(1)))
        ),
        katexFont: [...document.fonts].some((f) =>
          f.family.includes("KaTeX") && f.status === "loaded"
        ),
      };
    }, RAW_TEX.source);

    assert.deepEqual(errors, [], "no console error, no failed request");
    assert.deepEqual(network, [], "nothing fetched from the network");
    assert.equal(facts.failed, 0, "every formula rendered by KaTeX");
    assert.deepEqual(facts.raw, [], "no raw TeX left in the visible text");
    if (name.startsWith("s00")) {
      assert.ok(facts.katex > 0, "the sheet has rendered formulas");
      assert.ok(facts.katexFont, "KaTeX's fonts loaded from disk");
    }
    for (const image of facts.images) {
      assert.ok(image.ok && image.w > 0 && image.h > 0, `figure ${image.src} is visible`);
    }
    assert.deepEqual(facts.missingAnchors, [], "every anchor link has its target");
    for (const href of facts.links.filter((h) => !h.startsWith("#"))) {
      assert.ok(!/^[a-z]+:/i.test(href), `${href} is a local link`);
      const target = resolve(reportDir, decodeURIComponent(href.split("#")[0]));
      assert.ok(existsSync(target), `${href} resolves to an existing file`);
      if (href.includes("#")) crossLinks.push({ from: name, href });
    }
    pageIds.set(`${name}.html`, new Set(facts.ids));
    await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
    await page.close();
  });
}

test("every link to an anchor on another page finds it there", () => {
  const missing = crossLinks.filter(({ href }) => {
    const [file, anchor] = href.split("#");
    const ids = pageIds.get(file);
    return ids !== undefined && !ids.has(decodeURIComponent(anchor));
  });
  assert.ok(crossLinks.length > 0, "the sheets link across pages");
  assert.deepEqual(missing, []);
});
