"""Scale-out: two Rasa and two action servers behind HAProxy, sharing PostgreSQL and Redis.

Everything is real and on loopback: a throw-away PostgreSQL (tracker store) and Redis (lock
store), two :class:`Stack` replicas without the gateway, and Debian's HAProxy with a generated
configuration that balances round-robin between the Rasa servers, and between the action
servers for the Rasa servers. The tests run in order and share the servers: conversations
alternate between the replicas, messages sent at once are handled one at a time, a replica is
killed mid-conversation, then every process is restarted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.stack import Stack
from tests.conftest import free_port, free_ports, reply_text
from tests.postgres import throwaway_postgres
from tests.redis import throwaway_redis

pytestmark = pytest.mark.e2e

HYPE = "Laukaan lasten ja nuorten"  # HyPe's unit name (the short name is in a source title)

HAPROXY_CONFIG = """\
global
    maxconn 512
    log stderr format short local0 notice
defaults
    mode http
    log global
    option log-health-checks
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout check 15s
    retries 3
    option redispatch
    retry-on conn-failure empty-response
frontend rasa
    bind 127.0.0.1:{rasa_port}
    default_backend rasa
backend rasa
    balance roundrobin
    option httpchk GET /
    http-response set-header X-Served-By %s
{rasa_servers}
frontend actions
    bind 127.0.0.1:{action_port}
    default_backend actions
backend actions
    balance roundrobin
    option httpchk GET /health
    http-response set-header X-Served-By %s
{action_servers}
"""


@dataclass
class Cluster:
    """The replicas, the balancer in front of them and the shared conversation database."""

    replicas: list[Stack]
    url: str
    database: sa.engine.Engine
    balanced: list[str]
    sent: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)

    def ask(self, sender: str, text: str) -> tuple[str, str]:
        """Send ``text`` through the balancer; return the replica that answered and the reply."""
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=90) as response:
            replies: list[dict[str, Any]] = json.loads(response.read())
            replica = response.headers["X-Served-By"]
        texts = [reply["text"] for reply in replies if "text" in reply]
        self.sent.setdefault(sender, []).append((text, texts))
        return replica, reply_text(replies)

    def stored(self, sender: str) -> list[tuple[str, list[str]]]:
        """The conversation as the tracker store has it: each user text with the bot's texts.

        Also checks that every turn ended by listening before the next user message came in.
        """
        events = sa.table("events", sa.column("id"), sa.column("sender_id"), sa.column("data"))
        query = sa.select(events.c.data).where(events.c.sender_id == sender).order_by(events.c.id)
        with self.database.connect() as connection:
            stored = [json.loads(row) for row in connection.execute(query).scalars()]
        turns: list[tuple[str, list[str]]] = []
        last_action = "action_listen"
        for event in stored:
            if event["event"] == "user":
                assert last_action == "action_listen", f"a turn was cut short in {sender}"
                turns.append((event["text"], []))
            elif event["event"] == "bot" and event.get("text"):
                turns[-1][1].append(event["text"])
            elif event["event"] == "action":
                last_action = event["name"]
        return turns


def _haproxy_config(replicas: list[Stack], rasa_port: int, action_port: int) -> str:
    def servers(kind: str, port: Callable[[Stack], int]) -> str:
        checks = "check inter 1s fastinter 250ms fall 2 rise 1"
        return "\n".join(
            f"    server {kind}{number} 127.0.0.1:{port(stack)} {checks}"
            for number, stack in enumerate(replicas, start=1)
        )

    return HAPROXY_CONFIG.format(
        rasa_port=rasa_port,
        action_port=action_port,
        rasa_servers=servers("rasa", lambda stack: stack.ports.rasa),
        action_servers=servers("actions", lambda stack: stack.ports.action),
    )


def _start_all(replicas: list[Stack], timeout: float = 300) -> None:
    """Start the action servers and the Rasa servers of every replica at the same time.

    The processes are spawned from this (the main) thread: a child is told to stop when the
    thread that started it ends (``PR_SET_PDEATHSIG``), so no worker threads here.
    """
    for stack in replicas:
        stack.respawn("actions")
        stack.respawn("rasa")
    deadline = time.monotonic() + timeout
    for stack in replicas:
        for name, url in (("actions", f"{stack.ports.action_url}/health"),
                          ("rasa", f"{stack.ports.rasa_url}/webhooks/rest/")):  # fmt: skip
            while not _answers(url):
                assert stack.processes[name].poll() is None, f"{name} exited: {stack.log_dir}"
                assert time.monotonic() < deadline, f"{name} did not start: {stack.log_dir}"
                time.sleep(0.5)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _wait_for_balancer(urls: list[str], timeout: float = 60) -> None:
    """Wait until the balancer has sent a request to every replica behind each of ``urls``."""
    deadline = time.monotonic() + timeout
    for url in urls:
        seen: set[str] = set()
        while len(seen) < 2:
            assert time.monotonic() < deadline, f"the balancer reached only {seen} at {url}"
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    seen.add(response.headers["X-Served-By"])
            except urllib.error.HTTPError:
                pass
            time.sleep(0.25)


def _create_tables(url: str) -> None:
    """Create the tracker store's tables once, so the replicas do not race to create them."""
    from rasa.core.tracker_store import SQLTrackerStore

    SQLTrackerStore(host=url).engine.dispose()


@pytest.fixture(scope="module")
def cluster(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        pytest.fail("haproxy is not installed: run scripts/system-deps.sh")
    state = tmp_path_factory.mktemp("scaleout")
    with throwaway_postgres() as postgres, throwaway_redis() as redis:
        _create_tables(postgres.url)
        rasa_port, action_port = free_port(), free_port()
        shared = {
            "PERHEBOTTI_DATABASE_URL": postgres.url,
            "PERHEBOTTI_LOCK_STORE_URL": redis.url,
            "PERHEBOTTI_ACTION_URL": f"http://127.0.0.1:{action_port}/webhook",
        }
        replicas = [
            Stack(
                model=trained_model,
                ports=free_ports(),
                env={**shared, "PERHEBOTTI_STATE_DIR": str(state / f"unused{number}")},
                log_dir=state / f"replica{number}",
                web=False,
                action_token="scale-out-test-token",
            )
            for number in (1, 2)
        ]
        config = state / "haproxy.cfg"
        config.write_text(_haproxy_config(replicas, rasa_port, action_port))
        balancer = subprocess.Popen(
            [haproxy, "-f", str(config), "-db"],
            stdout=(state / "haproxy.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        database = sa.create_engine(postgres.url)
        try:
            _start_all(replicas)
            balanced = [f"http://127.0.0.1:{rasa_port}/", f"http://127.0.0.1:{action_port}/health"]
            _wait_for_balancer(balanced)
            yield Cluster(replicas, f"http://127.0.0.1:{rasa_port}", database, balanced)
        finally:
            database.dispose()
            balancer.terminate()
            balancer.wait(10)
            for stack in replicas:
                stack.stop()


def test_conversations_alternate_between_replicas_and_keep_context(cluster: Cluster) -> None:
    served = set()
    for number in range(2):
        sender = f"alternating-{number}"
        replica, reply = cluster.ask(sender, "Mitä palveluita Laukaan HyPessä on?")
        served.add(replica)
        assert "HyPe" in reply
        follow_up, reply = cluster.ask(sender, "entä Äänekoskella?")
        served.add(follow_up)
        assert follow_up != replica, "round-robin sends the next message to the other replica"
        assert "Äänekosken" in reply and HYPE not in reply, reply
    assert served == {"rasa1", "rasa2"}
    for number in range(2):
        sender = f"alternating-{number}"
        assert cluster.stored(sender) == cluster.sent[sender]


def test_messages_sent_at_once_are_handled_one_at_a_time(cluster: Cluster) -> None:
    sender = "at-once"
    messages = [
        "mitä palveluita laukaassa on",
        "Kuka on Keski-Suomen muutosagentti?",
        "missä keski-suomen lape avajaiset pidettiin",
        "onko muuramessa perheneuvolaa",
    ]
    start = threading.Barrier(len(messages))
    finished: dict[str, float] = {}

    def ask(text: str) -> str:
        start.wait()
        replica, _ = cluster.ask(sender, text)
        finished[text] = time.monotonic()
        return replica

    with ThreadPoolExecutor(len(messages)) as pool:
        replicas = set(pool.map(ask, messages))
    assert replicas == {"rasa1", "rasa2"}
    stored = cluster.stored(sender)
    # Each message is one whole turn, stored once, with the replies its sender got, and
    # in the order in which the answers came back: one conversation, one message at a time.
    assert sorted(stored) == sorted(cluster.sent[sender])
    assert [text for text, _ in stored] == sorted(finished, key=finished.__getitem__)


def test_a_killed_replica_does_not_break_the_conversation(cluster: Cluster) -> None:
    sender = "replica-killed"
    replica, reply = cluster.ask(sender, "mitä palveluita laukaassa on")
    assert "HyPe" in reply
    killed = cluster.replicas[int(replica.removeprefix("rasa")) - 1].processes["rasa"]
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(10)
    other, reply = cluster.ask(sender, "entä Äänekoskella?")
    assert other != replica
    assert "Äänekosken" in reply and HYPE not in reply, reply
    replica, reply = cluster.ask(sender, "Kuka on Keski-Suomen muutosagentti?")
    assert replica == other and "Hanna Hämäläinen" in reply
    assert cluster.stored(sender) == cluster.sent[sender]


def test_a_restart_keeps_every_conversation(cluster: Cluster) -> None:
    before = {sender: cluster.stored(sender) for sender in cluster.sent}
    for stack in cluster.replicas:
        stack.stop()
    _start_all(cluster.replicas)
    _wait_for_balancer(cluster.balanced)
    assert {sender: cluster.stored(sender) for sender in before} == before
    _, reply = cluster.ask("replica-killed", "mikä hänen puhelinnumeronsa on?")
    assert "050 304 6670" in reply
    _, reply = cluster.ask("alternating-0", "entä Muuramessa?")
    assert "Muurame" in reply and HYPE not in reply, reply
