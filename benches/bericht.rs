//! `cargo bench`: how long the 2025 edition takes to build, per stage and as a
//! whole command (`build` and `check`, which sets the report too), next to
//! the plain `typst compile` on the sources that
//! `build --emit-typst` writes, in the edition's layout (1.1) and in layout
//! 2026. Budgets: at most 1.5 s for the whole build, at most 5 % more than
//! `typst compile`, `check` at most 0.5 s.
//!
//! The `typst` binary is taken from `$TYPST`, else from `PATH`; without one,
//! the comparison is skipped with a note. Runs: `$BENCH_LAEUFE` (default 7).
//!
//! `watch`: one session on a copy of the project, rebuilt after a
//! one-paragraph edit of a chapter (budget 150 ms) and after a changed data
//! value (budget 250 ms), each from writing the file through the file
//! watcher's event and `watch`'s wait for the burst to end up to the written
//! preview, as an editor sees it.
//!
//! `lss lesen`: reading the 2025 questionnaire as a LimeSurvey structure,
//! which must grow with the file's size, not its square.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use kataster_report::load;
use kataster_report::model::Vokabular;
use kataster_report::projekt::Zielordner;
use kataster_report::sitzung::stufen;
use kataster_report::sitzung::{Sitzung, Ziel};
use kataster_report::umfrage::{fragebogen, lss};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:>8.1} ms", d.as_secs_f64() * 1000.0)
}

fn typst_finden() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TYPST") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("typst"))
            .find(|p| p.is_file())
    })
}

fn laufen(n: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up: page cache, font parsing
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let wurzel = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let n: usize = std::env::var("BENCH_LAEUFE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let tmp = std::env::temp_dir().join(format!("kataster-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);

    let ziel = Ziel {
        erzwingen: true,
        ..Ziel::neu(Zielordner::fuer_ausgabe(&wurzel, &tmp.join("dist")).expect("Zielordner"))
    };
    // In-process, stage by stage.
    let mut stufen: Vec<Vec<(&'static str, Duration)>> = Vec::new();
    let im_prozess = laufen(n, || {
        // Typst memoises across compilations in one process (comemo); clear
        // the cache so that each run measures a cold build, as the CLI does.
        comemo::evict(0);
        let mut s = Sitzung::oeffnen(&wurzel, Some("2025")).expect("Ausgabe 2025");
        s.bauen(&ziel).expect("Bau");
        stufen.push(s.zeiten.stufen.clone());
    });
    println!("kataster-report, Ausgabe 2025, Median aus {n} Läufen");
    let namen: Vec<&str> = stufen[0].iter().map(|s| s.0).collect();
    for (i, name) in namen.iter().enumerate() {
        let d = median(stufen.iter().map(|s| s[i].1).collect());
        println!("  {name:<24}{}", ms(d));
    }
    println!("  {:<24}{}", "Bau im Prozess", ms(im_prozess));

    // The whole command, as an editor runs it, next to `typst compile`: the
    // edition in its own layout (1.1) and in layout 2026, which the next
    // edition uses (a copy, as a version 1.2 would be).
    vergleichen(&wurzel, "2025-barrierefrei", &tmp.join("v1.1"), n);
    let kopie = tmp.join("layout-2026");
    als_layout_2026(&wurzel, &kopie);
    vergleichen(&kopie, "2026", &tmp.join("v1.2"), n);
    lss_messen(&wurzel, n);
    watch_messen(&wurzel, &tmp.join("watch"), n);
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Reading a LimeSurvey structure (`survey inspect`, `map`, `import`): the
/// questionnaire of 2025 as `.lss`.
fn lss_messen(wurzel: &Path, n: usize) {
    let vokabular: Vokabular = load::lade_datei(
        wurzel,
        Path::new("data/2025/vokabular.yaml"),
        &mut Default::default(),
        &mut Default::default(),
    )
    .expect("Vokabular 2025");
    let wahl = fragebogen::Wahl {
        vokabular: &vokabular,
        landkreise: vec!["Celle".into(), "Peine".into()],
    };
    let text = fragebogen::lss("Bench", &wahl);
    let d = laufen(n, || {
        lss::lesen(&text).expect("der Fragebogen liest sich");
    });
    let name = format!("lss lesen ({} KB)", text.len() / 1024);
    println!("  {name:<24}{}", ms(d));
}

fn kopieren(von: &Path, nach: &Path) {
    std::fs::create_dir_all(nach).expect("Ordner");
    for e in std::fs::read_dir(von).expect("lesbar").flatten() {
        let ziel = nach.join(e.file_name());
        if e.path().is_dir() {
            kopieren(&e.path(), &ziel);
        } else {
            std::fs::copy(e.path(), &ziel).expect("kopiert");
        }
    }
}

/// Rebuild times of a kept session after an edit, as `watch` runs them:
/// from the write, through the file watcher and the wait for the burst to
/// end (`beobachten::naechste_aenderung`), to the written preview.
fn watch_messen(wurzel: &Path, kopie: &Path, n: usize) {
    use kataster_report::sitzung::beobachten;
    use notify::{RecursiveMode, Watcher};
    for o in ["data/2025", "data/geo", "report", "fonts"] {
        kopieren(&wurzel.join(o), &kopie.join(o));
    }
    let kopie = &kopie.canonicalize().expect("Kopie");
    let mut s = Sitzung::oeffnen(kopie, Some("2025")).expect("Ausgabe 2025");
    let ziel = Ziel {
        erzwingen: true,
        vorschau: true,
        ..Ziel::neu(Zielordner::fuer_ausgabe(kopie, &kopie.join("dist")).expect("Zielordner"))
    };
    s.bauen(&ziel).expect("erster Bau");
    let (tx, rx) = std::sync::mpsc::channel();
    let mut beobachter = notify::recommended_watcher(tx).expect("Beobachter");
    for o in beobachten::ordner("2025") {
        let p = kopie.join(&o);
        if p.is_dir() {
            beobachter
                .watch(&p, RecursiveMode::Recursive)
                .expect("beobachtet");
        }
    }
    let naechste = || {
        beobachten::naechste_aenderung(&rx, beobachten::RUHE, kopie, "2025")
            .expect("Beobachter läuft")
            .expect("Ereignis")
    };
    let mut aendern = |relativ: &str, alt: &str, neu: &dyn Fn(usize) -> String| {
        let datei = kopie.join(relativ);
        let original = std::fs::read_to_string(&datei).expect("lesbar");
        assert!(original.contains(alt), "{alt:?} fehlt in {relativ}");
        let mut i = 0;
        let d = laufen(n, || {
            i += 1;
            std::fs::write(&datei, original.replacen(alt, &neu(i), 1)).expect("geschrieben");
            let pfade = naechste();
            s.geaendert(&pfade);
            s.bauen(&ziel).expect("Neubau");
        });
        std::fs::write(&datei, &original).expect("zurück");
        let pfade = naechste();
        s.geaendert(&pfade);
        let stufen: Vec<String> = s
            .zeiten
            .stufen
            .iter()
            .map(|(name, d)| format!("{name} {:.0}", d.as_secs_f64() * 1000.0))
            .collect();
        (d, stufen.join(", "))
    };
    let kapitel = aendern(
        "report/kapitel/2025/10-ausblick.typ.hbs",
        "= Ausblick <ausblick>\n",
        &|i| format!("= Ausblick <ausblick>\n\nEin neuer Absatz, Fassung {i}.\n"),
    );
    let daten = aendern(
        "data/2025/steckbriefe/celle.yaml",
        "  zeitraum: 01.05.2025",
        &|i| format!("  zeitraum: 0{}.05.2025", 1 + i % 9),
    );
    println!("watch (vom Speichern über den Dateibeobachter bis zur geschriebenen Vorschau):");
    println!(
        "  {:<24}{} (Budget ≤ 150 ms)",
        "Absatz im Kapitel",
        ms(kapitel.0)
    );
    println!("  {:<24}  zuletzt: {} ms", "", kapitel.1);
    println!(
        "  {:<24}{} (Budget ≤ 250 ms)",
        "Wert in den Daten",
        ms(daten.0)
    );
    println!("  {:<24}  zuletzt: {} ms", "", daten.1);
    drop(beobachter);
}

fn typst_compile(typst: &Path, quellen: &Path, layout: &str) {
    let s = Command::new(typst)
        .arg("compile")
        .arg("--root")
        .arg(quellen)
        .arg("--font-path")
        .arg(quellen.join("fonts"))
        .arg("--ignore-system-fonts")
        // Like for like: our build writes PDF/UA-1 too.
        .args(["--pdf-standard", "ua-1"])
        // The layout's row headers (pdf.header-cell).
        .args(["--features", "a11y-extras"])
        .arg(quellen.join(format!("report/layout/{layout}/bericht.typ")))
        .arg(quellen.join("bericht.pdf"))
        .output()
        .expect("typst startet");
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
}

/// `build` and `check` of the 2025 edition in `wurzel` (set with `layout`)
/// as commands, and `typst compile` on the sources `build --emit-typst`
/// writes, with their budgets.
fn vergleichen(wurzel: &Path, layout: &str, tmp: &Path, n: usize) {
    let exe = env!("CARGO_BIN_EXE_kataster-report");
    let befehl = |args: &[&str]| {
        let s = Command::new(exe)
            .arg("--projekt")
            .arg(wurzel)
            .args(args)
            .output()
            .expect("kataster-report startet");
        assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    };
    let ziel = tmp.join("dist");
    let ziel = ziel.to_str().expect("Pfad");
    println!("Layout {layout}:");
    let bau = laufen(n, || {
        befehl(&["build", "--edition", "2025", "--force", "--out", ziel])
    });
    println!(
        "  {:<24}{} (Budget ≤ 1500 ms)",
        "kataster-report build",
        ms(bau)
    );
    let pruefung = laufen(n, || befehl(&["check", "--edition", "2025"]));
    println!(
        "  {:<24}{} (Budget ≤ 500 ms)",
        "kataster-report check",
        ms(pruefung)
    );
    let quellen = tmp.join("typst");
    let mut sitzung = Sitzung::oeffnen(wurzel, Some("2025")).expect("Ausgabe 2025");
    let v = sitzung.vorbereiten().expect("vorbereiten");
    let ordner = Zielordner::fuer_ausgabe(wurzel, &quellen).expect("Zielordner");
    stufen::typst_quellen_schreiben(wurzel, &v, &ordner).expect("Quellen schreiben");
    match typst_finden() {
        Some(typst) => {
            let referenz = laufen(n, || typst_compile(&typst, &quellen, layout));
            println!("  {:<24}{}", "typst compile", ms(referenz));
            println!(
                "  Verhältnis build / typst compile: {:.2} (Budget ≤ 1,05)",
                bau.as_secs_f64() / referenz.as_secs_f64()
            );
        }
        None => println!(
            "  typst compile: keine typst-Binärdatei gefunden ($TYPST oder PATH); Vergleich \
             übersprungen. Quellen liegen in {}",
            quellen.display()
        ),
    }
}

/// A copy of the project (data, report, fonts) whose 2025 edition is set
/// with layout 2026 as version 1.2.
fn als_layout_2026(wurzel: &Path, kopie: &Path) {
    for teil in ["data/2025", "data/geo", "report", "fonts"] {
        kopieren(&wurzel.join(teil), &kopie.join(teil));
    }
    let datei = kopie.join("data/2025/edition.yaml");
    let text = std::fs::read_to_string(&datei).expect("edition.yaml");
    let neu = text
        .replace("layout: \"2025-barrierefrei\"", "layout: \"2026\"")
        .replace("version: \"1.1\"", "version: \"1.2\"");
    assert_ne!(
        text, neu,
        "edition.yaml nennt Layout und Version nicht mehr so"
    );
    std::fs::write(&datei, neu).expect("edition.yaml schreiben");
}
