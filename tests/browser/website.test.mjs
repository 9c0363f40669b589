// Ende-zu-Ende-Test der Website (kataster-report site) in Chromium.
//
// Aufruf (siehe README, „Die Website“):
//   cargo run -- site --edition 2025 --out /tmp/website
//   WEBSITE=/tmp/website npm test --prefix tests/browser
// Mit BILDER=/ordner legt der Test von jeder Seitenart ein Bildschirmfoto ab.
// Die Website der Ausgabe 2025 allein wird außerdem mit den Referenzbildern in
// tests/fixtures/website-bilder/ verglichen; eine gewollte Änderung schreibt sie
// mit BILDER_AKTUALISIEREN=1 neu.
//
// Die Website wird von einem kleinen Server auf 127.0.0.1 ausgeliefert (wie
// von jedem Webserver); jede Anfrage des Browsers wird mitgeschrieben.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const ORDNER = process.env.WEBSITE;
const BILDER = process.env.BILDER;
const AXE = require.resolve("axe-core/axe.min.js");
const REFERENZEN = new URL("../fixtures/website-bilder/", import.meta.url).pathname;

const ARTEN = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

let server;
let basis;
let browser;
let daten;
// The older editions of a site with several (their folders), if any.
let aeltere = [];
// The pages a public body owes its readers that the site has.
let pflicht = [];
const anfragen = [];
const fehler = [];

before(async () => {
  assert.ok(ORDNER, "WEBSITE muss den Ordner der gebauten Website nennen");
  daten = JSON.parse(await fs.readFile(path.join(ORDNER, "daten/projekte.json"), "utf8"));
  try {
    const alle = JSON.parse(
      await fs.readFile(path.join(ORDNER, "daten/projekte-alle-ausgaben.json"), "utf8"),
    );
    aeltere = alle.ausgaben.slice(0, -1);
  } catch {
    aeltere = [];
  }
  pflicht = [];
  for (const seite of ["leichte-sprache.html", "barrierefreiheit.html", "impressum.html", "datenschutz.html"]) {
    try {
      await fs.access(path.join(ORDNER, seite));
      pflicht.push(seite);
    } catch {
      // not written: its data are missing (site says so)
    }
  }
  server = http.createServer(async (req, res) => {
    const pfad = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const datei = path.join(ORDNER, pfad.endsWith("/") ? pfad + "index.html" : pfad);
    if (!datei.startsWith(path.resolve(ORDNER))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const inhalt = await fs.readFile(datei);
      res.writeHead(200, { "content-type": ARTEN[path.extname(datei)] || "application/octet-stream" });
      res.end(inhalt);
    } catch {
      res.writeHead(404).end("nicht gefunden");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  basis = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page of the website, its requests and console errors recorded. */
async function oeffnen(adresse, optionen = {}) {
  const kontext = await browser.newContext({ locale: "de-DE", ...optionen });
  const seite = await kontext.newPage();
  seite.on("request", (r) => anfragen.push(r.url()));
  seite.on("response", (r) => {
    if (r.status() >= 400) {
      fehler.push(`${adresse}: ${r.status()} für ${r.url()}`);
    }
  });
  seite.on("console", (m) => {
    if (m.type() === "error") {
      fehler.push(`${adresse}: ${m.text()}`);
    }
  });
  const antwort = await seite.goto(basis + adresse);
  assert.equal(antwort.status(), 200, adresse);
  return { kontext, seite };
}

const SEITEN = () => [
  "index.html",
  "projekte.html",
  `projekt/${daten.projekte[0].id}.html`,
  "landkreis/celle.html",
  "produkt/scriba.html",
  "daten.html",
  // The report as HTML: its contents, a chapter with the map, Tabelle 1 and
  // the charts, the fact sheets, the evidence of the numbers.
  "bericht/index.html",
  "bericht/kapitel-4.html",
  "bericht/kapitel-5.html",
  "bericht/nachweis.html",
  ...pflicht,
  // Each older edition's start page and a project page (with its history).
  ...aeltere.flatMap((a) => [
    `${a.ausgabe}/index.html`,
    `${a.ausgabe}/projekt/${a.projekte[0].id}.html`,
  ]),
];

test("jede Seitenart besteht axe-core (WCAG 2.1 AA) ohne einen Verstoß", async () => {
  for (const adresse of SEITEN()) {
    // axe is injected as a script of its own: only this context lets it past
    // the site's Content-Security-Policy.
    const { kontext, seite } = await oeffnen(adresse, { bypassCSP: true });
    await seite.addScriptTag({ path: AXE });
    const ergebnis = await seite.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      }));
    const verstoesse = ergebnis.violations.map((v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
    assert.deepEqual(verstoesse, [], `${adresse}`);
    assert.ok(ergebnis.passes.length > 10, `${adresse}: axe hat geprüft`);
    if (BILDER) {
      const name = adresse.replace(/[/.]/g, "-");
      await seite.screenshot({ path: path.join(BILDER, `${name}.png`), fullPage: true });
    }
    await kontext.close();
  }
});

test("jede Seitenart passt auf 320, 390 und 1280 px Breite, ohne seitlich zu scrollen (WCAG 1.4.10)", async () => {
  for (const weite of [320, 390, 1280]) {
    for (const adresse of SEITEN()) {
      const { kontext, seite } = await oeffnen(adresse, { viewport: { width: weite, height: 844 } });
      const breite = await seite.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(breite <= weite, `${adresse} bei ${weite} px: ${breite} px breit`);
      await kontext.close();
    }
  }
});

/** The projects the table shows: their Landkreis cells. */
async function sichtbare(seite) {
  return seite.$$eval("#projekte tbody tr:not([hidden])", (z) =>
    z.map((r) => r.cells[0].textContent.trim()));
}

/** Presses Tab until the element with this id has the focus. */
async function tabBis(seite, id) {
  for (let i = 0; i < 60; i += 1) {
    await seite.keyboard.press("Tab");
    if (await seite.evaluate((x) => document.activeElement?.id === x, id)) {
      return;
    }
  }
  assert.fail(`#${id} ist mit der Tabulatortaste nicht erreichbar`);
}

test("die Projektliste filtert allein mit der Tastatur", async () => {
  const { kontext, seite } = await oeffnen("projekte.html");
  assert.equal((await sichtbare(seite)).length, daten.projekte.length);
  // Landkreis: the first choice after "alle" is the first Landkreis of Tabelle 1.
  await tabBis(seite, "f-landkreis");
  await seite.keyboard.press("ArrowDown");
  const landkreis = await seite.$eval("#f-landkreis", (s) => s.value);
  const erwartet = daten.projekte.filter((p) => p.landkreis === landkreis);
  assert.ok(erwartet.length > 0, landkreis);
  assert.deepEqual(await sichtbare(seite), erwartet.map((p) => p.projektname));
  const status = await seite.$eval("#treffer", (t) => t.textContent);
  assert.equal(status, `${erwartet.length} von ${daten.projekte.length} Projekten passen zu den Filtern.`);
  // And a word of the text: only those of the Landkreis that contain it.
  await tabBis(seite, "f-suche");
  const wort = erwartet[0].projektname.split(/\s+/)[0];
  await seite.keyboard.type(wort);
  const mitWort = erwartet.filter((p) => JSON.stringify(p).toLowerCase().includes(wort.toLowerCase()));
  const gezeigt = await sichtbare(seite);
  assert.ok(gezeigt.includes(erwartet[0].projektname), `${wort}: ${gezeigt}`);
  assert.ok(gezeigt.length <= mitWort.length, `${wort}: ${gezeigt}`);
  // Umlauts typed as "ue": the same projects as with "ü".
  await seite.selectOption("#f-landkreis", "");
  await seite.fill("#f-suche", "Übersetzung");
  const mitUmlaut = await sichtbare(seite);
  assert.ok(mitUmlaut.length > 0, "Übersetzung");
  await seite.fill("#f-suche", "uebersetzung");
  assert.deepEqual(await sichtbare(seite), mitUmlaut);
  // Nothing found: a sentence instead of an empty table.
  await seite.fill("#f-suche", "kein-solches-wort-xyz");
  assert.equal(await seite.$eval("#treffer", (t) => t.textContent), "Kein Projekt passt zu den Filtern.");
  assert.equal(await seite.$eval("#projekte", (t) => t.hidden), true);
  // Reset by keyboard: every project again.
  await tabBis(seite, "f-zuruecksetzen");
  await seite.keyboard.press("Enter");
  await seite.waitForFunction((n) =>
    document.querySelectorAll("#projekte tbody tr:not([hidden])").length === n, daten.projekte.length);
  await kontext.close();
});

test("die gefilterte Liste steht in der Adresse und lässt sich teilen", async () => {
  const landkreis = daten.projekte[0].landkreis;
  const erwartet = daten.projekte.filter((p) => p.landkreis === landkreis);
  const { kontext, seite } = await oeffnen(`projekte.html?landkreis=${encodeURIComponent(landkreis)}`);
  assert.deepEqual(await sichtbare(seite), erwartet.map((p) => p.projektname));
  assert.equal(await seite.$eval("#f-landkreis", (s) => s.value), landkreis);
  await seite.fill("#f-suche", "Chat");
  const adresse = new URL(await seite.evaluate(() => location.href));
  assert.equal(adresse.searchParams.get("landkreis"), landkreis);
  assert.equal(adresse.searchParams.get("suche"), "Chat");
  await kontext.close();
});

test("ohne JavaScript steht jedes Projekt in der Liste", async () => {
  const { kontext, seite } = await oeffnen("projekte.html", { javaScriptEnabled: false });
  assert.equal((await sichtbare(seite)).length, daten.projekte.length);
  assert.equal(await seite.$eval("#filter", (f) => f.hidden), true);
  await kontext.close();
});

test("keine Anfrage verlässt den Ordner der Website, keine Fehler in der Konsole", async () => {
  for (const adresse of SEITEN()) {
    const { kontext } = await oeffnen(adresse);
    await kontext.close();
  }
  const fremd = anfragen.filter((a) => !a.startsWith(basis));
  assert.deepEqual(fremd, []);
  assert.ok(anfragen.some((a) => a.endsWith("schriften/Inter-Regular.otf")), "Schrift geladen");
  assert.deepEqual(fehler, []);
});

// Reference images, as for the PDF's pages (tests/suite/seitenbilder.rs): the
// first screen of a page at a given width, halved, and the same tolerance: a
// pixel differs when a channel differs by more than 40, a page matches when at
// most 0.4 % of its pixels differ.
const BILDSEITEN = [
  ["index.html", 1280],
  ["projekte.html", 390],
  ["projekt/celle-chat-voicebot.html", 390],
  ["landkreis/celle.html", 1280],
  ["daten.html", 320],
  ["bericht/kapitel-4.html", 390],
  ["bericht/nachweis.html", 1280],
];
const KANAL = 40;
const ANTEIL = 0.004;

/** The first screen of `adresse` at `weite` px, halved, as a PNG data URL
 * (scaled on `leinwand`, a blank page without the site's CSP). */
async function bildschirm(leinwand, adresse, weite) {
  const { kontext, seite } = await oeffnen(adresse, {
    viewport: { width: weite, height: 800 }, deviceScaleFactor: 1,
  });
  await seite.evaluate(() => document.fonts.ready);
  const foto = await seite.screenshot({ animations: "disabled", caret: "hide" });
  await kontext.close();
  return leinwand.evaluate(async (quelle) => {
    const img = new Image();
    img.src = quelle;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width / 2;
    c.height = img.height / 2;
    c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
    return c.toDataURL("image/png");
  }, `data:image/png;base64,${foto.toString("base64")}`);
}

/** The share of pixels in which two PNG data URLs differ (1 if their sizes do). */
async function abweichung(seite, a, b) {
  return seite.evaluate(async ([a, b, kanal]) => {
    const pixel = async (quelle) => {
      const img = new Image();
      img.src = quelle;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext("2d", { willReadFrequently: true });
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const [x, y] = [await pixel(a), await pixel(b)];
    if (x.width !== y.width || x.height !== y.height) {
      return 1;
    }
    let anders = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      for (let k = 0; k < 3; k += 1) {
        if (Math.abs(x.data[i + k] - y.data[i + k]) > kanal) {
          anders += 1;
          break;
        }
      }
    }
    return anders / (x.width * x.height);
  }, [a, b, KANAL]);
}

const referenzName = (adresse, weite) => `${adresse.replace(/\.html$/, "").replace(/\//g, "-")}-${weite}.png`;

test("die Seiten sehen aus wie ihre Referenzbilder (Website der Ausgabe 2025)", async (t) => {
  if (daten.ausgabe !== "2025" || aeltere.length > 0) {
    t.skip("Referenzbilder gibt es nur für die Website der Ausgabe 2025 allein");
    return;
  }
  const kontext = await browser.newContext();
  const seite = await kontext.newPage();
  const neu = {};
  for (const [adresse, weite] of BILDSEITEN) {
    neu[referenzName(adresse, weite)] = await bildschirm(seite, adresse, weite);
  }
  if (process.env.BILDER_AKTUALISIEREN) {
    await fs.mkdir(REFERENZEN, { recursive: true });
    for (const [name, bild] of Object.entries(neu)) {
      await fs.writeFile(path.join(REFERENZEN, name), Buffer.from(bild.split(",")[1], "base64"));
    }
  }
  const referenz = async (name) =>
    `data:image/png;base64,${(await fs.readFile(path.join(REFERENZEN, name))).toString("base64")}`;
  const abweichend = [];
  for (const [name, bild] of Object.entries(neu)) {
    const anteil = await abweichung(seite, bild, await referenz(name));
    if (anteil > ANTEIL) {
      const ablage = path.join(BILDER || "/tmp", `neu-${name}`);
      await fs.writeFile(ablage, Buffer.from(bild.split(",")[1], "base64"));
      abweichend.push(`${name}: ${(anteil * 100).toFixed(2)} % der Pixel anders (neues Bild: ${ablage})`);
    }
  }
  // The comparison sees a change: another page at the same width differs.
  const fremd = await abweichung(seite, neu["index-1280.png"], await referenz("bericht-nachweis-1280.png"));
  assert.ok(fremd > ANTEIL, `Startseite gegen Nachweis: nur ${fremd}`);
  await kontext.close();
  assert.deepEqual(abweichend, [], "geänderte Seiten; gewollt? BILDER_AKTUALISIEREN=1 schreibt die Referenzen neu");
});
