-- The obanctl demo: realistic contents for schema `obanctl_demo` (run with search_path set to it,
-- after the Oban v14 and Powertools tables exist). About 20 000 jobs across five queues and every
-- state, error histories, a node that is gone, cron entries, a limiter with a blocked partition,
-- a half-failed workflow and some audit history written by "the Elixir library".
-- Times are relative to the database clock at seeding. No Oban node runs against the demo, so the
-- live leader and live heartbeats get long leases to stay live while you explore.

-- Completed work from the last three days.
INSERT INTO oban_jobs (state, queue, worker, args, tags, attempt, max_attempts, inserted_at, scheduled_at,
                       attempted_at, completed_at, attempted_by)
SELECT 'completed', w.queue, w.worker, w.args, ARRAY[w.queue], 1, 20, t.at, t.at, t.at + interval '1 second',
       t.at + interval '2 seconds', ARRAY['web-' || (1 + g % 2) || '@demo', md5(g::text)]
FROM generate_series(1, 15000) g,
     LATERAL (SELECT timezone('UTC', now()) - interval '2 minutes' - g * interval '17 seconds' AS at) t,
     LATERAL (SELECT (ARRAY['default', 'mailers', 'billing', 'exports', 'webhooks'])[1 + g % 5] AS queue,
                     (ARRAY['Demo.Workers.SyncAccount', 'Demo.Mailer.Deliver', 'Demo.Billing.ChargeInvoice',
                            'Demo.Exports.BuildCsv', 'Demo.Webhooks.Dispatch'])[1 + g % 5] AS worker,
                     jsonb_build_object('account_id', 'acct_' || (g % 400), 'request_id', md5(g::text)) AS args) w;

-- Available work, due now.
INSERT INTO oban_jobs (state, queue, worker, args, tags, scheduled_at)
SELECT 'available', (ARRAY['default', 'billing', 'webhooks'])[1 + g % 3], 'Demo.Workers.SyncAccount',
       jsonb_build_object('account_id', 'acct_' || (g % 400)), ARRAY['sync'],
       timezone('UTC', now()) - (g % 50) * interval '1 second'
FROM generate_series(1, 1500) g;

-- A queue nothing consumes: its reports have waited for 40 minutes (doctor: overdue_available).
INSERT INTO oban_jobs (state, queue, worker, args, tags, scheduled_at)
SELECT 'available', 'reports', 'Demo.Reports.Render', jsonb_build_object('report_id', g), ARRAY['reports'],
       timezone('UTC', now()) - interval '40 minutes' + g * interval '1 second'
FROM generate_series(1, 300) g;

-- Scheduled for later today.
INSERT INTO oban_jobs (state, queue, worker, args, scheduled_at)
SELECT 'scheduled', (ARRAY['default', 'exports'])[1 + g % 2], 'Demo.Exports.BuildCsv',
       jsonb_build_object('export_id', g), timezone('UTC', now()) + g * interval '20 seconds'
FROM generate_series(1, 1200) g;

-- Retrying after failures, with their error histories.
INSERT INTO oban_jobs (state, queue, worker, args, meta, attempt, max_attempts, scheduled_at, attempted_at,
                       attempted_by, errors)
SELECT 'retryable', 'webhooks', 'Demo.Webhooks.Dispatch',
       jsonb_build_object('endpoint', 'https://hooks.example.com/' || (g % 30), 'event_id', g),
       CASE WHEN g <= 40
            THEN jsonb_build_object('__deadline_at__', to_char(now() - interval '1 hour' + g * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
            ELSE '{}'::jsonb END,
       1 + g % 3, 20, timezone('UTC', now()) + (g % 600) * interval '1 second',
       timezone('UTC', now()) - interval '5 minutes', ARRAY['web-2@demo', md5(g::text)],
       ARRAY(SELECT jsonb_build_object('attempt', a, 'at', to_char(now() - (4 - a) * interval '3 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                       'error', '** (Mint.TransportError) timeout' || E'\n' ||
                                                '    (mint 1.6.2) lib/mint/http1.ex:280: Mint.HTTP1.request/5' || E'\n' ||
                                                '    (demo 0.1.0) lib/demo/webhooks/dispatch.ex:41: Demo.Webhooks.Dispatch.perform/1')
             FROM generate_series(1, 1 + g % 3) a)
FROM generate_series(1, 700) g;

-- The failed batch: the mailer's SMTP provider refused everything for an hour (tour: retry them).
INSERT INTO oban_jobs (state, queue, worker, args, attempt, max_attempts, inserted_at, scheduled_at, attempted_at,
                       discarded_at, attempted_by, errors, tags)
SELECT 'discarded', 'mailers', 'Demo.Mailer.Deliver',
       jsonb_build_object('template', (ARRAY['receipt', 'welcome', 'password_reset'])[1 + g % 3], 'user_id', 1000 + g),
       3, 3, timezone('UTC', now()) - interval '2 hours', timezone('UTC', now()) - interval '2 hours', timezone('UTC', now()) - interval '2 hours' + g * interval '5 seconds',
       timezone('UTC', now()) - interval '2 hours' + g * interval '5 seconds', ARRAY['web-1@demo', md5(g::text)],
       ARRAY(SELECT jsonb_build_object('attempt', a, 'at', to_char(now() - interval '2 hours' + a * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                       'error', '** (Swoosh.DeliveryError) delivery failed: {:error, {421, "4.7.0 Try again later, closing connection"}}')
             FROM generate_series(1, 3) a),
       ARRAY['email']
FROM generate_series(1, 420) g;

-- Other discarded and cancelled jobs.
INSERT INTO oban_jobs (state, queue, worker, args, attempt, max_attempts, discarded_at, attempted_at, errors)
SELECT 'discarded', 'billing', 'Demo.Billing.ChargeInvoice', jsonb_build_object('invoice_id', 'inv_' || g), 20, 20,
       timezone('UTC', now()) - g * interval '13 minutes', timezone('UTC', now()) - g * interval '13 minutes',
       ARRAY[jsonb_build_object('attempt', 20, 'at', to_char(now() - g * interval '13 minutes', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                'error', '** (Stripe.Error) card_declined: Your card was declined.')]
FROM generate_series(1, 80) g;
INSERT INTO oban_jobs (state, queue, worker, args, cancelled_at, meta)
SELECT 'cancelled', 'exports', 'Demo.Exports.BuildCsv', jsonb_build_object('export_id', 9000 + g),
       timezone('UTC', now()) - g * interval '7 minutes', '{"cancelled_by": "user request"}'
FROM generate_series(1, 150) g;

-- Running now on web-1 and web-2, and six jobs still "executing" on web-3, which died three hours
-- ago (doctor: stuck_executing).
INSERT INTO oban_jobs (state, queue, worker, args, attempt, attempted_at, attempted_by)
SELECT 'executing', (ARRAY['default', 'billing'])[1 + g % 2], 'Demo.Workers.SyncAccount',
       jsonb_build_object('account_id', 'acct_' || g), 1, timezone('UTC', now()) - (g % 40) * interval '1 second',
       ARRAY['web-' || (1 + g % 2) || '@demo', md5(g::text)]
FROM generate_series(1, 24) g;
INSERT INTO oban_jobs (state, queue, worker, args, attempt, attempted_at, attempted_by)
SELECT 'executing', 'exports', 'Demo.Exports.BuildCsv', jsonb_build_object('export_id', 7000 + g), 1,
       timezone('UTC', now()) - interval '3 hours' - g * interval '1 minute', ARRAY['web-3@demo', md5(g::text)]
FROM generate_series(1, 6) g;

-- web-1 leads; web-1 and web-2 heartbeat, web-3 stopped.
INSERT INTO oban_peers (name, node, started_at, expires_at)
VALUES ('Oban', 'web-1@demo', timezone('UTC', now()) - interval '1 day', timezone('UTC', now()) + interval '30 days');
INSERT INTO oban_powertools_heartbeats (id, executor_id, node, queue, producer_scope, last_heartbeat_at,
                                        missing_threshold_ms, inserted_at, updated_at)
VALUES (gen_random_uuid(), 'web-1@demo/default', 'web-1@demo', 'default', 'Oban', timezone('UTC', now()), 2592000000, now(), now()),
       (gen_random_uuid(), 'web-2@demo/default', 'web-2@demo', 'default', 'Oban', timezone('UTC', now()), 2592000000, now(), now()),
       (gen_random_uuid(), 'web-3@demo/exports', 'web-3@demo', 'exports', 'Oban', timezone('UTC', now()) - interval '3 hours', 120000, now(), now());

-- Cron: the nightly sync the tour pauses, an hourly report, and a cleanup alice paused last week.
INSERT INTO oban_powertools_cron_entries (id, name, source, worker, queue, expression, timezone, args,
                                          overlap_policy, catch_up_policy, max_catch_up, paused_at, last_run_at,
                                          metadata, inserted_at, updated_at)
VALUES (gen_random_uuid(), 'nightly_sync', 'code', 'Demo.Workers.NightlySync', 'default', '0 2 * * *', 'America/New_York',
        '{"scope": "all_accounts"}', 'queue_one', 'latest', 1, NULL, timezone('UTC', now()) - interval '10 hours', '{}', now(), now()),
       (gen_random_uuid(), 'hourly_report', 'code', 'Demo.Reports.Render', 'reports', '@hourly', 'Etc/UTC',
        '{}', 'skip', 'latest', 1, NULL, timezone('UTC', now()) - interval '40 minutes', '{}', now(), now()),
       (gen_random_uuid(), 'weekly_cleanup', 'code', 'Demo.Workers.Cleanup', 'default', '0 4 * * 0', 'Europe/Berlin',
        '{}', 'skip', 'latest', 1, timezone('UTC', now()) - interval '5 days', timezone('UTC', now()) - interval '8 days', '{}', now(), now());
INSERT INTO oban_powertools_cron_slots (id, entry_id, slot_at, state, job_id, metadata, inserted_at, updated_at)
SELECT gen_random_uuid(), id, date_trunc('day', timezone('UTC', now())) - d * interval '1 day' + interval '7 hours', 'claimed',
       NULL, '{"decision": "enqueued"}', now(), now()
FROM oban_powertools_cron_entries, generate_series(1, 3) d WHERE name = 'nightly_sync';

-- The Stripe limiter: 100 calls per hour per account; acct_blocked used its budget up and is in a
-- cooldown after a 429 (tour: limiter explain).
INSERT INTO oban_powertools_limit_resources (id, name, scope_kind, algorithm, bucket_span_ms, bucket_capacity, default_weight,
                                             partition_strategy, partition_config, metadata, inserted_at, updated_at)
VALUES ('d0000000-0000-0000-0000-000000000001', 'stripe_api', 'partitioned', 'token_bucket', 3600000, 100, 1, 'partitioned',
        '{"resolver": "args:account_id"}', '{"worker": "Demo.Billing.ChargeInvoice"}', now(), now()),
       ('d0000000-0000-0000-0000-000000000002', 'smtp', 'global', 'token_bucket', 60000, 100, 1, 'global', '{}', '{}', now(), now());
INSERT INTO oban_powertools_limit_states (id, resource_id, partition_key, tokens_used, bucket_started_at, cooldown_until,
                                          cooldown_reason, inserted_at, updated_at)
VALUES (gen_random_uuid(), 'd0000000-0000-0000-0000-000000000001', 'acct_blocked', 100, timezone('UTC', now()) - interval '10 minutes', timezone('UTC', now()) + interval '30 days',
        '429 Too Many Requests from api.stripe.com', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-000000000001', 'acct_7', 3, timezone('UTC', now()) - interval '1 hour', NULL, NULL, now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-000000000002', '__global__', 12, timezone('UTC', now()) - interval '10 minutes', NULL, NULL, now(), now());

-- The nightly import workflow: fetch completed, transform failed, load cancelled with it, publish
-- blocked behind it, approval waiting for a signal, report runnable.
INSERT INTO oban_powertools_workflows (id, name, state, terminal_cause, step_count, completed_step_count, failed_step_count,
                                       cancelled_step_count, runnable_step_count, inserted_at, updated_at)
VALUES ('d0000000-0000-0000-0000-0000000000f1', 'nightly_import', 'failed', 'step_failed', 6, 1, 1, 1, 1, now(), now());
INSERT INTO oban_powertools_workflow_steps (id, workflow_id, step_name, worker, state, position, terminal_cause, blocker_codes,
                                            awaiting_signal_name, attempt, inserted_at, updated_at)
VALUES ('d0000000-0000-0000-0000-000000000101', 'd0000000-0000-0000-0000-0000000000f1', 'fetch', 'Demo.Import.Fetch', 'completed', 0, 'completed', '{}', NULL, 1, now(), now()),
       ('d0000000-0000-0000-0000-000000000102', 'd0000000-0000-0000-0000-0000000000f1', 'transform', 'Demo.Import.Transform', 'failed', 1, 'step_failed', '{}', NULL, 3, now(), now()),
       ('d0000000-0000-0000-0000-000000000103', 'd0000000-0000-0000-0000-0000000000f1', 'load', 'Demo.Import.Load', 'cancelled', 2, 'cancelled_by_dependency', '{cancelled_by_dependency}', NULL, 0, now(), now()),
       ('d0000000-0000-0000-0000-000000000104', 'd0000000-0000-0000-0000-0000000000f1', 'publish', 'Demo.Import.Publish', 'pending', 3, NULL, '{waiting_on_dependencies}', NULL, 0, now(), now()),
       ('d0000000-0000-0000-0000-000000000105', 'd0000000-0000-0000-0000-0000000000f1', 'approve', 'Demo.Import.Approve', 'awaiting_signal', 4, NULL, '{waiting_on_signal}', 'manager_approval', 0, now(), now()),
       ('d0000000-0000-0000-0000-000000000106', 'd0000000-0000-0000-0000-0000000000f1', 'report', 'Demo.Import.Report', 'available', 5, NULL, '{}', NULL, 0, now(), now());
INSERT INTO oban_powertools_workflow_edges (id, workflow_id, from_step_id, to_step_id, policy, inserted_at, updated_at)
VALUES (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000101', 'd0000000-0000-0000-0000-000000000102', 'cancel', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000102', 'd0000000-0000-0000-0000-000000000103', 'cancel', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000103', 'd0000000-0000-0000-0000-000000000104', 'cancel', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000101', 'd0000000-0000-0000-0000-000000000105', 'cancel', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000101', 'd0000000-0000-0000-0000-000000000106', 'cancel', now(), now());
INSERT INTO oban_powertools_workflow_results (id, workflow_id, step_id, attempt, status, summary, recorded_at, inserted_at)
VALUES (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000101', 1, 'completed', '12 400 rows fetched', now(), now()),
       (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000102', 3, 'failed', 'invalid date in column 7, row 8812', now(), now());
INSERT INTO oban_powertools_workflow_awaits (id, workflow_id, step_id, signal_name, correlation_key, dedupe_key, status, deadline_at, inserted_at)
VALUES (gen_random_uuid(), 'd0000000-0000-0000-0000-0000000000f1', 'd0000000-0000-0000-0000-000000000105', 'manager_approval', 'import-nightly', 'import-nightly', 'waiting', now() + interval '1 day', now());

-- Audit history written by the Elixir library (not chained: obanctl chains only its own events).
INSERT INTO oban_powertools_audit_events (actor_id, action, event_type, resource, resource_type, resource_id, metadata, inserted_at)
VALUES ('alice', 'cron.paused', 'cron', 'weekly_cleanup', 'cron_entry', 'weekly_cleanup',
        '{"reason": "cleanup deletes rows the migration still needs", "source": "oban_powertools_web"}', date_trunc('second', timezone('UTC', now())) - interval '5 days'),
       ('bob', 'lifeline.repair_executed', 'lifeline', 'job', 'job', '812',
        '{"operation": "retry", "reason": "stuck after deploy", "source": "oban_powertools_web"}', date_trunc('second', timezone('UTC', now())) - interval '2 days'),
       ('system', 'workflow.step_failed', 'workflow', 'nightly_import', 'workflow', 'd0000000-0000-0000-0000-0000000000f1',
        '{"step": "transform", "attempt": 3}', date_trunc('second', timezone('UTC', now())) - interval '3 hours');
