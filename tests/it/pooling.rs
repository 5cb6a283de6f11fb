//! The database layer against a transaction pooler. In the PgBouncer lane of `.ci/run` the pools
//! below go through PgBouncer 1.18 in transaction mode, where a named prepared statement left on a
//! server connection breaks the next client that gets it
//! (`prepared statement "__diesel_stmt_0" already exists`).

use diesel::{QueryDsl, RunQueryDsl};

use obanctl::cli::GlobalArgs;
use obanctl::db::schema::powertools::oban_powertools_audit_events as audit_events;
use obanctl::db::Database;
use obanctl::printer::Printer;
use obanctl::settings::Settings;

use crate::common::{cli_database_url, TestSchema};

fn pool(schema: &TestSchema) -> Database {
    let args = GlobalArgs {
        database_url: Some(cli_database_url()),
        prefix: Some(schema.name.clone()),
        powertools_schema: Some(schema.name.clone()),
        actor: Some("pool-test".into()),
        ..Default::default()
    };
    let settings = Settings::resolve(&args, &|_| None, None).unwrap();
    Database::connect(&settings, &Printer::fallback()).unwrap()
}

#[test]
fn diesel_dsl_queries_from_several_pools_share_pooled_server_connections() {
    let schema = TestSchema::new("pooling");
    schema.cmd().args(["install", "-q"]).assert().success();
    let pools = [pool(&schema), pool(&schema)];
    // The same statically typed query (the kind Diesel would cache as a named statement), in
    // alternating transactions from two clients, read-only and read-write.
    for round in 0..20 {
        for db in &pools {
            let count: i64 = if round % 2 == 0 {
                db.read(|conn| Ok(audit_events::table.count().get_result(conn)?))
                    .unwrap()
            } else {
                db.write(|conn| Ok(audit_events::table.count().get_result(conn)?))
                    .unwrap()
            };
            assert_eq!(count, 1);
        }
    }
}
