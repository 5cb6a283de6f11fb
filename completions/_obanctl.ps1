
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'obanctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'obanctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'obanctl' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Create the 27 Oban Powertools tables, or write them as an Ecto migration')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List, show, count, retry, cancel and discard jobs')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Every queue: jobs by state, wait, executing, throughput, and what its nodes report')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Pause, resume, scale or stop a queue on its nodes (audited signals, confirmed by gossip)')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'Every node from any source: leader, queues, running jobs, last seen, liveness')
            [CompletionResult]::new('cron', 'cron', [CompletionResultType]::ParameterValue, 'List cron entries with computed fire times; pause and resume them')
            [CompletionResult]::new('limiter', 'limiter', [CompletionResultType]::ParameterValue, 'Explain why a limiter blocks, and simulate its decisions (read-only)')
            [CompletionResult]::new('workflow', 'workflow', [CompletionResultType]::ParameterValue, 'List workflows and inspect one as a tree (read-only)')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live terminal dashboard: queues, failures, activity; retry, cancel, discard from the keys')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Print the dashboard''s numbers in the Prometheus text format (or keep a file up to date)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit trail: tail (and follow) it, export it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each one came from')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A ready-made demo database to try every command on: up, tour, down')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, or write all of them into a directory')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (one per subcommand) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;install' {
            [CompletionResult]::new('--ecto', '--ecto', [CompletionResultType]::ParameterName, 'Write a timestamped Ecto migration into DIR (e.g. `priv/repo/migrations`) instead of touching the database')
            [CompletionResult]::new('--ecto-repo', '--ecto-repo', [CompletionResultType]::ParameterName, 'Repo module for the Ecto migration (default: derived from the app''s `mix.exs`)')
            [CompletionResult]::new('--operator-role', '--operator-role', [CompletionResultType]::ParameterName, 'With --harden: the role obanctl operators connect as')
            [CompletionResult]::new('--retention-role', '--retention-role', [CompletionResultType]::ParameterName, 'With --harden: the role that runs `audit purge`')
            [CompletionResult]::new('--with-oban', '--with-oban', [CompletionResultType]::ParameterName, 'Also create an Oban v14 schema in `--prefix` (refused if `oban_jobs` already exists there)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the SQL that would run, and change nothing')
            [CompletionResult]::new('--harden', '--harden', [CompletionResultType]::ParameterName, 'Print the GRANT/REVOKE statements that make the audit tables append-only for an operator role and deletable only by a retention role (with --apply, run them)')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'With --harden: run the statements instead of printing them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;doctor' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (repeat or comma-separate)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip these checks (repeat or comma-separate)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'What makes the run fail with exit 2')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Explain what a check looks at, what it reports and how to fix it, and exit')
            [CompletionResult]::new('--check-timeout', '--check-timeout', [CompletionResultType]::ParameterName, 'Longest each check may run (its statement_timeout)')
            [CompletionResult]::new('--oban-version', '--oban-version', [CompletionResultType]::ParameterName, 'The Oban migration version the application''s Oban expects')
            [CompletionResult]::new('--backlog-threshold', '--backlog-threshold', [CompletionResultType]::ParameterName, 'Jobs in unique states at which uniqueness_backlog warns')
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'Executing longer than this is stuck')
            [CompletionResult]::new('--overdue-after', '--overdue-after', [CompletionResultType]::ParameterName, 'Due (available, or scheduled/retryable not staged) longer than this is overdue')
            [CompletionResult]::new('--dead-ratio', '--dead-ratio', [CompletionResultType]::ParameterName, 'Dead-tuple share of oban_jobs that warns')
            [CompletionResult]::new('--dead-ratio-error', '--dead-ratio-error', [CompletionResultType]::ParameterName, 'Dead-tuple share of oban_jobs that is an error')
            [CompletionResult]::new('--completed-age', '--completed-age', [CompletionResultType]::ParameterName, 'Finished jobs older than this count toward completed_backlog')
            [CompletionResult]::new('--completed-backlog', '--completed-backlog', [CompletionResultType]::ParameterName, 'Old finished jobs per state at which completed_backlog warns')
            [CompletionResult]::new('--long-transaction', '--long-transaction', [CompletionResultType]::ParameterName, 'Transactions open longer than this are reported')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Count warnings of uniqueness_backlog and expired_deadlines as errors')
            [CompletionResult]::new('--list-checks', '--list-checks', [CompletionResultType]::ParameterName, 'List the checks with a one-line description, and exit')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs matching filters, by ascending id (keyset pages with --after)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every column of one job, its error history (latest first) and meta')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count jobs by state and queue (planner estimates on large tables unless --exact)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Make jobs available to run again, as Oban''s retry does')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs (executing ones are also sent Oban''s pkill signal)')
            [CompletionResult]::new('discard', 'discard', [CompletionResultType]::ParameterValue, 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'What is failing and why: failing jobs grouped by worker and error signature')
            [CompletionResult]::new('rescue', 'rescue', [CompletionResultType]::ParameterValue, 'Rescue executing jobs a dead node left behind: back to available (or discarded)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;jobs;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Page size')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Start after this job id (the last id of the previous page)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;count' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only these states')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only these queues')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count rows instead of reading planner estimates (slow on large tables)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;retry' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse when more jobs than this match')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Jobs per transaction')
            [CompletionResult]::new('--sleep-ms', '--sleep-ms', [CompletionResultType]::ParameterName, 'Pause between batches, in milliseconds')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--include-completed', '--include-completed', [CompletionResultType]::ParameterName, 'Also retry completed jobs (re-runs finished work)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Allow a run with no filter at all (every job in an allowed state)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;cancel' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse when more jobs than this match')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Jobs per transaction')
            [CompletionResult]::new('--sleep-ms', '--sleep-ms', [CompletionResultType]::ParameterName, 'Pause between batches, in milliseconds')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Allow a run with no filter at all (every job in an allowed state)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;discard' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse when more jobs than this match')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Jobs per transaction')
            [CompletionResult]::new('--sleep-ms', '--sleep-ms', [CompletionResultType]::ParameterName, 'Pause between batches, in milliseconds')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Allow a run with no filter at all (every job in an allowed state)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;errors' {
            [CompletionResult]::new('--scan', '--scan', [CompletionResultType]::ParameterName, 'Read at most this many failing jobs, the newest first')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most this many groups, the largest first')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;rescue' {
            [CompletionResult]::new('--stuck-after', '--stuck-after', [CompletionResultType]::ParameterName, 'Select by age instead: executing jobs whose attempted_at is older than this (e.g. 30m), on nodes not known to be alive')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'How long to listen to the nodes'' gossip (0 to not listen)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse when more jobs than this match')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Jobs per transaction')
            [CompletionResult]::new('--sleep-ms', '--sleep-ms', [CompletionResultType]::ParameterName, 'Pause between batches, in milliseconds')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With job ids: rescue them even if their node looks alive (it may run them twice)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Allow a run with no filter at all (every job in an allowed state)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete jobs whose state''s timestamp is older than this, e.g. 30d (1s to 1000 years)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Finished state to delete (repeat or comma-separate): completed, cancelled, discarded [default: all three]')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Only jobs of this queue (repeat for several)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Only jobs of this worker (repeat for several)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'Write every deleted row (raw, unredacted) to FILE before it is deleted (.gz: gzip; -: stdout)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Delete at most this many jobs in this run (rerun to continue)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Jobs per transaction')
            [CompletionResult]::new('--sleep-ms', '--sleep-ms', [CompletionResultType]::ParameterName, 'Pause between batches, in milliseconds (implies --parallel 1)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Run up to N batches at once, each in its own connection and transaction')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be deleted and delete nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;restore' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Rows per transaction')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the archives and count what they hold; insert nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;export' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'File format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (.gz: gzip)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (.gz: gzip)')
            [CompletionResult]::new('--meta-file', '--meta-file', [CompletionResultType]::ParameterName, 'CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE: FILE.meta.jsonl] (--meta is the filter on job meta here)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'Queue name')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Worker module, e.g. MyApp.Workers.Mailer')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag the job must have (repeat: must have all)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Job id (repeat or comma-separate)')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Meta contains KEY=VALUE (same rules as --args)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only jobs whose state''s timestamp is before this time')
            [CompletionResult]::new('--error-contains', '--error-contains', [CompletionResultType]::ParameterName, 'Only jobs with an error entry containing this text (case-insensitive)')
            [CompletionResult]::new('--error-signature', '--error-signature', [CompletionResultType]::ParameterName, 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;jobs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs matching filters, by ascending id (keyset pages with --after)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every column of one job, its error history (latest first) and meta')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count jobs by state and queue (planner estimates on large tables unless --exact)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Make jobs available to run again, as Oban''s retry does')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs (executing ones are also sent Oban''s pkill signal)')
            [CompletionResult]::new('discard', 'discard', [CompletionResultType]::ParameterValue, 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'What is failing and why: failing jobs grouped by worker and error signature')
            [CompletionResult]::new('rescue', 'rescue', [CompletionResultType]::ParameterValue, 'Rescue executing jobs a dead node left behind: back to available (or discarded)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;jobs;help;list' {
            break
        }
        'obanctl;jobs;help;show' {
            break
        }
        'obanctl;jobs;help;count' {
            break
        }
        'obanctl;jobs;help;retry' {
            break
        }
        'obanctl;jobs;help;cancel' {
            break
        }
        'obanctl;jobs;help;discard' {
            break
        }
        'obanctl;jobs;help;errors' {
            break
        }
        'obanctl;jobs;help;rescue' {
            break
        }
        'obanctl;jobs;help;prune' {
            break
        }
        'obanctl;jobs;help;restore' {
            break
        }
        'obanctl;jobs;help;export' {
            break
        }
        'obanctl;jobs;help;help' {
            break
        }
        'obanctl;queues' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'How long to listen to the nodes'' gossip (0 to not listen)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between redraws with --watch (500ms to 10m)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every --interval until interrupted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The same as `obanctl queues`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;queues;list' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'How long to listen to the nodes'' gossip (0 to not listen)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between redraws with --watch (500ms to 10m)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every --interval until interrupted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;queues;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The same as `obanctl queues`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;queues;help;list' {
            break
        }
        'obanctl;queues;help;help' {
            break
        }
        'obanctl;queue' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause queues: nodes stop fetching new jobs (running ones finish)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume paused queues')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Change a queue''s local concurrency limit on its nodes')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a queue''s producers on its nodes (until the node restarts); asks twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;queue;pause' {
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--confirm-timeout', '--confirm-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the nodes to confirm the new state (0 to not wait)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every queue (sends `"queue":"*"`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent, and send nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;queue;resume' {
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--confirm-timeout', '--confirm-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the nodes to confirm the new state (0 to not wait)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every queue (sends `"queue":"*"`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent, and send nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;queue;scale' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'New local limit per node (1 to 10,000; more with --force)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--confirm-timeout', '--confirm-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the nodes to confirm the new state (0 to not wait)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow a limit above 10,000')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent, and send nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;queue;stop' {
            [CompletionResult]::new('--confirm-queue', '--confirm-queue', [CompletionResultType]::ParameterName, 'The queue''s name again: the second confirmation (asked for on a terminal)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--confirm-timeout', '--confirm-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the nodes to confirm the new state (0 to not wait)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent, and send nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;queue;help' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause queues: nodes stop fetching new jobs (running ones finish)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume paused queues')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Change a queue''s local concurrency limit on its nodes')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a queue''s producers on its nodes (until the node restarts); asks twice')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;queue;help;pause' {
            break
        }
        'obanctl;queue;help;resume' {
            break
        }
        'obanctl;queue;help;scale' {
            break
        }
        'obanctl;queue;help;stop' {
            break
        }
        'obanctl;queue;help;help' {
            break
        }
        'obanctl;nodes' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'How long to listen to the nodes'' gossip (0 to not listen)')
            [CompletionResult]::new('--listen-url', '--listen-url', [CompletionResultType]::ParameterName, 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;cron' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every cron entry with its schedule, pause state, last claim and next fire time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One entry: its settings and policies, next three fire times, recent slots and audit history')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause an entry (idempotent: an already paused entry is reported, not changed)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused entry (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;cron;list' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;cron;show' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;cron;pause' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;cron;resume' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, and change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;cron;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every cron entry with its schedule, pause state, last claim and next fire time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One entry: its settings and policies, next three fire times, recent slots and audit history')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause an entry (idempotent: an already paused entry is reported, not changed)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused entry (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;cron;help;list' {
            break
        }
        'obanctl;cron;help;show' {
            break
        }
        'obanctl;cron;help;pause' {
            break
        }
        'obanctl;cron;help;resume' {
            break
        }
        'obanctl;cron;help;help' {
            break
        }
        'obanctl;limiter' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;limiter;list' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;limiter;explain' {
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (default: __global__ for a global limiter, every partition otherwise)')
            [CompletionResult]::new('--weight', '--weight', [CompletionResultType]::ParameterName, 'Weight of the request to judge (default: the limiter''s default weight)')
            [CompletionResult]::new('--worker', '--worker', [CompletionResultType]::ParameterName, 'Find the limiter by the worker that last reserved on it')
            [CompletionResult]::new('--args', '--args', [CompletionResultType]::ParameterName, 'With --worker: the job args as a JSON object, to resolve an `args:<field>` partition')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;limiter;simulate' {
            [CompletionResult]::new('--requests', '--requests', [CompletionResultType]::ParameterName, 'How many requests')
            [CompletionResult]::new('--weight', '--weight', [CompletionResultType]::ParameterName, 'Weight of each request (default: the limiter''s default weight)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Milliseconds between requests (0 to 3,162,240,000,000, i.e. 100 years)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'When the first request arrives (RFC 3339 or a date; default: the database clock)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to simulate (default: __global__)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--fresh', '--fresh', [CompletionResultType]::ParameterName, 'Start from an empty partition instead of its live state')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;limiter;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;limiter;help;list' {
            break
        }
        'obanctl;limiter;help;explain' {
            break
        }
        'obanctl;limiter;help;simulate' {
            break
        }
        'obanctl;limiter;help;help' {
            break
        }
        'obanctl;workflow' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Workflows, newest first, with their state and step counts')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;workflow;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only workflows in this state (repeat or comma-separate): available, pending, running, cancel_requested, completed, failed, cancelled, expired')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;workflow;inspect' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--dot', '--dot', [CompletionResultType]::ParameterName, 'Print the graph as Graphviz DOT instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;workflow;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Workflows, newest first, with their state and step counts')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;workflow;help;list' {
            break
        }
        'obanctl;workflow;help;inspect' {
            break
        }
        'obanctl;workflow;help;help' {
            break
        }
        'obanctl;top' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between refreshes (500ms to 10m)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Show only: disable every action')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;metrics' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (atomically: a temporary file in the same directory, then a rename) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (atomically: a temporary file in the same directory, then a rename) instead of stdout')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between rewrites with --watch (1s to 1h)')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep rewriting --output every --interval until interrupted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Newest audit events first; --follow keeps printing new ones as they commit')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print (or append to a file) the chain''s head as one JSON line, to keep where the database''s writers cannot reach')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete events older than a cutoff (a dry run unless --execute)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;audit;tail' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many events')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Events by this actor (the actor_id column), e.g. ops-demo. The global --actor says who is acting and is never a filter')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Action (event type), e.g. cron.paused, lifeline.repair_executed')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation recorded in metadata, e.g. job_retry')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Events before this time')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events as they commit (Ctrl-C to stop)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events as they commit (Ctrl-C to stop)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit;export' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'File format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE: FILE.meta.jsonl]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Events by this actor (the actor_id column), e.g. ops-demo. The global --actor says who is acting and is never a filter')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Action (event type), e.g. cron.paused, lifeline.repair_executed')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation recorded in metadata, e.g. job_retry')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Events before this time')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit;verify' {
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'A checkpoint file (`audit checkpoint` lines, an `audit export` file or its .meta.jsonl sidecar); repeatable')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit;checkpoint' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Append the line to FILE (created if missing) instead of printing it')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit;purge' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete events older than this, e.g. 90d (1s to 1000 years)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (8 to 1000 characters); recorded in every checkpoint event')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Events per transaction')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Actually delete (otherwise only counts are shown)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;audit;help' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Newest audit events first; --follow keeps printing new ones as they commit')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print (or append to a file) the chain''s head as one JSON line, to keep where the database''s writers cannot reach')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete events older than a cutoff (a dry run unless --execute)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;audit;help;tail' {
            break
        }
        'obanctl;audit;help;export' {
            break
        }
        'obanctl;audit;help;verify' {
            break
        }
        'obanctl;audit;help;checkpoint' {
            break
        }
        'obanctl;audit;help;purge' {
            break
        }
        'obanctl;audit;help;help' {
            break
        }
        'obanctl;config' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every resolved setting with its source (flag, env, config file, default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;config;show' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every resolved setting with its source (flag, env, config file, default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;config;help;show' {
            break
        }
        'obanctl;config;help;help' {
            break
        }
        'obanctl;demo' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file')
            [CompletionResult]::new('tour', 'tour', [CompletionResultType]::ParameterValue, 'Print a guided sequence of commands to run on the demo, each runnable as printed')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;demo;up' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('--private', '--private', [CompletionResultType]::ParameterName, 'Start a private throwaway cluster even when a server is reachable')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;demo;tour' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;demo;down' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;demo;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file')
            [CompletionResult]::new('tour', 'tour', [CompletionResultType]::ParameterValue, 'Print a guided sequence of commands to run on the demo, each runnable as printed')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;demo;help;up' {
            break
        }
        'obanctl;demo;help;tour' {
            break
        }
        'obanctl;demo;help;down' {
            break
        }
        'obanctl;demo;help;help' {
            break
        }
        'obanctl;completions' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write the scripts for every supported shell into DIR instead')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory to write `obanctl.1` and `obanctl-<subcommand>.1` into')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq''s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Schema holding `oban_jobs` (Oban''s "prefix") [env: OBANCTL_PREFIX] [default: public]')
            [CompletionResult]::new('--powertools-schema', '--powertools-schema', [CompletionResultType]::ParameterName, 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour [env: OBANCTL_COLOR] [default: auto]')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file [env: OBANCTL_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print connection details and each step taken (on stderr)')
            [CompletionResult]::new('--no-trunc', '--no-trunc', [CompletionResultType]::ParameterName, 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)')
            [CompletionResult]::new('--local-time', '--local-time', [CompletionResultType]::ParameterName, 'Show times for people in this machine''s time zone with its offset (default: UTC, `Z`). JSON is always UTC')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'obanctl;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Create the 27 Oban Powertools tables, or write them as an Ecto migration')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List, show, count, retry, cancel and discard jobs')
            [CompletionResult]::new('queues', 'queues', [CompletionResultType]::ParameterValue, 'Every queue: jobs by state, wait, executing, throughput, and what its nodes report')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'Pause, resume, scale or stop a queue on its nodes (audited signals, confirmed by gossip)')
            [CompletionResult]::new('nodes', 'nodes', [CompletionResultType]::ParameterValue, 'Every node from any source: leader, queues, running jobs, last seen, liveness')
            [CompletionResult]::new('cron', 'cron', [CompletionResultType]::ParameterValue, 'List cron entries with computed fire times; pause and resume them')
            [CompletionResult]::new('limiter', 'limiter', [CompletionResultType]::ParameterValue, 'Explain why a limiter blocks, and simulate its decisions (read-only)')
            [CompletionResult]::new('workflow', 'workflow', [CompletionResultType]::ParameterValue, 'List workflows and inspect one as a tree (read-only)')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'A live terminal dashboard: queues, failures, activity; retry, cancel, discard from the keys')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Print the dashboard''s numbers in the Prometheus text format (or keep a file up to date)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the audit trail: tail (and follow) it, export it')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each one came from')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A ready-made demo database to try every command on: up, tour, down')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, or write all of them into a directory')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (one per subcommand) into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'obanctl;help;install' {
            break
        }
        'obanctl;help;doctor' {
            break
        }
        'obanctl;help;jobs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List jobs matching filters, by ascending id (keyset pages with --after)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every column of one job, its error history (latest first) and meta')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count jobs by state and queue (planner estimates on large tables unless --exact)')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Make jobs available to run again, as Oban''s retry does')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel jobs (executing ones are also sent Oban''s pkill signal)')
            [CompletionResult]::new('discard', 'discard', [CompletionResultType]::ParameterValue, 'Discard jobs: terminal, recorded in the job''s own error history (executing ones get pkill)')
            [CompletionResult]::new('errors', 'errors', [CompletionResultType]::ParameterValue, 'What is failing and why: failing jobs grouped by worker and error signature')
            [CompletionResult]::new('rescue', 'rescue', [CompletionResultType]::ParameterValue, 'Rescue executing jobs a dead node left behind: back to available (or discarded)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer')
            break
        }
        'obanctl;help;jobs;list' {
            break
        }
        'obanctl;help;jobs;show' {
            break
        }
        'obanctl;help;jobs;count' {
            break
        }
        'obanctl;help;jobs;retry' {
            break
        }
        'obanctl;help;jobs;cancel' {
            break
        }
        'obanctl;help;jobs;discard' {
            break
        }
        'obanctl;help;jobs;errors' {
            break
        }
        'obanctl;help;jobs;rescue' {
            break
        }
        'obanctl;help;jobs;prune' {
            break
        }
        'obanctl;help;jobs;restore' {
            break
        }
        'obanctl;help;jobs;export' {
            break
        }
        'obanctl;help;queues' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The same as `obanctl queues`')
            break
        }
        'obanctl;help;queues;list' {
            break
        }
        'obanctl;help;queue' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause queues: nodes stop fetching new jobs (running ones finish)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume paused queues')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Change a queue''s local concurrency limit on its nodes')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a queue''s producers on its nodes (until the node restarts); asks twice')
            break
        }
        'obanctl;help;queue;pause' {
            break
        }
        'obanctl;help;queue;resume' {
            break
        }
        'obanctl;help;queue;scale' {
            break
        }
        'obanctl;help;queue;stop' {
            break
        }
        'obanctl;help;nodes' {
            break
        }
        'obanctl;help;cron' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every cron entry with its schedule, pause state, last claim and next fire time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One entry: its settings and policies, next three fire times, recent slots and audit history')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause an entry (idempotent: an already paused entry is reported, not changed)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused entry (idempotent)')
            break
        }
        'obanctl;help;cron;list' {
            break
        }
        'obanctl;help;cron;show' {
            break
        }
        'obanctl;help;cron;pause' {
            break
        }
        'obanctl;help;cron;resume' {
            break
        }
        'obanctl;help;limiter' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Judge a limiter''s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked')
            [CompletionResult]::new('simulate', 'simulate', [CompletionResultType]::ParameterValue, 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing')
            break
        }
        'obanctl;help;limiter;list' {
            break
        }
        'obanctl;help;limiter;explain' {
            break
        }
        'obanctl;help;limiter;simulate' {
            break
        }
        'obanctl;help;workflow' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Workflows, newest first, with their state and step counts')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported')
            break
        }
        'obanctl;help;workflow;list' {
            break
        }
        'obanctl;help;workflow;inspect' {
            break
        }
        'obanctl;help;top' {
            break
        }
        'obanctl;help;metrics' {
            break
        }
        'obanctl;help;audit' {
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Newest audit events first; --follow keeps printing new ones as they commit')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print (or append to a file) the chain''s head as one JSON line, to keep where the database''s writers cannot reach')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete events older than a cutoff (a dry run unless --execute)')
            break
        }
        'obanctl;help;audit;tail' {
            break
        }
        'obanctl;help;audit;export' {
            break
        }
        'obanctl;help;audit;verify' {
            break
        }
        'obanctl;help;audit;checkpoint' {
            break
        }
        'obanctl;help;audit;purge' {
            break
        }
        'obanctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every resolved setting with its source (flag, env, config file, default)')
            break
        }
        'obanctl;help;config;show' {
            break
        }
        'obanctl;help;demo' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file')
            [CompletionResult]::new('tour', 'tour', [CompletionResultType]::ParameterValue, 'Print a guided sequence of commands to run on the demo, each runnable as printed')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile')
            break
        }
        'obanctl;help;demo;up' {
            break
        }
        'obanctl;help;demo;tour' {
            break
        }
        'obanctl;help;demo;down' {
            break
        }
        'obanctl;help;completions' {
            break
        }
        'obanctl;help;man' {
            break
        }
        'obanctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
