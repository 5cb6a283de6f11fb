"""Captures real oban-py notifier payloads into tests/fixtures/notifier/ (see its README).

    PYTHONPATH=$(scripts/oban-py) python3 tests/oban_py/capture.py --dsn DSN [--out DIR]

Runs one real node (tests/oban_py/worker.py) in a throwaway schema and drives it with a second,
client-mode oban-py instance through oban-py's own API (enqueue, pause_queue, resume_queue,
scale_queue, start_queue, stop_queue, cancel_job), while a separate connection LISTENs on every
notifier channel. Each chosen payload is written byte for byte as received, one file each. The
schema is dropped afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg_pool import AsyncConnectionPool

from oban import Job, Oban

HERE = Path(__file__).resolve().parent
CHANNELS = ["gossip", "sonar", "signal", "insert", "leader", "metrics", "cronitor"]
NODE = "capture-node-1"
WORKER = "obanctl_test.Sleep"


def decode(payload: str) -> dict:
    if payload.startswith("{"):
        return json.loads(payload)
    return json.loads(gzip.decompress(base64.b64decode(payload)))


class Listener:
    """Collects (monotonic time, channel, raw payload) from a dedicated connection."""

    def __init__(self, dsn: str, prefix: str) -> None:
        self.dsn = dsn
        self.prefix = prefix
        self.seen: list[tuple[float, str, str]] = []
        self.task = None

    async def start(self) -> None:
        self.conn = await psycopg.AsyncConnection.connect(self.dsn, autocommit=True)
        for channel in CHANNELS:
            full = f"{self.prefix}.oban_{channel}"
            await self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(full)))
        self.task = asyncio.create_task(self.loop())

    async def loop(self) -> None:
        async for n in self.conn.notifies():
            channel = n.channel.split(".", 1)[1].removeprefix("oban_")
            self.seen.append((time.monotonic(), channel, n.payload))

    async def wait_for(self, channel: str, pred, timeout: float = 10.0, after: float = 0.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, ch, raw in self.seen:
                if ch == channel and at >= after and pred(decode(raw)):
                    return raw
            await asyncio.sleep(0.05)
        raise TimeoutError(f"no {channel} payload matched within {timeout}s")


def checks_for(queue: str, doc: dict) -> list[dict]:
    return [c for c in doc.get("checks", []) if c.get("queue") == queue]


async def main(dsn: str, out: Path) -> None:
    prefix = f"obanctl_capture_{os.getpid()}"
    env = dict(os.environ)
    subprocess.run(
        [sys.executable, str(HERE / "worker.py"), "install", "--dsn", dsn, "--prefix", prefix],
        check=True,
        env=env,
    )
    listener = Listener(dsn, prefix)
    await listener.start()
    node = subprocess.Popen(
        [sys.executable, str(HERE / "worker.py"), "run", "--dsn", dsn, "--prefix", prefix,
         "--node", NODE, "--queue", "alpha=2", "--queue", "beta=1", "--gossip-interval", "1"],
        stdout=subprocess.PIPE, env=env, text=True,
    )
    chosen: dict[str, str] = {}
    try:
        assert node.stdout.readline().strip() == "ready"
        pool = AsyncConnectionPool(conninfo=dsn, min_size=1, max_size=4, open=False)
        await pool.open()
        client = Oban(pool=pool, prefix=prefix, node="capture-client", name="Oban")
        await client.start()

        t0 = time.monotonic()
        jobs = [await client.enqueue(Job(worker=WORKER, queue="alpha", args={"sleep_ms": 4000}))
                for _ in range(2)]
        chosen["insert"] = await listener.wait_for("insert", lambda d: d.get("queue") == "alpha",
                                                   after=t0)
        chosen["gossip_running"] = await listener.wait_for(
            "gossip", lambda d: any(len(c.get("running", [])) == 2 for c in checks_for("alpha", d)),
            after=t0)

        t1 = time.monotonic()
        await client.pause_queue("alpha")
        chosen["signal_pause"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "pause" and d.get("queue") == "alpha", after=t1)
        chosen["gossip_paused"] = await listener.wait_for(
            "gossip", lambda d: any(c.get("paused") is True for c in checks_for("alpha", d)),
            after=t1)

        t2 = time.monotonic()
        await client.resume_queue("alpha")
        chosen["signal_resume"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "resume", after=t2)
        await client.scale_queue(queue="alpha", limit=1)
        chosen["signal_scale"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "scale", after=t2)
        chosen["gossip_scaled"] = await listener.wait_for(
            "gossip", lambda d: any(c.get("local_limit") == 1 and c.get("paused") is False
                                    for c in checks_for("alpha", d)), after=t2)

        t3 = time.monotonic()
        await client.pause_queue("beta", node=NODE)
        chosen["signal_pause_node"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "pause" and d.get("ident") != "any", after=t3)
        await client.pause_all_queues()
        chosen["signal_pause_all"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "pause" and d.get("queue") == "*", after=t3)
        await client.resume_all_queues()
        await client.start_queue(queue="gamma", limit=3)
        chosen["signal_start"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "start", after=t3)
        chosen["gossip_three_queues"] = await listener.wait_for(
            "gossip", lambda d: len(checks_for("gamma", d)) == 1, after=t3)
        await client.stop_queue("gamma")
        chosen["signal_stop"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "stop", after=t3)

        t4 = time.monotonic()
        await client.cancel_job(jobs[0].id)
        chosen["signal_pkill"] = await listener.wait_for(
            "signal", lambda d: d.get("action") == "pkill", after=t4)
        chosen["metrics"] = await listener.wait_for("metrics", lambda d: bool(d.get("metrics")),
                                                    after=t0, timeout=15)

        await client.stop()
        await pool.close()

        t5 = time.monotonic()
        node.terminate()
        node.wait(timeout=30)
        chosen["leader_resign"] = await listener.wait_for(
            "leader", lambda d: d.get("action") == "resign", after=t5)
        sonar = [raw for _, ch, raw in listener.seen if ch == "sonar"]
        print(f"sonar payloads seen: {len(sonar)}", file=sys.stderr)
    finally:
        if node.poll() is None:
            node.kill()
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(prefix)))

    out.mkdir(parents=True, exist_ok=True)
    for what, raw in chosen.items():
        encoding = "json" if raw.startswith("{") else "b64gzip"
        path = out / f"oban_py_{what}.{encoding}"
        path.write_text(raw, encoding="ascii")
        print(f"{path.name}: {json.dumps(decode(raw), sort_keys=True)[:300]}", file=sys.stderr)
    counts = {ch: sum(1 for _, c, _ in listener.seen if c == ch) for ch in CHANNELS}
    print(f"payloads seen per channel: {counts}", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--out", default=str(HERE.parent / "fixtures" / "notifier"))
    args = parser.parse_args()
    asyncio.run(main(args.dsn, Path(args.out)))
