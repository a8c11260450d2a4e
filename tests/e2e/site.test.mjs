// A site, not a pile of pages: the project's four real articles (the seed, the joint statement
// and two White House readouts), which share actors, built with the project's own command. One
// actor page lists the three that name Putin; the merged timeline gives the 19 June 2024 signing
// and the September 2023 summit once each, with every report; each article page leads home and
// to its related articles;
// the search finds an article, an actor and a quote, with a one-letter typo, over HTTP and from
// file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launch, startServer, openPage, marginalia, DESKTOP } from "./helpers.mjs";

let browser, tmp, site;
before(async () => {
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), "marginalia-site-"));
  cpSync("content", join(tmp, "content"), { recursive: true });
  marginalia(["build", "--viewer", "target/viewer", join(tmp, "content"), join(tmp, "site")]);
  site = await startServer({ dir: join(tmp, "site") });
});
after(async () => {
  await browser?.close();
  site?.server.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function staticPage(url, viewport = DESKTOP) {
  const page = await browser.newPage({ viewport });
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  await page.goto(url);
  return page;
}

test("one actor page lists every article that names the actor, with its sentence, quotes and roles", async () => {
  const page = await staticPage(`${site.url}actors/putin/index.html`);
  assert.equal(await page.textContent("h1"), "Vladimir Putin");
  const articles = await page.$$eval("main section:nth-of-type(2) ol > li > a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(articles, [
    "../../nsa-trilateral-call-2023/index.html#actor=putin",
    "../../putin-kim-pact/index.html#actor=putin",
    "../../us-rok-japan-joint-statement/index.html#actor=putin",
  ]);
  assert.match(await page.textContent("main"), /Mentioned in 3 articles/);
  assert.match(await page.textContent("main"), /Putin’s June 19 visit to Pyongyang/);
  // The site's own file gives its Wikidata item: linked, and its JSON-LD's sameAs.
  assert.equal(await page.getAttribute("a[href^='https://www.wikidata.org/']", "href"), "https://www.wikidata.org/wiki/Q7747");
  const ld = JSON.parse(await page.textContent("script[type='application/ld+json']"));
  assert.equal(ld["@type"], "Person");
  assert.equal(ld.sameAs, "https://www.wikidata.org/wiki/Q7747");
  assert.equal(ld.subjectOf.length, 3);
  const quote = await page.getAttribute("a[href*='#quote=']", "href");
  assert.match(quote, /^\.\.\/\.\.\/putin-kim-pact\/index\.html#quote=/);
  // Its quote link opens the article on that quote.
  await page.click("a[href*='#quote=']");
  await page.waitForSelector(".quote-item--selected", { timeout: 15000 });
  assert.deepEqual(page.errors, []);
  await page.close();

  const index = await staticPage(`${site.url}actors/index.html`);
  assert.match(await index.textContent("main"), /Vladimir Putin\s*in 3 articles/);
  await index.close();
});

test("the merged timeline gives the 19 June 2024 signing and the 2023 summit once, with every article's report", async () => {
  const page = await staticPage(`${site.url}timeline/index.html`);
  const entries = await page.$$eval(".site-page__timeline > li", (lis) =>
    lis.map((li) => ({ date: li.querySelector("time").getAttribute("datetime"), reports: li.querySelectorAll(".site-page__reports li").length, text: li.textContent })),
  );
  const signing = entries.filter((e) => e.date === "2024-06-19" && /Putin and Kim sign/.test(e.text));
  assert.equal(signing.length, 1, JSON.stringify(signing));
  assert.equal(signing[0].reports, 2);
  // The FT's “in September” (its day from the record) and the readout's “recent summit meeting”.
  const summit = entries.filter((e) => e.date === "2023-09-13");
  assert.equal(summit.length, 1, JSON.stringify(summit));
  assert.equal(summit[0].reports, 2);
  assert.match(summit[0].text, /Readout of National Security Advisor Jake Sullivan’s Call/);
  assert.match(summit[0].text, /Japan and South Korea sound alarm/);
  assert.deepEqual(entries.map((e) => e.date), [...entries.map((e) => e.date)].sort());
  await page.close();
});

test("an article page leads home and to its related articles, never itself", async () => {
  const page = await openPage(browser, `${site.url}putin-kim-pact/`);
  const related = await page.$$eval(".site-nav__related:not(.site-nav__actors) a", (as) => as.map((a) => a.getAttribute("href")));
  assert.equal(await page.getAttribute(".site-nav a[href$='#search']", "href"), "../index.html#search");
  assert.equal(await page.$("script[src$='search.js']"), null, "an article's first load has no search script");
  // Its actors, each linked to its page, with how often here and in how many articles.
  const putin = await page.$eval("#actors-heading + ul a[href$='actors/putin/index.html']", (a) => a.parentElement.textContent);
  assert.match(putin, /^Vladimir Putin 7 here · in 3 articles$/);
  assert.deepEqual(related, ["../us-rok-japan-joint-statement/index.html", "../nsa-trilateral-call-2023/index.html", "../nsa-call-chang-hojin-2024/index.html"]);
  await page.click(".site-nav__home");
  await page.waitForSelector(".contents__headline");
  assert.equal(await page.$$eval(".contents__headline", (h) => h.length), 4);
  await page.close();
});

test("an actor's card and entry in an article link to its page across the site", async () => {
  const page = await openPage(browser, `${site.url}putin-kim-pact/#actor=putin`);
  // The entry, in the Actors panel: this article's count, and the site's.
  const line = await page.textContent(".actor--selected .actor__site-line");
  assert.match(line, /^Mentioned 7 times here · in 3 articles$/);
  const link = ".actor--selected .actor__site";
  assert.equal(await page.getAttribute(link, "aria-label"), "Vladimir Putin across the site: in 3 articles");
  // The card, pinned from a mention: the same link, which leads to the actor's page.
  await page.focus("#mention-kim-0");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#mention-card.card--pinned .actor__site");
  assert.match(await page.textContent("#mention-card .card__meta"), /^Mentioned 7 times here · in 2 articles$/);
  await page.click("#mention-card .actor__site");
  await page.waitForURL(/actors\/kim\/index\.html$/);
  assert.equal(await page.textContent("h1"), "Kim Jong Un");
  assert.deepEqual(page.errors, []);
  await page.close();
});

async function searchFor(page, text) {
  await page.fill("#site-search-input", text);
  await page.waitForFunction((asked) => document.querySelector(".site-search")?.dataset.answered === asked, text);
  return page.$$eval(".site-search__results li", (lis) => lis.map((li) => li.textContent));
}

for (const where of ["http", "file"]) {
  test(`search finds an article, an actor and a quote, with a one-letter typo (${where})`, async () => {
    const url = where === "http" ? site.url : pathToFileURL(join(tmp, "site", "index.html")).href;
    const page = await staticPage(url);
    const article = await searchFor(page, "joint statement");
    assert.ok(article.some((r) => r.startsWith("Joint Statement by Senior Officials") && r.includes("Article")), JSON.stringify(article));
    const actor = await searchFor(page, "Putin");
    assert.ok(actor.some((r) => r.startsWith("Vladimir Putin") && r.includes("Actor")), JSON.stringify(actor));
    const quote = await searchFor(page, "sacred fight");
    assert.ok(quote.some((r) => r.startsWith("“sacred fight”") && r.includes("Quote")), JSON.stringify(quote));
    for (const typo of ["Ptuin", "Putim", "Puttin", "Ptin"]) {
      const found = await searchFor(page, typo);
      assert.ok(found.some((r) => r.startsWith("Vladimir Putin")), `${typo}: ${JSON.stringify(found)}`);
    }
    const none = await searchFor(page, "zzzzzz");
    assert.deepEqual(none, []);
    // The result is a link that works from here.
    await searchFor(page, "Putin");
    await page.click(".site-search__results a[href*='actors/putin']");
    await page.waitForSelector("h1");
    assert.equal(await page.textContent("h1"), "Vladimir Putin");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
