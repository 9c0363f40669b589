//! The budget of a compilation. Typst runs the code of a chapter as
//! written, so a loop without end or a string doubled forty times would run
//! until killed or take the machine's memory. The compilation runs on a
//! thread of its own while the caller watches the time and the memory the
//! program holds (its allocator counts, see `main.rs`); past either budget
//! the caller stops waiting and reports it in German.

use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::diagnostics::Meldung;

/// Time and memory one compilation may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub zeit: Duration,
    /// Memory the whole program may hold while Typst runs, in MB.
    pub speicher_mb: u64,
}

/// The environment variables that set the budget (seconds, MB).
pub const ZEIT_VARIABLE: &str = "KATASTER_REPORT_SATZZEIT";
pub const SPEICHER_VARIABLE: &str = "KATASTER_REPORT_SATZSPEICHER";

impl Default for Budget {
    /// 60 s and 4 GB: the 2025 edition takes about 1 s and 300 MB.
    fn default() -> Self {
        Budget {
            zeit: Duration::from_secs(60),
            speicher_mb: 4096,
        }
    }
}

fn zahl(name: &str) -> Result<Option<u64>, Meldung> {
    match std::env::var(name) {
        Err(_) => Ok(None),
        Ok(w) => match w.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(Some(n)),
            _ => Err(
                Meldung::neu(format!("{name}={w} ist keine ganze Zahl größer als 0")).hilfe(
                    format!(
                        "{ZEIT_VARIABLE} nennt Sekunden, {SPEICHER_VARIABLE} Megabyte, z. B. \
                 {ZEIT_VARIABLE}=120."
                    ),
                ),
            ),
        },
    }
}

impl Budget {
    /// The default, with what the environment variables set.
    pub fn aus_umgebung() -> Result<Budget, Meldung> {
        let mut b = Budget::default();
        if let Some(s) = zahl(ZEIT_VARIABLE)? {
            b.zeit = Duration::from_secs(s);
        }
        if let Some(mb) = zahl(SPEICHER_VARIABLE)? {
            b.speicher_mb = mb;
        }
        Ok(b)
    }
}

/// How the program measures the memory it holds (set by `main`; without it,
/// as in the library's own tests, only the time is watched).
static MESSER: OnceLock<fn() -> usize> = OnceLock::new();

pub fn speicher_messen(belegt: fn() -> usize) {
    let _ = MESSER.set(belegt);
}

/// Why a compilation was given up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ueberschritten {
    Zeit(Duration),
    Speicher(u64),
    /// The compilation's thread ended without a result (a panic, reported
    /// by the panic hook).
    Abgebrochen,
}

/// Set once a compilation went past the memory budget: its thread holds
/// that memory and goes on taking more, so a long-running command (`watch`)
/// ends.
static SPEICHER_VOLL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn speicher_ueberschritten() -> bool {
    SPEICHER_VOLL.load(std::sync::atomic::Ordering::Relaxed)
}

/// How often the caller looks at the clock and the memory.
const TAKT: Duration = Duration::from_millis(20);

/// Runs `arbeit` on a thread of its own within `budget`. Past the budget the
/// thread is left to itself (it cannot be stopped from outside); a command
/// that ends then ends it too.
pub fn ausfuehren<T: Send + 'static>(
    budget: Budget,
    arbeit: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Ueberschritten> {
    let (senden, empfangen) = mpsc::channel();
    let start = Instant::now();
    // Typst recurses deeply on big documents; the main thread's 8 MB are
    // what it is used to, a spawned thread gets far less unless asked.
    let gestartet = std::thread::Builder::new()
        .name("typst".into())
        .stack_size(256 << 20)
        .spawn(move || {
            let _ = senden.send(arbeit());
        });
    if gestartet.is_err() {
        return Err(Ueberschritten::Abgebrochen);
    }
    let grenze = usize::try_from(budget.speicher_mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    loop {
        match empfangen.recv_timeout(TAKT) {
            Ok(t) => return Ok(t),
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(Ueberschritten::Abgebrochen),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if start.elapsed() > budget.zeit {
            return Err(Ueberschritten::Zeit(budget.zeit));
        }
        if MESSER.get().is_some_and(|belegt| belegt() > grenze) {
            SPEICHER_VOLL.store(true, std::sync::atomic::Ordering::Relaxed);
            return Err(Ueberschritten::Speicher(budget.speicher_mb));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arbeit_im_budget_und_darueber() {
        let b = Budget {
            zeit: Duration::from_millis(200),
            speicher_mb: 4096,
        };
        assert_eq!(ausfuehren(b, || 6 * 7), Ok(42));
        let lang = ausfuehren(b, || std::thread::sleep(Duration::from_secs(5)));
        assert_eq!(lang, Err(Ueberschritten::Zeit(Duration::from_millis(200))));
    }
}
