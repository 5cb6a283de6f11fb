# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_obanctl_global_optspecs
    string join \n database-url= prefix= powertools-schema= format= color= q/quiet v/verbose no-trunc local-time actor= statement-timeout= lock-timeout= profile= config= h/help V/version
end

function __fish_obanctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_obanctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_obanctl_using_subcommand
    set -l cmd (__fish_obanctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c obanctl -n "__fish_obanctl_needs_command" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_needs_command" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_needs_command" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_needs_command" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_needs_command" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_needs_command" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_needs_command" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_needs_command" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "install" -d 'Create the 27 Oban Powertools tables, or write them as an Ecto migration'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "doctor" -d 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "jobs" -d 'List, show, count, retry, cancel and discard jobs'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "queues" -d 'Every queue: jobs by state, wait, executing, throughput, and what its nodes report'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "queue" -d 'Pause, resume, scale or stop a queue on its nodes (audited signals, confirmed by gossip)'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "nodes" -d 'Every node from any source: leader, queues, running jobs, last seen, liveness'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "cron" -d 'List cron entries with computed fire times; pause and resume them'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "limiter" -d 'Explain why a limiter blocks, and simulate its decisions (read-only)'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "workflow" -d 'List workflows and inspect one as a tree (read-only)'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "top" -d 'A live terminal dashboard: queues, failures, activity; retry, cancel, discard from the keys'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "metrics" -d 'Print the dashboard\'s numbers in the Prometheus text format (or keep a file up to date)'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "audit" -d 'Read the audit trail: tail (and follow) it, export it'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "config" -d 'Show the settings in effect and where each one came from'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "demo" -d 'A ready-made demo database to try every command on: up, tour, down'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "completions" -d 'Print a shell completion script, or write all of them into a directory'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "man" -d 'Write man pages (one per subcommand) into a directory'
complete -c obanctl -n "__fish_obanctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l ecto -d 'Write a timestamped Ecto migration into DIR (e.g. `priv/repo/migrations`) instead of touching the database' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l ecto-repo -d 'Repo module for the Ecto migration (default: derived from the app\'s `mix.exs`)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l operator-role -d 'With --harden: the role obanctl operators connect as' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l retention-role -d 'With --harden: the role that runs `audit purge`' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l with-oban -d 'Also create an Oban v14 schema in `--prefix` (refused if `oban_jobs` already exists there)' -r -f -a "elixir\t'Elixir Oban, migration version 14'
python\t'The Python port `oban`'"
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l dry-run -d 'Print the SQL that would run, and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l harden -d 'Print the GRANT/REVOKE statements that make the audit tables append-only for an operator role and deletable only by a retention role (with --apply, run them)'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l apply -d 'With --harden: run the statements instead of printing them'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand install" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l only -d 'Run only these checks (repeat or comma-separate)' -r -f -a "oban_version\t'oban_jobs exists and its migration version matches the Oban the app runs'
index_validity\t'no INVALID indexes on the Oban and Powertools tables'
missing_indexes\t'oban_jobs has the indexes its Oban version and flavour expect'
powertools_tables\t'the 27 Powertools tables exist in --powertools-schema, with every column'
uniqueness_backlog\t'the backlog Oban\'s unique checks scan stays below a threshold'
expired_deadlines\t'no retryable jobs past their Powertools deadline'
stuck_executing\t'no jobs executing for too long or on nodes that are gone'
overdue_available\t'due jobs are picked up and staged in time'
table_bloat\t'dead tuples on oban_jobs stay low and autovacuum keeps up'
completed_backlog\t'the pruner keeps finished jobs from piling up'
long_transactions\t'no transactions hold back vacuum'
blocked_locks\t'no sessions are waiting for locks on oban_jobs'
leadership\t'one Oban node holds a live leadership'"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l skip -d 'Skip these checks (repeat or comma-separate)' -r -f -a "oban_version\t'oban_jobs exists and its migration version matches the Oban the app runs'
index_validity\t'no INVALID indexes on the Oban and Powertools tables'
missing_indexes\t'oban_jobs has the indexes its Oban version and flavour expect'
powertools_tables\t'the 27 Powertools tables exist in --powertools-schema, with every column'
uniqueness_backlog\t'the backlog Oban\'s unique checks scan stays below a threshold'
expired_deadlines\t'no retryable jobs past their Powertools deadline'
stuck_executing\t'no jobs executing for too long or on nodes that are gone'
overdue_available\t'due jobs are picked up and staged in time'
table_bloat\t'dead tuples on oban_jobs stay low and autovacuum keeps up'
completed_backlog\t'the pruner keeps finished jobs from piling up'
long_transactions\t'no transactions hold back vacuum'
blocked_locks\t'no sessions are waiting for locks on oban_jobs'
leadership\t'one Oban node holds a live leadership'"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l fail-on -d 'What makes the run fail with exit 2' -r -f -a "error\t'Errors exit 2, warnings alone exit 1 (the original doctor\'s contract)'
warning\t'Warnings exit 2 too'
never\t'Always exit 0 once the checks ran (report only)'"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l explain -d 'Explain what a check looks at, what it reports and how to fix it, and exit' -r -f -a "oban_version\t'oban_jobs exists and its migration version matches the Oban the app runs'
index_validity\t'no INVALID indexes on the Oban and Powertools tables'
missing_indexes\t'oban_jobs has the indexes its Oban version and flavour expect'
powertools_tables\t'the 27 Powertools tables exist in --powertools-schema, with every column'
uniqueness_backlog\t'the backlog Oban\'s unique checks scan stays below a threshold'
expired_deadlines\t'no retryable jobs past their Powertools deadline'
stuck_executing\t'no jobs executing for too long or on nodes that are gone'
overdue_available\t'due jobs are picked up and staged in time'
table_bloat\t'dead tuples on oban_jobs stay low and autovacuum keeps up'
completed_backlog\t'the pruner keeps finished jobs from piling up'
long_transactions\t'no transactions hold back vacuum'
blocked_locks\t'no sessions are waiting for locks on oban_jobs'
leadership\t'one Oban node holds a live leadership'"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l check-timeout -d 'Longest each check may run (its statement_timeout)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l oban-version -d 'The Oban migration version the application\'s Oban expects' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l backlog-threshold -d 'Jobs in unique states at which uniqueness_backlog warns' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l stuck-after -d 'Executing longer than this is stuck' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l overdue-after -d 'Due (available, or scheduled/retryable not staged) longer than this is overdue' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l dead-ratio -d 'Dead-tuple share of oban_jobs that warns' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l dead-ratio-error -d 'Dead-tuple share of oban_jobs that is an error' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l completed-age -d 'Finished jobs older than this count toward completed_backlog' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l completed-backlog -d 'Old finished jobs per state at which completed_backlog warns' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l long-transaction -d 'Transactions open longer than this are reported' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l strict -d 'Count warnings of uniqueness_backlog and expired_deadlines as errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l list-checks -d 'List the checks with a one-line description, and exit'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "list" -d 'List jobs matching filters, by ascending id (keyset pages with --after)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "show" -d 'Show every column of one job, its error history (latest first) and meta'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "count" -d 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "retry" -d 'Make jobs available to run again, as Oban\'s retry does'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "cancel" -d 'Cancel jobs (executing ones are also sent Oban\'s pkill signal)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "discard" -d 'Discard jobs: terminal, recorded in the job\'s own error history (executing ones get pkill)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "errors" -d 'What is failing and why: failing jobs grouped by worker and error signature'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "rescue" -d 'Rescue executing jobs a dead node left behind: back to available (or discarded)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "prune" -d 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "restore" -d 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "export" -d 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and not __fish_seen_subcommand_from list show count retry cancel discard errors rescue prune restore export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l limit -d 'Page size' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l after -d 'Start after this job id (the last id of the previous page)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l state -d 'Only these states' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l queue -d 'Only these queues' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l exact -d 'Count rows instead of reading planner estimates (slow on large tables)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from count" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l max -d 'Refuse when more jobs than this match' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l batch-size -d 'Jobs per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l sleep-ms -d 'Pause between batches, in milliseconds' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l parallel -d 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l include-completed -d 'Also retry completed jobs (re-runs finished work)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l all -d 'Allow a run with no filter at all (every job in an allowed state)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l dry-run -d 'Print the plan and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l max -d 'Refuse when more jobs than this match' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l batch-size -d 'Jobs per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l sleep-ms -d 'Pause between batches, in milliseconds' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l parallel -d 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l all -d 'Allow a run with no filter at all (every job in an allowed state)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l dry-run -d 'Print the plan and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l max -d 'Refuse when more jobs than this match' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l batch-size -d 'Jobs per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l sleep-ms -d 'Pause between batches, in milliseconds' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l parallel -d 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l all -d 'Allow a run with no filter at all (every job in an allowed state)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l dry-run -d 'Print the plan and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from discard" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l scan -d 'Read at most this many failing jobs, the newest first' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l limit -d 'Show at most this many groups, the largest first' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from errors" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l stuck-after -d 'Select by age instead: executing jobs whose attempted_at is older than this (e.g. 30m), on nodes not known to be alive' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l listen -d 'How long to listen to the nodes\' gossip (0 to not listen)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l max -d 'Refuse when more jobs than this match' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l batch-size -d 'Jobs per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l sleep-ms -d 'Pause between batches, in milliseconds' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l parallel -d 'Run up to N batches at once, each in its own connection and transaction (1: one at a time, the gentlest on a busy database; --sleep-ms implies 1)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l force -d 'With job ids: rescue them even if their node looks alive (it may run them twice)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l all -d 'Allow a run with no filter at all (every job in an allowed state)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l dry-run -d 'Print the plan and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from rescue" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete jobs whose state\'s timestamp is older than this, e.g. 30d (1s to 1000 years)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l state -d 'Finished state to delete (repeat or comma-separate): completed, cancelled, discarded [default: all three]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l queue -d 'Only jobs of this queue (repeat for several)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l worker -d 'Only jobs of this worker (repeat for several)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l archive -d 'Write every deleted row (raw, unredacted) to FILE before it is deleted (.gz: gzip; -: stdout)' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l max -d 'Delete at most this many jobs in this run (rerun to continue)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l batch-size -d 'Jobs per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l sleep-ms -d 'Pause between batches, in milliseconds (implies --parallel 1)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l parallel -d 'Run up to N batches at once, each in its own connection and transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l dry-run -d 'Count what would be deleted and delete nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l reason -d 'Why (8 to 1000 characters); recorded in every audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l batch-size -d 'Rows per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l dry-run -d 'Check the archives and count what they hold; insert nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l as -d 'File format' -r -f -a "jsonl\t''
csv\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE instead of stdout (.gz: gzip)' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l meta-file -d 'CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE: FILE.meta.jsonl] (--meta is the filter on job meta here)' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l state -d 'Job state (repeat or comma-separate): available, suspended, scheduled, executing, retryable, completed, discarded, cancelled' -r -f -a "available\t''
suspended\t''
scheduled\t''
executing\t''
retryable\t''
completed\t''
discarded\t''
cancelled\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l queue -d 'Queue name' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l worker -d 'Worker module, e.g. MyApp.Workers.Mailer' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l tag -d 'Tag the job must have (repeat: must have all)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l id -d 'Job id (repeat or comma-separate)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l args -d 'Args contain KEY=VALUE (dotted KEY for nesting; VALUE is JSON if it parses, else a string)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l meta -d 'Meta contains KEY=VALUE (same rules as --args)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l since -d 'Only jobs whose state\'s timestamp is at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l until -d 'Only jobs whose state\'s timestamp is before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l error-contains -d 'Only jobs with an error entry containing this text (case-insensitive)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l error-signature -d 'Only jobs whose latest error has this normalised signature (as `jobs errors` prints it)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List jobs matching filters, by ascending id (keyset pages with --after)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every column of one job, its error history (latest first) and meta'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "count" -d 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Make jobs available to run again, as Oban\'s retry does'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel jobs (executing ones are also sent Oban\'s pkill signal)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "discard" -d 'Discard jobs: terminal, recorded in the job\'s own error history (executing ones get pkill)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "errors" -d 'What is failing and why: failing jobs grouped by worker and error signature'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "rescue" -d 'Rescue executing jobs a dead node left behind: back to available (or discarded)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "export" -d 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer'
complete -c obanctl -n "__fish_obanctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l listen -d 'How long to listen to the nodes\' gossip (0 to not listen)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l interval -d 'Time between redraws with --watch (500ms to 10m)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l watch -d 'Redraw every --interval until interrupted'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The same as `obanctl queues`'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l listen -d 'How long to listen to the nodes\' gossip (0 to not listen)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l interval -d 'Time between redraws with --watch (500ms to 10m)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l watch -d 'Redraw every --interval until interrupted'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "list" -d 'The same as `obanctl queues`'
complete -c obanctl -n "__fish_obanctl_using_subcommand queues; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -f -a "pause" -d 'Pause queues: nodes stop fetching new jobs (running ones finish)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -f -a "resume" -d 'Resume paused queues'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -f -a "scale" -d 'Change a queue\'s local concurrency limit on its nodes'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -f -a "stop" -d 'Stop a queue\'s producers on its nodes (until the node restarts); asks twice'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and not __fish_seen_subcommand_from pause resume scale stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l node -d 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l confirm-timeout -d 'How long to wait for the nodes to confirm the new state (0 to not wait)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l all -d 'Every queue (sends `"queue":"*"`)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show what would be sent, and send nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l node -d 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l confirm-timeout -d 'How long to wait for the nodes to confirm the new state (0 to not wait)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l all -d 'Every queue (sends `"queue":"*"`)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show what would be sent, and send nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l limit -d 'New local limit per node (1 to 10,000; more with --force)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l node -d 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l confirm-timeout -d 'How long to wait for the nodes to confirm the new state (0 to not wait)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l force -d 'Allow a limit above 10,000'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l dry-run -d 'Show what would be sent, and send nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from scale" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l confirm-queue -d 'The queue\'s name again: the second confirmation (asked for on a terminal)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l node -d 'Only this node (its Oban instance name comes from what the node reports, else `Oban`)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l confirm-timeout -d 'How long to wait for the nodes to confirm the new state (0 to not wait)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on for confirmations; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l dry-run -d 'Show what would be sent, and send nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause queues: nodes stop fetching new jobs (running ones finish)'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume paused queues'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "scale" -d 'Change a queue\'s local concurrency limit on its nodes'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a queue\'s producers on its nodes (until the node restarts); asks twice'
complete -c obanctl -n "__fish_obanctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l listen -d 'How long to listen to the nodes\' gossip (0 to not listen)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l listen-url -d 'A direct connection (not through a transaction pooler) to listen on; defaults to the database URL [env: OBANCTL_LISTEN_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand nodes" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -f -a "list" -d 'Every cron entry with its schedule, pause state, last claim and next fire time'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -f -a "show" -d 'One entry: its settings and policies, next three fire times, recent slots and audit history'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -f -a "pause" -d 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -f -a "resume" -d 'Resume a paused entry (idempotent)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and not __fish_seen_subcommand_from list show pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l at -d 'Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l at -d 'Compute fire times from this instant instead of now (RFC 3339, e.g. 2027-03-14T00:00:00Z)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show what would change, and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l reason -d 'Why (8 to 1000 characters); recorded in the audit row. Asked for on a terminal' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show what would change, and change nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every cron entry with its schedule, pause state, last claim and next fire time'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from help" -f -a "show" -d 'One entry: its settings and policies, next three fire times, recent slots and audit history'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused entry (idempotent)'
complete -c obanctl -n "__fish_obanctl_using_subcommand cron; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -f -a "list" -d 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -f -a "explain" -d 'Judge a limiter\'s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -f -a "simulate" -d 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and not __fish_seen_subcommand_from list explain simulate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l partition -d 'Only this partition (default: __global__ for a global limiter, every partition otherwise)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l weight -d 'Weight of the request to judge (default: the limiter\'s default weight)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l worker -d 'Find the limiter by the worker that last reserved on it' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l args -d 'With --worker: the job args as a JSON object, to resolve an `args:<field>` partition' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from explain" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l requests -d 'How many requests' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l weight -d 'Weight of each request (default: the limiter\'s default weight)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l interval -d 'Milliseconds between requests (0 to 3,162,240,000,000, i.e. 100 years)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l now -d 'When the first request arrives (RFC 3339 or a date; default: the database clock)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l partition -d 'Partition to simulate (default: __global__)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l fresh -d 'Start from an empty partition instead of its live state'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from simulate" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Judge a limiter\'s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from help" -f -a "simulate" -d 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand limiter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -f -a "list" -d 'Workflows, newest first, with their state and step counts'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -f -a "inspect" -d 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and not __fish_seen_subcommand_from list inspect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l state -d 'Only workflows in this state (repeat or comma-separate): available, pending, running, cancel_requested, completed, failed, cancelled, expired' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l limit -d 'How many' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l dot -d 'Print the graph as Graphviz DOT instead'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "list" -d 'Workflows, newest first, with their state and step counts'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
complete -c obanctl -n "__fish_obanctl_using_subcommand workflow; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l interval -d 'Time between refreshes (500ms to 10m)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l read-only -d 'Show only: disable every action'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand top" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -s o -l output -d 'Write to this file (atomically: a temporary file in the same directory, then a rename) instead of stdout' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l interval -d 'Time between rewrites with --watch (1s to 1h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l watch -d 'Keep rewriting --output every --interval until interrupted'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "tail" -d 'Newest audit events first; --follow keeps printing new ones as they commit'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "export" -d 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "verify" -d 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "checkpoint" -d 'Print (or append to a file) the chain\'s head as one JSON line, to keep where the database\'s writers cannot reach'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "purge" -d 'Delete events older than a cutoff (a dry run unless --execute)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and not __fish_seen_subcommand_from tail export verify checkpoint purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l limit -d 'How many events' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l by -d 'Events by this actor (the actor_id column), e.g. ops-demo. The global --actor says who is acting and is never a filter' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l action -d 'Action (event type), e.g. cron.paused, lifeline.repair_executed' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l resource -d 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l operation -d 'Operation recorded in metadata, e.g. job_retry' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l since -d 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l until -d 'Events before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s f -l follow -d 'Keep printing new events as they commit (Ctrl-C to stop)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l as -d 'File format' -r -f -a "jsonl\t''
csv\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l meta -d 'CSV only: write the header and trailer as JSON lines to FILE [default with -o FILE: FILE.meta.jsonl]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l by -d 'Events by this actor (the actor_id column), e.g. ops-demo. The global --actor says who is acting and is never a filter' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l action -d 'Action (event type), e.g. cron.paused, lifeline.repair_executed' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l resource -d 'Target as TYPE:ID (job:42, cron_entry:nightly_sync) or just TYPE' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l operation -d 'Operation recorded in metadata, e.g. job_retry' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l since -d 'Events at or after this time (RFC 3339, a date, or a duration ago such as 2h)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l until -d 'Events before this time' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l against -d 'A checkpoint file (`audit checkpoint` lines, an `audit export` file or its .meta.jsonl sidecar); repeatable' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l to -d 'Append the line to FILE (created if missing) instead of printing it' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l older-than -d 'Delete events older than this, e.g. 90d (1s to 1000 years)' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l reason -d 'Why (8 to 1000 characters); recorded in every checkpoint event' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l batch-size -d 'Events per transaction' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l execute -d 'Actually delete (otherwise only counts are shown)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -s y -l yes -d 'Do not ask for confirmation'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Newest audit events first; --follow keeps printing new ones as they commit'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "export" -d 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'Print (or append to a file) the chain\'s head as one JSON line, to keep where the database\'s writers cannot reach'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete events older than a cutoff (a dry run unless --execute)'
complete -c obanctl -n "__fish_obanctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every resolved setting with its source (flag, env, config file, default)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every resolved setting with its source (flag, env, config file, default)'
complete -c obanctl -n "__fish_obanctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -f -a "up" -d 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -f -a "tour" -d 'Print a guided sequence of commands to run on the demo, each runnable as printed'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -f -a "down" -d 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and not __fish_seen_subcommand_from up tour down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l private -d 'Start a private throwaway cluster even when a server is reachable'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from tour" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from help" -f -a "up" -d 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from help" -f -a "tour" -d 'Print a guided sequence of commands to run on the demo, each runnable as printed'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from help" -f -a "down" -d 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
complete -c obanctl -n "__fish_obanctl_using_subcommand demo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l out-dir -d 'Write the scripts for every supported shell into DIR instead' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l out-dir -d 'Directory to write `obanctl.1` and `obanctl-<subcommand>.1` into' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l database-url -d 'PostgreSQL connection string (URI or `key=value` form). Without one, libpq\'s `PG*` variables apply [env: OBANCTL_DATABASE_URL, then DATABASE_URL]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l prefix -d 'Schema holding `oban_jobs` (Oban\'s "prefix") [env: OBANCTL_PREFIX] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l powertools-schema -d 'Schema holding the `oban_powertools_*` tables [env: OBANCTL_POWERTOOLS_SCHEMA] [default: public]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l format -d 'Output format on stdout [env: OBANCTL_FORMAT] [default: human]' -r -f -a "human\t'Tables and sentences for people'
json\t'One JSON object per line, each with a `kind`, for scripts'"
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l color -d 'When to use colour [env: OBANCTL_COLOR] [default: auto]' -r -f -a "auto\t'Colour when stdout/stderr is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`'
always\t''
never\t''"
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l actor -d 'Who is acting, recorded in every audit row [env: OBANCTL_ACTOR] [default: OS user@host]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l statement-timeout -d 'Longest any single SQL statement may run, e.g. `15s`, `500ms` [env: OBANCTL_STATEMENT_TIMEOUT] [default: 15s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l lock-timeout -d 'Longest to wait for a row or table lock before giving up, e.g. `2s` [env: OBANCTL_LOCK_TIMEOUT] [default: 2s]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l profile -d 'Named profile from the config file [env: OBANCTL_PROFILE]' -r
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l config -d 'Config file to read instead of `./obanctl.toml` or `<user config dir>/obanctl/obanctl.toml` [env: OBANCTL_CONFIG]' -r -F
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -s q -l quiet -d 'Print only data and errors'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -s v -l verbose -d 'Also print connection details and each step taken (on stderr)'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l no-trunc -d 'Show table cells whole on a terminal (by default long cells are cut with `…` to fit)'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -l local-time -d 'Show times for people in this machine\'s time zone with its offset (default: UTC, `Z`). JSON is always UTC'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obanctl -n "__fish_obanctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "install" -d 'Create the 27 Oban Powertools tables, or write them as an Ecto migration'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "doctor" -d 'Health checks for the Oban and Powertools schema and the running system (CI exit codes)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "jobs" -d 'List, show, count, retry, cancel and discard jobs'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "queues" -d 'Every queue: jobs by state, wait, executing, throughput, and what its nodes report'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "queue" -d 'Pause, resume, scale or stop a queue on its nodes (audited signals, confirmed by gossip)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "nodes" -d 'Every node from any source: leader, queues, running jobs, last seen, liveness'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "cron" -d 'List cron entries with computed fire times; pause and resume them'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "limiter" -d 'Explain why a limiter blocks, and simulate its decisions (read-only)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "workflow" -d 'List workflows and inspect one as a tree (read-only)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "top" -d 'A live terminal dashboard: queues, failures, activity; retry, cancel, discard from the keys'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "metrics" -d 'Print the dashboard\'s numbers in the Prometheus text format (or keep a file up to date)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "audit" -d 'Read the audit trail: tail (and follow) it, export it'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "config" -d 'Show the settings in effect and where each one came from'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "demo" -d 'A ready-made demo database to try every command on: up, tour, down'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "completions" -d 'Print a shell completion script, or write all of them into a directory'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "man" -d 'Write man pages (one per subcommand) into a directory'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and not __fish_seen_subcommand_from install doctor jobs queues queue nodes cron limiter workflow top metrics audit config demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "list" -d 'List jobs matching filters, by ascending id (keyset pages with --after)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "show" -d 'Show every column of one job, its error history (latest first) and meta'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "count" -d 'Count jobs by state and queue (planner estimates on large tables unless --exact)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "retry" -d 'Make jobs available to run again, as Oban\'s retry does'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "cancel" -d 'Cancel jobs (executing ones are also sent Oban\'s pkill signal)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "discard" -d 'Discard jobs: terminal, recorded in the job\'s own error history (executing ones get pkill)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "errors" -d 'What is failing and why: failing jobs grouped by worker and error signature'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "rescue" -d 'Rescue executing jobs a dead node left behind: back to available (or discarded)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "prune" -d 'Delete finished jobs older than a cutoff, in batches, optionally archiving every row first'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "restore" -d 'Reinsert jobs from `jobs prune --archive` files (ids kept; present ones left alone)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "export" -d 'Stream matching jobs (redacted) as JSON lines or CSV with a header and trailer'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from queues" -f -a "list" -d 'The same as `obanctl queues`'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "pause" -d 'Pause queues: nodes stop fetching new jobs (running ones finish)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "resume" -d 'Resume paused queues'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "scale" -d 'Change a queue\'s local concurrency limit on its nodes'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "stop" -d 'Stop a queue\'s producers on its nodes (until the node restarts); asks twice'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from cron" -f -a "list" -d 'Every cron entry with its schedule, pause state, last claim and next fire time'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from cron" -f -a "show" -d 'One entry: its settings and policies, next three fire times, recent slots and audit history'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from cron" -f -a "pause" -d 'Pause an entry (idempotent: an already paused entry is reported, not changed)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from cron" -f -a "resume" -d 'Resume a paused entry (idempotent)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from limiter" -f -a "list" -d 'Every limiter: scope, capacity per window, default weight, partitions charged, and whether its settings can be judged'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from limiter" -f -a "explain" -d 'Judge a limiter\'s partitions live: runnable or blocked, every blocker and when it clears, tokens used of capacity, window start and end. Exit 0 runnable, 1 blocked'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from limiter" -f -a "simulate" -d 'Preview reserve/block verdicts for a series of requests, from the live state (or empty with --fresh), crossing window ends and cooldowns. Reads only; writes nothing'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "list" -d 'Workflows, newest first, with their state and step counts'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from workflow" -f -a "inspect" -d 'One workflow as a tree of steps: state, attempts, terminal cause, what each blocked step waits for, legal next actions, awaits, signals, recovery sessions, rejections, callbacks. Cycles, missing steps and dangling edges are reported'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "tail" -d 'Newest audit events first; --follow keeps printing new ones as they commit'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "export" -d 'Stream matching events (oldest first) as JSON lines or CSV, with a header and a trailer (row count, SHA-256 of the rows) so a truncated file is detectable'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Recompute the tamper-evident chain and report the first break (exit 2), optionally against checkpoints kept outside the database'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "checkpoint" -d 'Print (or append to a file) the chain\'s head as one JSON line, to keep where the database\'s writers cannot reach'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "purge" -d 'Delete events older than a cutoff (a dry run unless --execute)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every resolved setting with its source (flag, env, config file, default)'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from demo" -f -a "up" -d 'Create the demo: schema `obanctl_demo` on the server you point at, or, when none is reachable, a private throwaway PostgreSQL cluster. Prints `export` lines (stdout) and writes a `demo` profile into the config file'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from demo" -f -a "tour" -d 'Print a guided sequence of commands to run on the demo, each runnable as printed'
complete -c obanctl -n "__fish_obanctl_using_subcommand help; and __fish_seen_subcommand_from demo" -f -a "down" -d 'Remove the demo: drop the schema, or stop and delete the private cluster, and remove the `demo` profile'
