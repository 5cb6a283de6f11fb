//! The batch engine behind every bulk change (retry, cancel, discard, rescue, prune): select a
//! batch, apply it in its own short transaction, report it, repeat, up to `parallel` batches in
//! flight. It knows nothing about SQL: the caller passes the two steps as closures, so the
//! engine's stopping rules are unit-tested with fakes.
//!
//! Rules: batches are selected one after another on the calling thread (keyset order); each is
//! applied on a worker thread; results are reported on the calling thread in completion order. On
//! a stop request, a failed selection or a failed batch, no new batch starts and those in flight
//! finish (committed, or rolled back whole). What was reported before the failure stays reported,
//! so the caller can still summarise a run that ended early.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use crate::error::CliError;

/// How a run of batches ended.
#[derive(Debug)]
pub struct BatchRun {
    /// Batches applied and reported.
    pub batches: u64,
    /// Stopped because `stop` said so (Ctrl-C).
    pub interrupted: bool,
    /// The first error of a selection, a batch or the report step, if any: the run stopped there.
    pub failure: Option<CliError>,
}

/// Runs batches until `select` returns an empty batch, `stop` turns true, or something fails.
///
/// `select()` returns the next batch (empty: no more). `apply(batch)` changes it in one
/// transaction and returns its per-item results. `report(results)` receives them on this thread.
pub fn run_batches<B, R>(
    parallel: u32,
    mut select: impl FnMut() -> Result<Vec<B>, CliError>,
    apply: impl Fn(Vec<B>) -> Result<R, CliError> + Sync,
    mut report: impl FnMut(R) -> Result<(), CliError>,
    stop: &(dyn Fn() -> bool + Sync),
) -> BatchRun
where
    B: Send,
    R: Send,
{
    let parallel = parallel.max(1);
    let mut run = BatchRun {
        batches: 0,
        interrupted: false,
        failure: None,
    };
    std::thread::scope(|scope| {
        let (work_tx, work_rx) = mpsc::sync_channel::<Vec<B>>(parallel as usize);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = mpsc::channel::<Result<R, CliError>>();
        let apply = &apply;
        for _ in 0..parallel {
            let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(batch)) = next else { break };
                if done_tx.send(apply(batch)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);

        let (mut in_flight, mut exhausted) = (0u32, false);
        loop {
            while !exhausted && run.failure.is_none() && in_flight < parallel {
                if stop() {
                    run.interrupted = true;
                    exhausted = true;
                    break;
                }
                match select() {
                    Ok(batch) if batch.is_empty() => exhausted = true,
                    Ok(batch) => {
                        if work_tx.send(batch).is_err() {
                            exhausted = true;
                        } else {
                            in_flight += 1;
                        }
                    }
                    Err(err) => {
                        run.failure = Some(err);
                        exhausted = true;
                    }
                }
            }
            if in_flight == 0 {
                break;
            }
            match done_rx.recv() {
                Ok(Ok(results)) => {
                    in_flight -= 1;
                    run.batches += 1;
                    if let Err(err) = report(results) {
                        run.failure.get_or_insert(err);
                        exhausted = true;
                    }
                }
                Ok(Err(err)) => {
                    in_flight -= 1;
                    run.failure.get_or_insert(err);
                    exhausted = true;
                }
                Err(_) => break,
            }
            if stop() && !exhausted {
                run.interrupted = true;
                exhausted = true;
            }
        }
        drop(work_tx);
    });
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn batches_of(n: usize, size: usize) -> impl FnMut() -> Result<Vec<usize>, CliError> {
        let mut next = 0;
        move || {
            let batch: Vec<usize> = (next..(next + size).min(n)).collect();
            next += batch.len();
            Ok(batch)
        }
    }

    #[test]
    fn every_batch_is_applied_and_reported_once() {
        for parallel in [1, 2, 8] {
            let mut seen = Vec::new();
            let run = run_batches(
                parallel,
                batches_of(1000, 64),
                Ok,
                |r| {
                    seen.extend(r);
                    Ok(())
                },
                &|| false,
            );
            assert!(run.failure.is_none() && !run.interrupted);
            assert_eq!(run.batches, 16);
            seen.sort_unstable();
            assert_eq!(seen, (0..1000).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_stop_request_ends_after_the_batches_in_flight() {
        let applied = AtomicUsize::new(0);
        let mut reported = 0;
        let run = run_batches(
            2,
            batches_of(10_000, 10),
            |b| {
                applied.fetch_add(1, Ordering::SeqCst);
                Ok(b.len())
            },
            |n| {
                reported += n;
                Ok(())
            },
            &|| applied.load(Ordering::SeqCst) >= 3,
        );
        assert!(run.interrupted);
        assert!(run.failure.is_none());
        let applied = applied.load(Ordering::SeqCst);
        assert!(
            applied <= 4,
            "at most the batches in flight finish: {applied}"
        );
        assert_eq!(reported, applied * 10, "every applied batch is reported");
        assert_eq!(run.batches as usize, applied);
    }

    #[test]
    fn a_failed_batch_stops_the_run_and_keeps_what_was_reported() {
        let mut reported = 0;
        let run = run_batches(
            1,
            batches_of(100, 10),
            |b| {
                if b[0] == 30 {
                    Err(CliError::refused("lock timeout").code("lock_timeout"))
                } else {
                    Ok(b.len())
                }
            },
            |n| {
                reported += n;
                Ok(())
            },
            &|| false,
        );
        assert_eq!(reported, 30);
        assert_eq!(run.failure.map(|e| e.machine_code()), Some("lock_timeout"));
    }

    #[test]
    fn a_failed_selection_or_report_stops_the_run() {
        let mut calls = 0;
        let run = run_batches(
            2,
            || {
                calls += 1;
                if calls > 2 {
                    Err(CliError::unreachable("connection lost"))
                } else {
                    Ok(vec![calls])
                }
            },
            Ok,
            |_| Ok(()),
            &|| false,
        );
        assert_eq!(run.batches, 2);
        assert!(run.failure.is_some());
        let run = run_batches(
            1,
            batches_of(100, 10),
            Ok,
            |_| Err(CliError::broken_pipe()),
            &|| false,
        );
        assert_eq!(run.batches, 1);
        assert!(run.failure.is_some());
    }
}
