//! `db::listen` against the real server: direct connections hear everything, a transaction
//! pooler is reported as such (never as silence), and a real oban-py node's gossip arrives and
//! decodes.

use std::time::Duration;

use obanctl::db::conninfo::ConnInfo;
use obanctl::db::listen::{self, GossipStatus, ListenOutcome, Unavailable};
use obanctl::notifier::{self, Channel};

use crate::common::{cli_database_url, database_url, literal, TestSchema};
use crate::oban_py::{self, PyNode};

fn conn(url: &str) -> ConnInfo {
    ConnInfo::build(Some(url), None)
}

fn heard(outcome: ListenOutcome) -> listen::Heard {
    match outcome {
        ListenOutcome::Heard(heard) => heard,
        ListenOutcome::Unavailable(why) => panic!("listening failed: {}", why.reason()),
    }
}

/// A PgBouncer in transaction mode: the CI lane's (`OBANCTL_TEST_CLI_URL`), else the one this
/// project's machines usually run on 6432. `None` when there is none to test against.
fn pgbouncer_url() -> Option<String> {
    let cli = cli_database_url();
    if cli != database_url() {
        return Some(cli);
    }
    let url = "postgres://postgres@127.0.0.1:6432/postgres".to_string();
    std::net::TcpStream::connect_timeout(
        &"127.0.0.1:6432".parse().unwrap(),
        Duration::from_millis(500),
    )
    .ok()
    .map(|_| url)
}

#[test]
fn a_direct_connection_hears_every_notification_and_reports_silence_honestly() {
    let schema = TestSchema::new("listendirect");
    let channels = listen::oban_channels(&schema.name, &Channel::ALL).unwrap();
    let gossip = Channel::Gossip.full_name(&schema.name);
    let payload = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/notifier/oban_py_gossip_running.b64gzip"
    ))
    .unwrap();
    let sender = {
        let (gossip, payload) = (gossip.clone(), payload.clone());
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            let mut conn = crate::common::connect();
            diesel::connection::SimpleConnection::batch_execute(
                &mut conn,
                &format!(
                    "SELECT pg_notify({0}, {1}); SELECT pg_notify({0}, {1} || '')",
                    literal(&gossip),
                    literal(&payload)
                ),
            )
            .unwrap();
        })
    };
    let outcome = listen::listen(
        &conn(&database_url()),
        &channels,
        Duration::from_millis(800),
    );
    sender.join().unwrap();
    let h = heard(outcome);
    assert!(
        h.round_trip < Duration::from_millis(500),
        "{:?}",
        h.round_trip
    );
    assert!(h.window >= Duration::from_millis(800));
    // Two notifications in one transaction, distinct as statements but identical in content,
    // are folded into one by PostgreSQL.
    let got: Vec<_> = h.on(&gossip).collect();
    assert_eq!(got.len(), 1, "{:?}", h.notifications);
    assert_eq!(got[0].payload, payload);
    assert!(
        got[0].after >= Duration::from_millis(150),
        "{:?}",
        got[0].after
    );
    let decoded = notifier::decode(&got[0].payload).unwrap();
    assert_eq!(decoded.encoding, notifier::Encoding::BareGzip);
    assert_eq!(
        h.gossip_status(&schema.name),
        GossipStatus::Received { messages: 1 }
    );
    assert!(
        h.notifications
            .iter()
            .all(|n| n.channel != listen::SELF_TEST_CHANNEL),
        "the self-test is not reported"
    );

    // Nothing sent: listening worked, and nobody gossiped. That is not "cannot listen".
    let h = heard(listen::listen(
        &conn(&database_url()),
        &channels,
        Duration::from_millis(300),
    ));
    assert!(h.notifications.is_empty());
    assert_eq!(
        h.gossip_status(&schema.name),
        GossipStatus::Silent {
            sonar_nodes: Default::default()
        }
    );
}

#[test]
fn listening_through_a_transaction_pooler_is_reported_unavailable() {
    let Some(url) = pgbouncer_url() else {
        eprintln!("no PgBouncer on 6432 and OBANCTL_TEST_CLI_URL unset: skipped");
        return;
    };
    let schema = TestSchema::new("listenpooler");
    let channels = listen::oban_channels(&schema.name, &[Channel::Gossip]).unwrap();
    match listen::listen(&conn(&url), &channels, Duration::from_millis(300)) {
        ListenOutcome::Unavailable(Unavailable::NoRoundTrip { waited }) => {
            assert!(waited >= listen::MIN_SELF_TEST_WAIT, "{waited:?}");
            let reason = Unavailable::NoRoundTrip { waited }.reason();
            assert!(reason.contains("transaction pooler"), "{reason}");
        }
        other => panic!("expected NoRoundTrip through PgBouncer, got {other:?}"),
    }
}

#[test]
fn unreachable_and_refused_listeners_are_typed() {
    let outcome = listen::listen(
        &conn("postgres://nobody:secret-pw@127.0.0.1:1/none?connect_timeout=2"),
        &["public.oban_gossip".to_string()],
        Duration::from_millis(100),
    );
    match outcome {
        ListenOutcome::Unavailable(Unavailable::Connect(message)) => {
            assert!(!message.contains("secret-pw"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let outcome = listen::listen(
        &conn(&database_url()),
        &["x".repeat(64)],
        Duration::from_millis(100),
    );
    assert!(
        matches!(outcome, ListenOutcome::Unavailable(Unavailable::Refused(_))),
        "{outcome:?}"
    );
}

#[test]
fn gossip_from_a_real_oban_py_node_is_heard_and_decoded() {
    let schema = oban_py::schema("listenpy");
    let _node = PyNode::start(&schema, "py-gossip-1", &[("alpha", 3), ("beta", 1)]);
    let channels = listen::oban_channels(&schema.name, &Channel::ALL).unwrap();
    let checks = |window_ms: u64| {
        let h = heard(listen::listen(
            &conn(&database_url()),
            &channels,
            Duration::from_millis(window_ms),
        ));
        assert!(matches!(
            h.gossip_status(&schema.name),
            GossipStatus::Received { .. }
        ));
        assert_eq!(
            h.on(&Channel::Sonar.full_name(&schema.name)).count(),
            0,
            "oban-py sends no sonar"
        );
        h.on(&Channel::Gossip.full_name(&schema.name))
            .map(|n| {
                let decoded = notifier::decode(&n.payload).unwrap();
                assert_eq!(decoded.encoding, notifier::Encoding::BareGzip);
                notifier::parse_gossip(&decoded.value).unwrap()
            })
            .flat_map(|g| g.checks)
            .collect::<Vec<_>>()
    };
    let all = checks(1200);
    let alpha = all
        .iter()
        .find(|c| c.queue.as_deref() == Some("alpha"))
        .expect("an alpha check");
    assert_eq!(alpha.node.as_deref(), Some("py-gossip-1"));
    assert_eq!(alpha.name.as_deref(), Some("Oban"));
    assert_eq!(alpha.local_limit, Some(3));
    assert_eq!(alpha.paused, Some(false));
    assert_eq!(alpha.running.as_deref(), Some(&[][..]));
    let producer_uuid = schema.strings(&format!(
        "SELECT uuid::text AS v FROM {}.oban_producers WHERE queue = 'alpha'",
        schema.quoted()
    ));
    assert_eq!(
        alpha.uuid.as_deref(),
        producer_uuid.first().map(String::as_str)
    );
    assert!(all.iter().any(|c| c.queue.as_deref() == Some("beta")));

    // A pause sent as obanctl sends it shows in the next gossip.
    oban_py::notify(
        &schema,
        "signal",
        r#"{"action":"pause","ident":"Oban.py-gossip-1","queue":"alpha"}"#,
    );
    oban_py::wait_for("alpha paused", Duration::from_secs(10), || {
        checks(600)
            .iter()
            .any(|c| c.queue.as_deref() == Some("alpha") && c.paused == Some(true))
            .then_some(())
    });
}
