//! The dashboard without a database or a terminal: `update` driven by events, frames drawn on
//! ratatui's `TestBackend` and pinned as snapshots.

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

use super::render::{compact, render, short_secs, sparkline};
use super::snapshot::*;
use super::state::*;
use crate::decode::{Json, Timestamp};
use crate::jobs::Operation;
use crate::output::{sanitize, View};
use crate::report::jobs::JobRecord;

/// 2056-01-02 03:04:05 UTC (microseconds since 2000, PostgreSQL's epoch).
const NOW: i64 = 1_767_323_045_000_000;
const HOSTILE: &str = "evil\x1b]0;PWNED\x07\x1b[2J\u{202e}gnp.exe\u{9b}31m\nline2";

fn at(secs_ago: i64) -> Timestamp {
    Timestamp::from_micros(NOW - secs_ago * 1_000_000)
}

fn counts(pairs: &[(&str, i64, bool)]) -> BTreeMap<String, Count> {
    pairs
        .iter()
        .map(|(s, n, at_least)| {
            (
                s.to_string(),
                Count {
                    n: *n,
                    at_least: *at_least,
                },
            )
        })
        .collect()
}

fn queue(name: &str, available: i64, executing: i64, retryable: i64) -> QueueRow {
    QueueRow {
        name: name.into(),
        counts: counts(&[
            ("available", available, false),
            ("executing", executing, false),
            ("retryable", retryable, false),
            ("completed", 1000, true),
        ]),
        latency_secs: (available > 0).then_some(available as f64 / 10.0),
        throughput: Known::Value(vec![0, 1, 3, 9, 27, 12, 4, 0, 6, 2]),
        nodes: Known::unknown("not read: needs the nodes' gossip or oban_producers"),
    }
}

fn fixture(hostile: bool) -> Snapshot {
    let h = |plain: &str| {
        if hostile {
            format!("{plain}{HOSTILE}")
        } else {
            plain.to_string()
        }
    };
    let mut big = queue(&h("mailers"), 10_000, 12, 340);
    big.counts.insert(
        "available".into(),
        Count {
            n: 10_000,
            at_least: true,
        },
    );
    let mut queues = vec![
        queue("default", 1500, 4, 0),
        big,
        queue("billing", 12, 0, 3),
        queue("reports", 0, 0, 0),
    ];
    if hostile {
        queues.push(queue(&"q".repeat(500), i64::MAX / 2, 0, 0));
    }
    Snapshot {
        header: Header {
            database: Known::Value(h("app_prod (PG 16.4)")),
            prefix: h("public"),
            flavour: Known::Value("Oban v14".into()),
            leader: Known::Value(Some(h("web-1@10.0.0.5"))),
            nodes: Known::Value(NodeCounts {
                alive: 3,
                late: 1,
                missing: 0,
            }),
            doctor: Known::Value(DoctorStatus {
                errors: 0,
                warnings: 1,
                checks: vec![],
                first_problem: Some(h("300 available jobs in `reports` waited over 5m")),
                age_secs: 3,
            }),
        },
        queues: Known::Value(queues),
        failures: Known::Value(vec![
            FailureGroup {
                worker: h("App.Webhooks.Dispatch"),
                signature: "timeout".into(),
                example: h("** (Mint.TransportError) timeout"),
                count: Count {
                    n: 5000,
                    at_least: true,
                },
                by_state: BTreeMap::new(),
                last_at: Some(at(90)),
                job_ids: vec![11, 12, 13],
            },
            FailureGroup {
                worker: "App.Billing.Charge".into(),
                signature: "card_declined".into(),
                example: if hostile {
                    "x".repeat(10_000)
                } else {
                    "** (Stripe.Error) card_declined".into()
                },
                count: Count::exact(4),
                by_state: BTreeMap::new(),
                last_at: Some(at(800)),
                job_ids: vec![21],
            },
        ]),
        activity: Known::Value(vec![
            ActivityLine {
                id: 1,
                at: at(3600),
                actor: "alice".into(),
                action: "cron.paused".into(),
                target: "cron_entry:weekly_cleanup".into(),
                reason: Some(h("migration window")),
                outcome: Some("ok".into()),
            },
            ActivityLine {
                id: 2,
                at: at(60),
                actor: h("bob"),
                action: "lifeline.repair_executed (job_retry)".into(),
                target: "job:11".into(),
                reason: Some("provider fixed".into()),
                outcome: Some(h("failed")),
            },
        ]),
        taken_at: Some(at(0)),
        gather_ms: 37,
        error: None,
    }
}

fn state(size: (u16, u16), snapshot: &Arc<Snapshot>) -> UiState {
    let mut ui = UiState::new(false, false, size);
    update(&mut ui, Event::Snapshot(snapshot.clone()));
    ui
}

fn draw(snapshot: &Snapshot, ui: &UiState) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(ui.size.0, ui.size.1)).unwrap();
    terminal.draw(|f| render(snapshot, ui, f)).unwrap();
    terminal
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn assert_safe_and_monochrome(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(sanitize::is_unsafe),
            "raw control character painted: {:?}",
            cell.symbol()
        );
        assert_eq!(cell.fg, Color::Reset, "colour with colour off");
        assert_eq!(cell.bg, Color::Reset, "colour with colour off");
    }
}

fn key(ui: &mut UiState, k: Key) -> Option<Action> {
    update(ui, Event::Key(k))
}

fn typed(ui: &mut UiState, text: &str) {
    for c in text.chars() {
        key(ui, Key::Char(c));
    }
}

fn job(id: i64) -> JobRecord {
    JobRecord {
        id,
        state: "retryable".into(),
        queue: "mailers".into(),
        worker: format!("App.Worker{HOSTILE}"),
        args: Json::Value(serde_json::json!({"to": HOSTILE})),
        errors: Json::Value(serde_json::json!([])),
        latest_error: None,
        attempt: 2,
        max_attempts: 20,
        priority: 0,
        tags: vec![],
        meta: Json::Value(serde_json::json!({})),
        attempted_by: None,
        inserted_at: at(100),
        scheduled_at: at(50),
        attempted_at: Some(at(60)),
        completed_at: None,
        discarded_at: None,
        cancelled_at: None,
    }
}

#[test]
fn frames_at_80x24_and_120x40() {
    for hostile in [false, true] {
        let snapshot = Arc::new(fixture(hostile));
        for size in [(80, 24), (120, 40)] {
            let ui = state(size, &snapshot);
            let terminal = draw(&snapshot, &ui);
            assert_safe_and_monochrome(&terminal);
            let name = format!(
                "dashboard_{}x{}{}",
                size.0,
                size.1,
                if hostile { "_hostile" } else { "" }
            );
            insta::assert_snapshot!(name, screen(&terminal));
        }
    }
}

#[test]
fn hostile_text_is_shown_escaped_in_every_pane() {
    let mut s = fixture(true);
    if let Known::Value(groups) = &mut s.failures {
        groups[0].worker = HOSTILE.into();
    }
    let snapshot = Arc::new(s);
    let ui = state((120, 40), &snapshot);
    let text = screen(&draw(&snapshot, &ui));
    // Header, queues, failures and activity each show the escapes, never the characters.
    for shown in [
        "app_prod (PG 16.4)evil\\x1b]0;PWNED\\x07\\x1b[2J\\u{202e}gnp.exe\\u{9b}31m\\nline2",
        "│mailersevil\\x1b]0;PWN",
        "│5,000+ evil\\x1b]0;PWNED",
        "bobevil\\x1b]0;PWNED",
    ] {
        assert!(text.contains(shown), "{shown}\n{text}");
    }
    assert!(text.contains("10,000+"), "floors are marked: {text}");
}

#[test]
fn colour_is_only_an_addition() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((120, 40), &snapshot);
    let mono = screen(&draw(&snapshot, &ui));
    ui.color = true;
    let coloured = draw(&snapshot, &ui);
    assert_eq!(screen(&coloured), mono, "the same characters either way");
    assert!(coloured
        .backend()
        .buffer()
        .content()
        .iter()
        .any(|c| c.fg != Color::Reset));
}

#[test]
fn unknown_panes_say_why() {
    let mut s = fixture(false);
    s.queues = Known::unknown("no oban_jobs table in schema `x`");
    s.header.nodes = Known::unknown("no oban_powertools_heartbeats in `x`");
    s.activity = Known::unknown("permission denied");
    s.error = Some("refresh failed: connection refused".into());
    let snapshot = Arc::new(s);
    let ui = state((80, 24), &snapshot);
    let text = screen(&draw(&snapshot, &ui));
    for expected in [
        "unknown (no oban_jobs table in schema `x`)",
        "nodes unknown (no oban_powertools_heartbeats",
        "unknown (permission denied)",
        "refresh failed: connectio",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    insta::assert_snapshot!("dashboard_unknown_80x24", text);
}

#[test]
fn queues_sort_and_filter_by_typing_and_keep_the_selection() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    let names = |ui: &UiState| -> Vec<String> {
        ui.queue_order
            .iter()
            .map(|i| snapshot.queue_rows()[*i].name.clone())
            .collect()
    };
    assert_eq!(names(&ui), ["billing", "default", "mailers", "reports"]);
    key(&mut ui, Key::Down);
    key(&mut ui, Key::Down);
    assert_eq!(ui.cursor(Pane::Queues).selected, 2);
    key(&mut ui, Key::Char('s'));
    assert_eq!(ui.sort, SortKey::Available);
    assert_eq!(names(&ui), ["mailers", "default", "billing", "reports"]);
    assert_eq!(ui.cursor(Pane::Queues).selected, 0, "still on mailers");
    key(&mut ui, Key::Char('S'));
    assert_eq!(names(&ui)[0], "reports");
    key(&mut ui, Key::Char('/'));
    typed(&mut ui, "IL");
    assert_eq!(names(&ui), ["billing", "mailers"], "by available, reversed");
    let text = screen(&draw(&snapshot, &ui));
    assert!(text.contains("filter: IL_"), "{text}");
    key(&mut ui, Key::Enter);
    assert!(!ui.filtering);
    assert_eq!(
        key(&mut ui, Key::Char('q')),
        Some(Action::Quit),
        "q quits once the filter is kept"
    );
    key(&mut ui, Key::Esc);
    assert_eq!(names(&ui).len(), 4, "Esc clears the filter");
}

#[test]
fn enter_drills_into_a_queue_a_job_and_a_failure_group() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    assert_eq!(
        key(&mut ui, Key::Enter),
        Some(Action::LoadQueueJobs("billing".into()))
    );
    update(
        &mut ui,
        Event::Jobs {
            title: "queue default".into(),
            jobs: vec![job(7), job(8)],
        },
    );
    key(&mut ui, Key::Down);
    assert_eq!(key(&mut ui, Key::Enter), Some(Action::LoadJob(8)));
    update(&mut ui, Event::Job(Box::new(job(8))));
    let text = screen(&draw(&snapshot, &ui));
    assert!(text.contains("job 8"), "{text}");
    assert!(text.contains("App.Workerevil\\x1b]0;PWNED"), "{text}");
    key(&mut ui, Key::Esc);
    key(&mut ui, Key::Esc);
    assert!(ui.drill.is_empty());
    key(&mut ui, Key::Tab);
    assert_eq!(ui.pane, Pane::Failures);
    assert_eq!(
        key(&mut ui, Key::Enter),
        Some(Action::LoadJobs {
            title: "5,000+ failures of App.Webhooks.Dispatch in the last hour".into(),
            ids: vec![11, 12, 13],
        })
    );
}

fn plan(op: Operation, matched: i64) -> PlanInfo {
    PlanInfo {
        op: Some(op),
        lines: vec![format!("Will {} {matched} jobs.", op.verb())],
        question: format!("Retry {matched} jobs?"),
        matched,
    }
}

#[test]
fn an_action_goes_preview_reason_confirm_then_execute() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    key(&mut ui, Key::Tab);
    assert_eq!(
        key(&mut ui, Key::Char('r')),
        Some(Action::Prepare {
            op: Operation::Retry,
            ids: vec![11, 12, 13]
        })
    );
    assert!(matches!(ui.modal, Some(Modal::Busy(_))));
    assert_eq!(key(&mut ui, Key::Char('y')), None, "keys wait while busy");
    update(&mut ui, Event::Prepared(plan(Operation::Retry, 3)));
    insta::assert_snapshot!("modal_preview", screen(&draw(&snapshot, &ui)));
    key(&mut ui, Key::Enter);
    typed(&mut ui, "too\x1bshort");
    key(&mut ui, Key::Backspace);
    key(&mut ui, Key::Enter);
    match &ui.modal {
        Some(Modal::Reason { input, error, .. }) => {
            assert_eq!(input, "tooshor", "control characters are not typed");
            assert!(error.as_deref().unwrap().contains("at least 8"));
        }
        other => panic!("{other:?}"),
    }
    typed(&mut ui, "t: provider fixed");
    key(&mut ui, Key::Enter);
    insta::assert_snapshot!("modal_confirm", screen(&draw(&snapshot, &ui)));
    assert_eq!(
        key(&mut ui, Key::Char('y')),
        Some(Action::Execute {
            reason: "tooshort: provider fixed".into()
        })
    );
    assert_eq!(
        update(
            &mut ui,
            Event::Done {
                text: "Retried 3 jobs".into(),
                notice: None
            }
        ),
        Some(Action::Refresh)
    );
    assert_eq!(ui.status.as_deref(), Some("Retried 3 jobs"));
    assert!(ui.modal.is_none());
}

#[test]
fn cancelling_or_nothing_to_do_abandons_the_preview() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    key(&mut ui, Key::Tab);
    key(&mut ui, Key::Char('d'));
    update(&mut ui, Event::Prepared(plan(Operation::Discard, 3)));
    assert_eq!(key(&mut ui, Key::Esc), Some(Action::Abandon));
    assert!(ui
        .status
        .as_deref()
        .unwrap()
        .contains("nothing was changed"));
    key(&mut ui, Key::Char('c'));
    assert_eq!(
        update(&mut ui, Event::Prepared(plan(Operation::Cancel, 0))),
        Some(Action::Abandon)
    );
    assert!(matches!(ui.modal, Some(Modal::Message { .. })));
    key(&mut ui, Key::Char('x'));
    assert!(ui.modal.is_none(), "any key closes a message");
    // Confirmation defaults to no.
    key(&mut ui, Key::Char('r'));
    update(&mut ui, Event::Prepared(plan(Operation::Retry, 3)));
    key(&mut ui, Key::Enter);
    typed(&mut ui, "a good reason");
    key(&mut ui, Key::Enter);
    assert_eq!(key(&mut ui, Key::Enter), Some(Action::Abandon));
}

#[test]
fn read_only_disables_every_action() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = UiState::new(true, false, (80, 24));
    update(&mut ui, Event::Snapshot(snapshot.clone()));
    key(&mut ui, Key::Tab);
    for c in ['r', 'c', 'd'] {
        assert_eq!(key(&mut ui, Key::Char(c)), None);
        assert!(ui.status.as_deref().unwrap().contains("read-only"));
    }
    update(
        &mut ui,
        Event::Jobs {
            title: "x".into(),
            jobs: vec![job(1)],
        },
    );
    assert_eq!(key(&mut ui, Key::Char('r')), None);
    let text = screen(&draw(&snapshot, &ui));
    assert!(text.contains("read-only"), "{text}");
}

#[test]
fn activity_follows_new_events_unless_scrolled_up() {
    let mut s = fixture(false);
    let lines = |n: i64| -> Vec<ActivityLine> {
        (1..=n)
            .map(|id| ActivityLine {
                id,
                at: at(100 - id),
                actor: "a".into(),
                action: format!("event.{id}"),
                target: "-".into(),
                reason: None,
                outcome: None,
            })
            .collect()
    };
    s.activity = Known::Value(lines(10));
    let mut ui = state((80, 24), &Arc::new(s.clone()));
    assert_eq!(ui.cursor(Pane::Activity).selected, 9);
    s.activity = Known::Value(lines(12));
    update(&mut ui, Event::Snapshot(Arc::new(s.clone())));
    assert_eq!(ui.cursor(Pane::Activity).selected, 11, "followed");
    let text = screen(&draw(&s, &ui));
    assert!(text.contains("event.12"), "{text}");
    key(&mut ui, Key::Tab);
    key(&mut ui, Key::Tab);
    key(&mut ui, Key::Up);
    s.activity = Known::Value(lines(13));
    update(&mut ui, Event::Snapshot(Arc::new(s)));
    assert_eq!(
        ui.cursor(Pane::Activity).selected,
        10,
        "stays where scrolled"
    );
}

#[test]
fn lists_scroll_to_keep_the_selection_in_view() {
    let mut s = fixture(false);
    s.queues = Known::Value(
        (0..40)
            .map(|i| queue(&format!("q{i:02}"), i, 0, 0))
            .collect(),
    );
    let snapshot = Arc::new(s);
    let mut ui = state((80, 24), &snapshot);
    for _ in 0..20 {
        key(&mut ui, Key::Down);
    }
    let c = ui.cursor(Pane::Queues);
    assert_eq!(c.selected, 20);
    let text = screen(&draw(&snapshot, &ui));
    assert!(text.contains("q20"), "{text}");
    assert!(!text.contains("q00"), "{text}");
    key(&mut ui, Key::End);
    assert_eq!(ui.cursor(Pane::Queues).selected, 39);
    key(&mut ui, Key::Home);
    assert_eq!(ui.cursor(Pane::Queues), Cursor::default());
    assert_eq!(key(&mut ui, Key::Interrupt), Some(Action::Quit));
}

#[test]
fn small_formatters() {
    assert_eq!(compact(Count::exact(987)), "987");
    assert_eq!(compact(Count::exact(12_345)), "12,345");
    assert_eq!(compact(Count::exact(123_456)), "123k");
    assert_eq!(
        compact(Count {
            n: 10_000,
            at_least: true
        }),
        "10,000+"
    );
    assert_eq!(compact(Count::exact(2_500_000)), "2.5M");
    assert_eq!(compact(Count::exact(i64::MAX)), "9.2E");
    assert_eq!(short_secs(59.0), "59s");
    assert_eq!(short_secs(600.0), "10m");
    assert_eq!(short_secs(-4.0), "0s");
    assert_eq!(short_secs(86_400.0 * 400.0), "1y");
    assert_eq!(short_secs(1e12), "31709y");
    assert_eq!(short_secs(1e300), ">99999y");
    assert_eq!(sparkline(&[0, 1, 4, 8]), "·▁▄█");
    assert_eq!(sparkline(&[]), "");
}

#[test]
fn p_and_u_pause_and_resume_the_selected_queue_through_the_same_modal() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    let first = snapshot.queue_rows()[ui.queue_order[0]].name.clone();
    assert_eq!(
        key(&mut ui, Key::Char('p')),
        Some(Action::PrepareQueue {
            queue: first.clone(),
            pause: true
        })
    );
    assert!(matches!(ui.modal, Some(Modal::Busy(_))));
    // The preview, then the reason and the confirmation, as for jobs.
    update(
        &mut ui,
        Event::Prepared(PlanInfo {
            op: None,
            lines: vec![format!("Will pause 1 queue: {first} on every node.")],
            question: format!("Pause queue {first} on every node?"),
            matched: 1,
        }),
    );
    assert!(matches!(ui.modal, Some(Modal::Preview(_))));
    key(&mut ui, Key::Enter);
    for c in "pausing for the drill".chars() {
        key(&mut ui, Key::Char(c));
    }
    key(&mut ui, Key::Enter);
    assert_eq!(
        key(&mut ui, Key::Char('y')),
        Some(Action::Execute {
            reason: "pausing for the drill".into()
        })
    );
    ui.modal = None;
    assert_eq!(
        key(&mut ui, Key::Char('u')),
        Some(Action::PrepareQueue {
            queue: first,
            pause: false
        })
    );
    let mut read_only = UiState::new(true, false, (80, 24));
    update(&mut read_only, Event::Snapshot(snapshot.clone()));
    assert_eq!(key(&mut read_only, Key::Char('p')), None);
    assert!(read_only.status.as_deref().unwrap().contains("read-only"));
}

/// A pause plan as `prepare` builds it on the demo: no node reports state, so the preview has
/// the long "nodes unknown" sentence and the restart note, both wider than the modal.
fn pause_plan(queue: &str) -> crate::report::queues::QueuePlan {
    crate::report::queues::QueuePlan {
        operation: "queue_pause".into(),
        dry_run: false,
        channel: "t_top_1234_0.oban_signal".into(),
        node: None,
        limit: None,
        targets: vec![crate::report::queues::QueuePlanTarget {
            queue: queue.into(),
            nodes: None,
            payloads: vec![format!(r#"{{"action":"pause","queue":"{queue}"}}"#)],
        }],
        nodes_source: None,
        nodes_unknown: Some(
            "no node gossiped on t_top_1234_0.oban_gossip in 2 s, and no oban_producers in \
             `t_top_1234_0`"
                .into(),
        ),
        notes: vec![crate::commands::queues::RESTART_NOTE.into()],
    }
}

fn pause_preview(ui: &UiState) -> PlanInfo {
    let plan = pause_plan("mailers");
    PlanInfo {
        op: None,
        lines: super::app::modal_lines(
            &crate::report::queues::QueuePlanView {
                plan: &plan,
                verb: "pause",
            }
            .view(),
            ui.size,
        ),
        question: "Pause queue mailers on every node?".into(),
        matched: 1,
    }
}

#[test]
fn a_queue_pause_preview_keeps_its_keys_on_screen_however_long_its_notes() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    let footer = screen(&draw(&snapshot, &ui));
    assert!(footer.contains("p pause  u resume"), "{footer}");
    key(&mut ui, Key::Down);
    key(&mut ui, Key::Down);
    assert_eq!(
        key(&mut ui, Key::Char('p')),
        Some(Action::PrepareQueue {
            queue: "mailers".into(),
            pause: true
        })
    );
    let preview = pause_preview(&ui);
    update(&mut ui, Event::Prepared(preview.clone()));
    let text = screen(&draw(&snapshot, &ui));
    // The wrapped note ends inside the modal and the keys are under it.
    assert!(text.contains("│signals."), "{text}");
    assert!(
        text.contains("Enter: give a reason   Esc: cancel"),
        "{text}"
    );
    insta::assert_snapshot!("modal_queue_preview", text);

    // On a short terminal the plan is cut, never the keys.
    let mut short = state((80, 12), &snapshot);
    update(&mut short, Event::Prepared(preview));
    let text = screen(&draw(&snapshot, &short));
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("Enter: give a reason"), "{text}");

    // The wait for the nodes is said while it lasts.
    key(&mut ui, Key::Enter);
    typed(&mut ui, "smtp provider throttling us");
    key(&mut ui, Key::Enter);
    key(&mut ui, Key::Char('y'));
    let text = screen(&draw(&snapshot, &ui));
    assert!(
        text.contains("Pause queue mailers on every node: sending, then waiting up to 5 s"),
        "{text}"
    );
    ui.modal = None;
    key(&mut ui, Key::Tab);
    let text = screen(&draw(&snapshot, &ui));
    assert!(text.contains("r retry  c cancel  d discard"), "{text}");
    assert_eq!(key(&mut ui, Key::Char('p')), None);
    assert_eq!(
        ui.status.as_deref(),
        Some("pause: select a queue in the Queues pane")
    );
}

fn confirmation(unknown: Option<&str>) -> crate::report::queues::QueueConfirmation {
    let nodes: std::collections::BTreeSet<String> =
        ["web-1".to_string(), "web-2".to_string()].into();
    crate::report::queues::QueueConfirmation {
        queue: "mailers".into(),
        wanted: crate::queue_state::Wanted::Paused,
        expected: if unknown.is_some() {
            Default::default()
        } else {
            nodes.clone()
        },
        confirmed: if unknown.is_some() {
            Default::default()
        } else {
            nodes
        },
        unconfirmed: Default::default(),
        source: None,
        unknown: unknown.map(str::to_string),
        waited_ms: 5000,
        audit_id: Some(42),
    }
}

fn queue_done(confirmation: crate::report::queues::QueueConfirmation) -> Event {
    super::app::queue_done(
        crate::commands::queues::QueueAction::Pause,
        &crate::commands::queues::QueueDone {
            audit_ids: [("mailers".to_string(), 42)].into(),
            signals_sent: 1,
            confirmations: vec![confirmation],
            summary: crate::output::Summary {
                operation_id: Some("0b9a6c1e-5f4e-4c1a-9d43-6f2a0c8e7d11".into()),
                ..Default::default()
            },
            status: crate::error::ExitStatus::Attention,
        },
    )
}

#[test]
fn an_unconfirmed_pause_is_shown_in_full_and_its_result_line_stays() {
    let snapshot = Arc::new(fixture(false));
    let mut ui = state((80, 24), &snapshot);
    let done = queue_done(confirmation(Some(
        "no node gossiped on t_top_1234_0.oban_gossip in 1.5 s, and no oban_producers in \
         `t_top_1234_0`",
    )));
    assert_eq!(update(&mut ui, done), Some(Action::Refresh));
    let text = screen(&draw(&snapshot, &ui));
    for expected in [
        "Pause sent, not confirmed",
        "mailers: sent; cannot confirm it was paused: no node gossiped",
        "Recorded as audit event 42.",
        "Operation 0b9a6c1e-5f4e-4c1a-9d43-6f2a0c8e7d11.",
        "mailers: pause sent, not confirmed (audited as event 42)",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    insta::assert_snapshot!("modal_queue_unconfirmed", text);
    key(&mut ui, Key::Char('x'));
    assert!(ui.modal.is_none());
    assert_eq!(
        ui.status.as_deref(),
        Some("mailers: pause sent, not confirmed (audited as event 42)"),
        "closing the modal leaves the result line"
    );
    key(&mut ui, Key::Down);
    assert_eq!(ui.status, None, "the next key clears it");

    // Confirmed by every node: one line, no modal.
    update(&mut ui, queue_done(confirmation(None)));
    assert!(ui.modal.is_none());
    assert_eq!(
        ui.status.as_deref(),
        Some(
            "mailers: paused on 2 of 2 nodes. (audited, operation \
             0b9a6c1e-5f4e-4c1a-9d43-6f2a0c8e7d11)"
        )
    );
}
