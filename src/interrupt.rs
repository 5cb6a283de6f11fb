//! Ctrl-C handling. Commands that can stop cleanly between batches opt in with
//! [`allow_graceful_stop`]; they then see [`requested`] turn true and finish the current batch.
//! Everywhere else the first Ctrl-C exits at once with 130: the open transaction, if any, dies
//! with the connection and PostgreSQL rolls it back, so nothing is left half-done.

use std::sync::atomic::{AtomicBool, Ordering};

static GRACEFUL: AtomicBool = AtomicBool::new(false);
static REQUESTED: AtomicBool = AtomicBool::new(false);
/// A prompt is waiting on the terminal (its line is unfinished, the cursor may be hidden).
static PROMPTING: AtomicBool = AtomicBool::new(false);
/// Someone has taken on reporting a Ctrl-C at a prompt: the handler or the prompt's own error
/// path, whichever came first. The prompt library sees the Ctrl-C key and also raises SIGINT,
/// so both hear of the same key; exactly one must say it and end the process.
static PROMPT_CTRL_C_CLAIMED: AtomicBool = AtomicBool::new(false);

pub const EXIT_INTERRUPTED: i32 = 130;

pub fn install_handler() {
    // Failing to install a handler only loses graceful stopping; the default SIGINT still exits.
    let _ = ctrlc::set_handler(|| {
        if GRACEFUL.load(Ordering::SeqCst) && !REQUESTED.swap(true, Ordering::SeqCst) {
            return;
        }
        if PROMPT_CTRL_C_CLAIMED.swap(true, Ordering::SeqCst) {
            // The prompt's error path is reporting this Ctrl-C and exits 130 itself; exiting here
            // could cut its message off.
            return;
        }
        if PROMPTING.load(Ordering::SeqCst) {
            // End the question's line, show the cursor again, and say what happened.
            use std::io::Write;
            let mut err = std::io::stderr().lock();
            let _ = err
                .write_all(b"\x1b[?25h\nerror: interrupted: at the prompt; nothing was changed\n");
            let _ = err.flush();
        }
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Marks a prompt as waiting (Ctrl-C then ends its line before exiting); the guard unmarks it.
pub fn prompting() -> PromptGuard {
    PROMPTING.store(true, Ordering::SeqCst);
    PromptGuard
}

pub struct PromptGuard;

impl Drop for PromptGuard {
    fn drop(&mut self) {
        PROMPTING.store(false, Ordering::SeqCst);
    }
}

/// Called by a prompt that read a Ctrl-C key. True: the caller reports it and exits 130. False:
/// the handler is already reporting it and ends the process; the caller must print nothing more.
pub fn claim_prompt_ctrl_c() -> bool {
    !PROMPT_CTRL_C_CLAIMED.swap(true, Ordering::SeqCst)
}

pub fn allow_graceful_stop() {
    GRACEFUL.store(true, Ordering::SeqCst);
}

pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
