
use builtin;
use str;

set edit:completion:arg-completer[obanctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'obanctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'obanctl'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Create the 27 Oban Powertools tables, or write them as an Ecto migration'
            cand doctor 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)'
            cand jobs 'List, show, count, retry, cancel and discard jobs'
            cand cron 'List cron entries with computed fire times; pause and resume them'
            cand limiter 'Explain why a limiter blocks, and simulate its decisions (read-only)'
            cand workflow 'List workflows and inspect one as a tree (read-only)'
            cand audit 'Read the audit trail: tail (and follow) it, export it'
            cand config 'Show the settings in effect and where each one came from'
            cand demo 'A ready-made demo database to try every command on: up, tour, down'
            cand completions 'Print a shell completion script, or write all of them into a directory'
            cand man 'Write man pages (one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;install'= {
            cand --ecto 'Write a timestamped Ecto migration into DIR (e.g. `priv/repo/migrations`) instead of touching the database'
            cand --ecto-repo 'Repo module for the Ecto migration (default: derived from the app''s `mix.exs`)'
            cand --operator-role 'With --harden: the role obanctl operators connect as'
            cand --retention-role 'With --harden: the role that runs `audit purge`'
            cand --with-oban 'Also create an Oban v14 schema in `--prefix` (refused if `oban_jobs` already exists there)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --dry-run 'Print the SQL that would run, and change nothing'
            cand --harden 'Print the GRANT/REVOKE statements that make the audit tables append-only for an operator role and deletable only by a retention role (with --apply, run them)'
            cand --apply 'With --harden: run the statements instead of printing them'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;doctor'= {
            cand --only 'Run only these checks (repeat or comma-separate)'
            cand --skip 'Skip these checks (repeat or comma-separate)'
            cand --fail-on 'What makes the run fail with exit 2'
            cand --explain 'Explain what a check looks at, what it reports and how to fix it, and exit'
            cand --check-timeout 'Longest each check may run (its statement_timeout)'
            cand --oban-version 'The Oban migration version the application''s Oban expects'
            cand --backlog-threshold 'Jobs in unique states at which uniqueness_backlog warns'
            cand --stuck-after 'Executing longer than this is stuck'
            cand --overdue-after 'Due (available, or scheduled/retryable not staged) longer than this is overdue'
            cand --dead-ratio 'Dead-tuple share of oban_jobs that warns'
            cand --dead-ratio-error 'Dead-tuple share of oban_jobs that is an error'
            cand --completed-age 'Finished jobs older than this count toward completed_backlog'
            cand --completed-backlog 'Old finished jobs per state at which completed_backlog warns'
            cand --long-transaction 'Transactions open longer than this are reported'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --strict 'Count warnings of uniqueness_backlog and expired_deadlines as errors'
            cand --list-checks 'List the checks with a one-line description, and exit'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List jobs matching filters, by ascending id (keyset pages with --after)'
            cand show 'Show every column of one job, its error history (latest first) and meta'
            cand count 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
            cand retry 'Make jobs available to run again, as Oban''s retry does'
            cand cancel 'Cancel jobs (executing ones are also sent Oban''s pkill signal)'
            cand discard 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;jobs;list'= {
            cand --limit 'Page size'
            cand --after 'Start after this job id (the last id of the previous page)'
            cand --state 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled'
            cand --queue 'Queue name'
            cand --worker 'Worker module, e.g. MyApp.Workers.Mailer'
            cand --tag 'Tag the job must have (repeat: must have all)'
            cand --id 'Job id (repeat or comma-separate)'
            cand --args 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)'
            cand --meta 'Meta contains KEY=VALUE (same rules as --args)'
            cand --since 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Only jobs whose state''s timestamp is before this time'
            cand --error-contains 'Only jobs with an error entry containing this text (case-insensitive)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;show'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;count'= {
            cand --state 'Only these states'
            cand --queue 'Only these queues'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --exact 'Count rows instead of reading planner estimates (slow on large tables)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;retry'= {
            cand --max 'Refuse when more jobs than this match'
            cand --reason 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal'
            cand --batch-size 'Jobs per transaction'
            cand --sleep-ms 'Pause between batches, in milliseconds'
            cand --parallel 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)'
            cand --state 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled'
            cand --queue 'Queue name'
            cand --worker 'Worker module, e.g. MyApp.Workers.Mailer'
            cand --tag 'Tag the job must have (repeat: must have all)'
            cand --id 'Job id (repeat or comma-separate)'
            cand --args 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)'
            cand --meta 'Meta contains KEY=VALUE (same rules as --args)'
            cand --since 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Only jobs whose state''s timestamp is before this time'
            cand --error-contains 'Only jobs with an error entry containing this text (case-insensitive)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --include-completed 'Also retry completed jobs (re-runs finished work)'
            cand --all 'Allow a run with no filter at all (every job in an allowed state)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Print the plan and change nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;cancel'= {
            cand --max 'Refuse when more jobs than this match'
            cand --reason 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal'
            cand --batch-size 'Jobs per transaction'
            cand --sleep-ms 'Pause between batches, in milliseconds'
            cand --parallel 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)'
            cand --state 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled'
            cand --queue 'Queue name'
            cand --worker 'Worker module, e.g. MyApp.Workers.Mailer'
            cand --tag 'Tag the job must have (repeat: must have all)'
            cand --id 'Job id (repeat or comma-separate)'
            cand --args 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)'
            cand --meta 'Meta contains KEY=VALUE (same rules as --args)'
            cand --since 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Only jobs whose state''s timestamp is before this time'
            cand --error-contains 'Only jobs with an error entry containing this text (case-insensitive)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --all 'Allow a run with no filter at all (every job in an allowed state)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Print the plan and change nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;discard'= {
            cand --max 'Refuse when more jobs than this match'
            cand --reason 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal'
            cand --batch-size 'Jobs per transaction'
            cand --sleep-ms 'Pause between batches, in milliseconds'
            cand --parallel 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)'
            cand --state 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled'
            cand --queue 'Queue name'
            cand --worker 'Worker module, e.g. MyApp.Workers.Mailer'
            cand --tag 'Tag the job must have (repeat: must have all)'
            cand --id 'Job id (repeat or comma-separate)'
            cand --args 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)'
            cand --meta 'Meta contains KEY=VALUE (same rules as --args)'
            cand --since 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Only jobs whose state''s timestamp is before this time'
            cand --error-contains 'Only jobs with an error entry containing this text (case-insensitive)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --all 'Allow a run with no filter at all (every job in an allowed state)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Print the plan and change nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;jobs;help'= {
            cand list 'List jobs matching filters, by ascending id (keyset pages with --after)'
            cand show 'Show every column of one job, its error history (latest first) and meta'
            cand count 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
            cand retry 'Make jobs available to run again, as Oban''s retry does'
            cand cancel 'Cancel jobs (executing ones are also sent Oban''s pkill signal)'
            cand discard 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;jobs;help;list'= {
        }
        &'obanctl;jobs;help;show'= {
        }
        &'obanctl;jobs;help;count'= {
        }
        &'obanctl;jobs;help;retry'= {
        }
        &'obanctl;jobs;help;cancel'= {
        }
        &'obanctl;jobs;help;discard'= {
        }
        &'obanctl;jobs;help;help'= {
        }
        &'obanctl;cron'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every cron entry with its schedule, pause state, last claim and next three fire times'
            cand show 'One entry: its settings and policies, recent slots and audit history'
            cand pause 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
            cand resume 'Resume a paused entry (idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;cron;list'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;cron;show'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;cron;pause'= {
            cand --reason 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Show what would change, and change nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;cron;resume'= {
            cand --reason 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --dry-run 'Show what would change, and change nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;cron;help'= {
            cand list 'Every cron entry with its schedule, pause state, last claim and next three fire times'
            cand show 'One entry: its settings and policies, recent slots and audit history'
            cand pause 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
            cand resume 'Resume a paused entry (idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;cron;help;list'= {
        }
        &'obanctl;cron;help;show'= {
        }
        &'obanctl;cron;help;pause'= {
        }
        &'obanctl;cron;help;resume'= {
        }
        &'obanctl;cron;help;help'= {
        }
        &'obanctl;limiter'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand explain 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
            cand simulate 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;limiter;explain'= {
            cand --partition 'Only this partition (default: __global__ for a global limiter, every partition otherwise)'
            cand --weight 'Weight of the request to judge (default: the limiter''s default weight)'
            cand --worker 'Find the limiter by the worker that last reserved on it'
            cand --args 'With --worker: the job args as a JSON object, to resolve an `args:<field>` partition'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;limiter;simulate'= {
            cand --requests 'How many requests'
            cand --weight 'Weight of each request (default: the limiter''s default weight)'
            cand --interval 'Milliseconds between requests'
            cand --now 'When the first request arrives (RFC 3339 or a date; default: the database clock)'
            cand --partition 'Partition to simulate (default: __global__)'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --fresh 'Start from an empty partition instead of its live state'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;limiter;help'= {
            cand explain 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
            cand simulate 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;limiter;help;explain'= {
        }
        &'obanctl;limiter;help;simulate'= {
        }
        &'obanctl;limiter;help;help'= {
        }
        &'obanctl;workflow'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Workflows, newest first, with their state and step counts'
            cand inspect 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;workflow;list'= {
            cand --state 'Only workflows in this state (repeat or comma-separate): available, pending, running, cancel_requested, completed, failed, cancelled, expired'
            cand --limit 'How many'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;workflow;inspect'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --dot 'Print the graph as Graphviz DOT instead'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;workflow;help'= {
            cand list 'Workflows, newest first, with their state and step counts'
            cand inspect 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;workflow;help;list'= {
        }
        &'obanctl;workflow;help;inspect'= {
        }
        &'obanctl;workflow;help;help'= {
        }
        &'obanctl;audit'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tail 'Newest audit events first; --follow keeps printing new ones as they commit'
            cand export 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
            cand verify 'Recompute the tamper-evident chain and report the first break (exit 2)'
            cand purge 'Delete events older than a cutoff (a dry run unless --execute)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;audit;tail'= {
            cand --limit 'How many events'
            cand --actor 'The actor_id column, e.g. ops-demo'
            cand --action 'Action (event type), e.g. cron.paused, lifeline.repair_executed'
            cand --resource 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE'
            cand --operation 'Operation recorded in metadata, e.g. job_retry'
            cand --since 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Events before this time'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -f 'Keep printing new events as they commit (Ctrl-C to stop)'
            cand --follow 'Keep printing new events as they commit (Ctrl-C to stop)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;audit;export'= {
            cand --as 'File format'
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --actor 'The actor_id column, e.g. ops-demo'
            cand --action 'Action (event type), e.g. cron.paused, lifeline.repair_executed'
            cand --resource 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE'
            cand --operation 'Operation recorded in metadata, e.g. job_retry'
            cand --since 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)'
            cand --until 'Events before this time'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;audit;verify'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;audit;purge'= {
            cand --older-than 'Delete events older than this, e.g. 90d (1s to 1000 years)'
            cand --reason 'Why (8 to 1000 characters); recorded in every checkpoint event'
            cand --batch-size 'Events per transaction'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --execute 'Actually delete (otherwise only counts are shown)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;audit;help'= {
            cand tail 'Newest audit events first; --follow keeps printing new ones as they commit'
            cand export 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
            cand verify 'Recompute the tamper-evident chain and report the first break (exit 2)'
            cand purge 'Delete events older than a cutoff (a dry run unless --execute)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;audit;help;tail'= {
        }
        &'obanctl;audit;help;export'= {
        }
        &'obanctl;audit;help;verify'= {
        }
        &'obanctl;audit;help;purge'= {
        }
        &'obanctl;audit;help;help'= {
        }
        &'obanctl;config'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print every resolved setting with its source (flag, env, config file, default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;config;show'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;config;help'= {
            cand show 'Print every resolved setting with its source (flag, env, config file, default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;config;help;show'= {
        }
        &'obanctl;config;help;help'= {
        }
        &'obanctl;demo'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand up 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
            cand tour 'Print a guided sequence of commands to run on the demo, each runnable as printed'
            cand down 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;demo;up'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand --private 'Start a private throwaway cluster even when a server is reachable'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;demo;tour'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;demo;down'= {
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;demo;help'= {
            cand up 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
            cand tour 'Print a guided sequence of commands to run on the demo, each runnable as printed'
            cand down 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;demo;help;up'= {
        }
        &'obanctl;demo;help;tour'= {
        }
        &'obanctl;demo;help;down'= {
        }
        &'obanctl;demo;help;help'= {
        }
        &'obanctl;completions'= {
            cand --out-dir 'Write the scripts for every supported shell into DIR instead'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;man'= {
            cand --out-dir 'Directory to write `obanctl.1` and `obanctl-<subcommand>.1` into'
            cand --database-url 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]'
            cand --prefix 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]'
            cand --powertools-schema 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]'
            cand --format 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]'
            cand --color 'When to use colour [env: OBANCTL_COLOR] [default: auto]'
            cand --actor 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]'
            cand --statement-timeout 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]'
            cand --lock-timeout 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]'
            cand --profile 'Named profile from the config file [env: OBANCTL_PROFILE]'
            cand --config 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'obanctl;help'= {
            cand install 'Create the 27 Oban Powertools tables, or write them as an Ecto migration'
            cand doctor 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)'
            cand jobs 'List, show, count, retry, cancel and discard jobs'
            cand cron 'List cron entries with computed fire times; pause and resume them'
            cand limiter 'Explain why a limiter blocks, and simulate its decisions (read-only)'
            cand workflow 'List workflows and inspect one as a tree (read-only)'
            cand audit 'Read the audit trail: tail (and follow) it, export it'
            cand config 'Show the settings in effect and where each one came from'
            cand demo 'A ready-made demo database to try every command on: up, tour, down'
            cand completions 'Print a shell completion script, or write all of them into a directory'
            cand man 'Write man pages (one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;help;install'= {
        }
        &'obanctl;help;doctor'= {
        }
        &'obanctl;help;jobs'= {
            cand list 'List jobs matching filters, by ascending id (keyset pages with --after)'
            cand show 'Show every column of one job, its error history (latest first) and meta'
            cand count 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
            cand retry 'Make jobs available to run again, as Oban''s retry does'
            cand cancel 'Cancel jobs (executing ones are also sent Oban''s pkill signal)'
            cand discard 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)'
        }
        &'obanctl;help;jobs;list'= {
        }
        &'obanctl;help;jobs;show'= {
        }
        &'obanctl;help;jobs;count'= {
        }
        &'obanctl;help;jobs;retry'= {
        }
        &'obanctl;help;jobs;cancel'= {
        }
        &'obanctl;help;jobs;discard'= {
        }
        &'obanctl;help;cron'= {
            cand list 'Every cron entry with its schedule, pause state, last claim and next three fire times'
            cand show 'One entry: its settings and policies, recent slots and audit history'
            cand pause 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
            cand resume 'Resume a paused entry (idempotent)'
        }
        &'obanctl;help;cron;list'= {
        }
        &'obanctl;help;cron;show'= {
        }
        &'obanctl;help;cron;pause'= {
        }
        &'obanctl;help;cron;resume'= {
        }
        &'obanctl;help;limiter'= {
            cand explain 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
            cand simulate 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
        }
        &'obanctl;help;limiter;explain'= {
        }
        &'obanctl;help;limiter;simulate'= {
        }
        &'obanctl;help;workflow'= {
            cand list 'Workflows, newest first, with their state and step counts'
            cand inspect 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
        }
        &'obanctl;help;workflow;list'= {
        }
        &'obanctl;help;workflow;inspect'= {
        }
        &'obanctl;help;audit'= {
            cand tail 'Newest audit events first; --follow keeps printing new ones as they commit'
            cand export 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
            cand verify 'Recompute the tamper-evident chain and report the first break (exit 2)'
            cand purge 'Delete events older than a cutoff (a dry run unless --execute)'
        }
        &'obanctl;help;audit;tail'= {
        }
        &'obanctl;help;audit;export'= {
        }
        &'obanctl;help;audit;verify'= {
        }
        &'obanctl;help;audit;purge'= {
        }
        &'obanctl;help;config'= {
            cand show 'Print every resolved setting with its source (flag, env, config file, default)'
        }
        &'obanctl;help;config;show'= {
        }
        &'obanctl;help;demo'= {
            cand up 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
            cand tour 'Print a guided sequence of commands to run on the demo, each runnable as printed'
            cand down 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
        }
        &'obanctl;help;demo;up'= {
        }
        &'obanctl;help;demo;tour'= {
        }
        &'obanctl;help;demo;down'= {
        }
        &'obanctl;help;completions'= {
        }
        &'obanctl;help;man'= {
        }
        &'obanctl;help;help'= {
        }
    ]
    $completions[$command]
}
