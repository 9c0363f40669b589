// Filter und Suche der Projektliste (kataster-report site). Ohne JavaScript
// steht jedes Projekt in der Tabelle; mit JavaScript erscheinen die Filter,
// und die Tabelle zeigt nur, was zu allen gewählten Filtern passt. Die Zahl
// der Treffer wird Screenreadern angesagt (role="status").
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filter");
  const tabelle = document.getElementById("projekte");
  const treffer = document.getElementById("treffer");
  if (!form || !tabelle || !treffer) {
    return;
  }
  const zeilen = Array.from(tabelle.tBodies[0].rows);
  const auswahl = Array.from(form.querySelectorAll("select[data-feld]"));
  const suche = document.getElementById("f-suche");

  // Umlauts as editors type them without a German keyboard: "ue" finds
  // "ü", "Uebersetzung" "Übersetzung"; case and accents do not count.
  const falten = (text) => text
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const texte = new Map(zeilen.map((z) => [z, falten(z.dataset.text || "")]));

  const passt = (zeile) => {
    for (const s of auswahl) {
      if (s.value === "") {
        continue;
      }
      const werte = (zeile.dataset[s.dataset.feld] || "").split("|");
      if (!werte.includes(s.value)) {
        return false;
      }
    }
    const worte = falten(suche.value).split(/\s+/).filter((w) => w !== "");
    return worte.every((w) => texte.get(zeile).includes(w));
  };

  const anwenden = () => {
    let n = 0;
    for (const z of zeilen) {
      const sichtbar = passt(z);
      z.hidden = !sichtbar;
      if (sichtbar) {
        n += 1;
      }
    }
    // No empty table under its header: the sentence says it.
    tabelle.hidden = n === 0;
    treffer.textContent = n === zeilen.length
      ? `${n} Projekte.`
      : n === 0
        ? "Kein Projekt passt zu den Filtern."
        : `${n} von ${zeilen.length} Projekten passen zu den Filtern.`;
  };

  // The filters live in the address (?landkreis=Celle&suche=Chat), so that
  // a filtered list can be bookmarked and shared.
  const merken = () => {
    const p = new URLSearchParams();
    for (const s of auswahl) {
      if (s.value !== "") {
        p.set(s.dataset.feld, s.value);
      }
    }
    if (suche.value !== "") {
      p.set("suche", suche.value);
    }
    const q = p.toString();
    history.replaceState(null, "", q === "" ? location.pathname : `?${q}`);
  };
  const uebernehmen = () => {
    const p = new URLSearchParams(location.search);
    for (const s of auswahl) {
      const w = p.get(s.dataset.feld);
      if (w !== null && Array.from(s.options).some((o) => o.value === w)) {
        s.value = w;
      }
    }
    suche.value = p.get("suche") || "";
  };
  const neu = () => {
    anwenden();
    merken();
  };

  form.addEventListener("input", neu);
  form.addEventListener("change", neu);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(neu, 0));
  form.hidden = false;
  uebernehmen();
  anwenden();
});
