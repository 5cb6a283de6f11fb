//! Ctrl-C handling. Commands that can stop cleanly between batches opt in with
//! [`allow_graceful_stop`]; they then see [`requested`] turn true and finish the current batch.
//! Everywhere else the first Ctrl-C exits at once with 130: the open transaction, if any, dies
//! with the connection and PostgreSQL rolls it back, so nothing is left half-done.

use std::sync::atomic::{AtomicBool, Ordering};

static GRACEFUL: AtomicBool = AtomicBool::new(false);
static REQUESTED: AtomicBool = AtomicBool::new(false);

pub const EXIT_INTERRUPTED: i32 = 130;

pub fn install_handler() {
    // Failing to install a handler only loses graceful stopping; the default SIGINT still exits.
    let _ = ctrlc::set_handler(|| {
        if GRACEFUL.load(Ordering::SeqCst) && !REQUESTED.swap(true, Ordering::SeqCst) {
            return;
        }
        std::process::exit(EXIT_INTERRUPTED);
    });
}

pub fn allow_graceful_stop() {
    GRACEFUL.store(true, Ordering::SeqCst);
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
