"""A real oban-py node for obanctl's tests.

Needs the engine that `scripts/oban-py` installs on PYTHONPATH:

    PYTHONPATH=$(scripts/oban-py) python3 tests/oban_py/worker.py install --dsn DSN --prefix S
    PYTHONPATH=$(scripts/oban-py) python3 tests/oban_py/worker.py run --dsn DSN --prefix S \
        --node node-1 --queue alpha=5 --queue beta=1

`install` creates schema S if needed and runs oban-py's own installer SQL (`oban.schema.install_sql`,
what `oban install --dsn DSN --prefix S` runs) with `search_path` set to S, because that SQL checks
for its enum type in `current_schema()`, not in the prefix.

`run` starts an Oban instance (Postgres notifier, leadership, stager, and the gossip broadcast that
oban-py calls `metrics`, which is off unless asked for) on the given queues, prints one line
`ready` on stdout once the notifier is really LISTENing on `signal` and `insert`, and stops cleanly
(exit 0) on SIGTERM or SIGINT, or when stdin reaches end of file (the test process died).

Jobs of worker `obanctl_test.Sleep` sleep `args.sleep_ms` milliseconds, checking for a pkill every
10 ms (oban-py's pkill is cooperative: it sets a flag that the job must look at), then complete,
or raise when `args.fail` is true. With `args.sleep_attempts` N they sleep only on attempts 1..N
(a rescued job re-runs quickly). With `args.record` true, each execution inserts a row
(job_id, attempt, node, started_at) into `<prefix>.obanctl_test_runs`, a table the test creates,
before sleeping, and sets its `finished_at` when the job is about to complete: a run a node was
killed in stays unfinished, so the table tells how many times each job ran and finished.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import os
import sys

import psycopg
from psycopg import sql
from psycopg_pool import AsyncConnectionPool

from oban import Cancel, Oban, worker
from oban.schema import install_sql


# Set by `run`: where executions of jobs with `args.record` are written.
RECORDER: tuple[AsyncConnectionPool, str, str] | None = None


async def record(job, run_id: int | None = None) -> int | None:
    """Inserts this execution's row (returning its id), or marks row `run_id` finished."""
    assert RECORDER is not None, "record needs a running node"
    pool, prefix, node = RECORDER
    table = sql.Identifier(prefix, "obanctl_test_runs")
    async with pool.connection() as conn:
        if run_id is None:
            cur = await conn.execute(
                sql.SQL("INSERT INTO {} (job_id, attempt, node) VALUES (%s, %s, %s) RETURNING id")
                .format(table),
                (job.id, job.attempt, node),
            )
            return (await cur.fetchone())[0]
        await conn.execute(
            sql.SQL("UPDATE {} SET finished_at = clock_timestamp() WHERE id = %s").format(table),
            (run_id,),
        )
        return run_id


@worker(queue="default")
class Sleep:
    # A stable worker name (`obanctl_test.Sleep`) whatever way this file is started.
    __module__ = "obanctl_test"

    async def process(self, job):
        args = job.args if isinstance(job.args, dict) else {}
        run_id = await record(job) if args.get("record") else None
        remaining = max(0, int(args.get("sleep_ms", 0))) / 1000
        if "sleep_attempts" in args and job.attempt > int(args["sleep_attempts"]):
            remaining = 0
        while remaining > 0:
            if job.cancelled():
                return Cancel("pkill received")
            step = min(0.01, remaining)
            await asyncio.sleep(step)
            remaining -= step
        if job.cancelled():
            return Cancel("pkill received")
        if args.get("fail"):
            raise RuntimeError("failed on purpose (args.fail)")
        if run_id is not None:
            await record(job, run_id)
        return None


def parse_queue(text: str) -> tuple[str, int]:
    name, sep, limit = text.partition("=")
    if not name or not sep:
        raise argparse.ArgumentTypeError(f"expected NAME=LIMIT, got {text!r}")
    try:
        return name, int(limit)
    except ValueError:
        raise argparse.ArgumentTypeError(f"limit of {name!r} is not an integer") from None


def install(dsn: str, prefix: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(prefix)))
        conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(prefix)))
        conn.execute(install_sql(prefix))


async def run(args: argparse.Namespace) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if args.exit_on_stdin_eof:

        def on_stdin() -> None:
            try:
                data = os.read(0, 4096)
            except OSError:
                data = b""
            if not data:
                loop.remove_reader(0)
                stop.set()

        loop.add_reader(0, on_stdin)

    pool = AsyncConnectionPool(conninfo=args.dsn, min_size=1, max_size=10, open=False)
    await pool.open()
    global RECORDER
    RECORDER = (pool, args.prefix, args.node)
    metrics = False if args.gossip_interval <= 0 else {"interval": args.gossip_interval}
    oban = Oban(
        pool=pool,
        name=args.name,
        node=args.node,
        prefix=args.prefix,
        queues=dict(args.queue),
        metrics=metrics,
        stager={"interval": args.stage_interval},
        shutdown_grace_period=args.grace,
    )
    await oban.start()
    # Producers subscribe without waiting; a second subscription with wait=True returns once the
    # notifier has really run LISTEN on the channel, so a signal sent after `ready` is never lost.
    tokens = [
        await oban._notifier.listen(channel, lambda *_: None, wait=True, timeout=10)
        for channel in ("signal", "insert")
    ]
    for token in tokens:
        await oban._notifier.unlisten(token)
    print("ready", flush=True)

    await stop.wait()
    await oban.stop()
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_install = sub.add_parser("install", help="create the oban-py schema in PREFIX")
    p_install.add_argument("--dsn", required=True)
    p_install.add_argument("--prefix", required=True)

    p_run = sub.add_parser("run", help="run an Oban node until SIGTERM")
    p_run.add_argument("--dsn", required=True)
    p_run.add_argument("--prefix", required=True)
    p_run.add_argument("--node", required=True)
    p_run.add_argument("--name", default="Oban", help="Oban instance name (oban-py's default)")
    p_run.add_argument("--queue", type=parse_queue, action="append", default=[],
                       metavar="NAME=LIMIT")
    p_run.add_argument("--gossip-interval", type=float, default=1.0,
                       help="seconds between gossip checks; 0 sends none (oban-py's default)")
    p_run.add_argument("--stage-interval", type=float, default=1.0)
    p_run.add_argument("--grace", type=float, default=1.0,
                       help="seconds running jobs get to finish on stop")
    p_run.add_argument("--exit-on-stdin-eof", action="store_true")
    p_run.add_argument("--log-level", default="WARNING")

    args = parser.parse_args()
    if args.command == "install":
        install(args.dsn, args.prefix)
        return
    logging.basicConfig(level=args.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
