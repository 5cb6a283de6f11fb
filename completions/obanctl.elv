
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
            cand config 'Show the settings in effect and where each one came from'
            cand completions 'Print a shell completion script, or write all of them into a directory'
            cand man 'Write man pages (one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;install'= {
            cand --ecto 'Write a timestamped Ecto migration into DIR (e.g. `priv/repo/migrations`) instead of touching the database'
            cand --ecto-repo 'Repo module for the Ecto migration (default: derived from the app''s `mix.exs`)'
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
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Also print connection details and each step taken (on stderr)'
            cand --verbose 'Also print connection details and each step taken (on stderr)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
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
            cand config 'Show the settings in effect and where each one came from'
            cand completions 'Print a shell completion script, or write all of them into a directory'
            cand man 'Write man pages (one per subcommand) into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'obanctl;help;install'= {
        }
        &'obanctl;help;config'= {
            cand show 'Print every resolved setting with its source (flag, env, config file, default)'
        }
        &'obanctl;help;config;show'= {
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
