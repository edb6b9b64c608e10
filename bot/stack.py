"""Run the bot's processes: action server, Rasa server, chat page (the model: bot.training).

``make train``, ``make run`` and ``make shell`` call this module, and the end-to-end tests
start the very same processes through :class:`Stack`, so what is tested is what runs.

Where the processes listen comes from :class:`bot.settings.Ports`: ``PERHEBOTTI_ACTION_PORT``
(5055), ``PERHEBOTTI_RASA_PORT`` (5005), ``PERHEBOTTI_WEB_PORT`` (8000); ``PERHEBOTTI_HOST``
(127.0.0.1) is the interface of all three, ``PERHEBOTTI_WEB_HOST`` the gateway's when it
differs (``python -m bot.web`` alone reads the same two).
"""

from __future__ import annotations

import ctypes
import functools
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.paths import PROJECT_ROOT
from bot.settings import ACTION_TOKEN_VAR, Ports, action_token
from bot.supervisor import supervise
from bot.training import QUIET_ENV, RASA, ensure_model

#: Read timeouts of the Sanic servers (Rasa and the action server read SANIC_* settings): a
#: client that sends an incomplete request or idles is cut off instead of holding a connection.
SERVER_TIMEOUTS = {"SANIC_REQUEST_TIMEOUT": "10", "SANIC_KEEP_ALIVE_TIMEOUT": "5"}


@dataclass
class Stack:
    """The bot's processes, started in order and stopped together.

    Args:
        model: Trained model to serve.
        ports: Where the processes listen.
        env: Extra environment for every process (e.g. ``PERHEBOTTI_STATE_DIR``).
        log_dir: When set, each process writes its output to ``<name>.log`` there;
            otherwise output goes to this process's terminal.
        web: Whether to start the chat page gateway.
        action_token: Shared secret between Rasa and the action server
            (``PERHEBOTTI_ACTION_TOKEN``, or a random one for this run).
    """

    model: Path
    ports: Ports = field(default_factory=Ports)
    env: Mapping[str, str] = field(default_factory=dict)
    log_dir: Path | None = None
    web: bool = True
    action_token: str = field(
        default_factory=lambda: action_token() or secrets.token_urlsafe(32), repr=False
    )
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def environment(self) -> dict[str, str]:
        """The environment every process gets."""
        return {
            **os.environ,
            **QUIET_ENV,
            **SERVER_TIMEOUTS,
            "PERHEBOTTI_ACTION_URL": f"{self.ports.action_url}/webhook",
            ACTION_TOKEN_VAR: self.action_token,
            **self.env,
        }

    def _spawn(self, name: str, command: list[str], env: Mapping[str, str] | None = None) -> None:
        output: IO[bytes] | None = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            output = (self.log_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env={**self.environment, **(env or {})},
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            start_new_session=True,  # Ctrl-C reaches us; we stop the children in order
            preexec_fn=functools.partial(_die_with_parent, os.getpid()),
        )

    def _wait_until_up(self, name: str, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.processes[name]
            if process.poll() is not None:
                code = process.returncode
                raise RuntimeError(f"{name} exited with code {code}{self._hint(name)}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        waited = f"{timeout:.0f} s"
        raise RuntimeError(f"{name} did not answer at {url} within {waited}{self._hint(name)}")

    def _hint(self, name: str) -> str:
        if self.log_dir is None:
            return ""
        log = self.log_dir / f"{name}.log"
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        return f"; last output of {log}:\n{tail}"

    def command(self, name: str) -> tuple[list[str], dict[str, str]]:
        """The command line and extra environment of process ``name`` (actions, rasa, web)."""
        ports = self.ports
        commands = {
            # rasa-sdk's own app, behind the check of the token Rasa sends
            "actions": [sys.executable, "-m", "bot.rasa.actions_server", "--actions", "actions",
                        "--host", ports.host, "--port", str(ports.action)],
            "rasa": [RASA, "run", "--model", str(self.model),
                     "--interface", ports.host, "--port", str(ports.rasa),
                     "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
            "web": [sys.executable, "-m", "bot.web", "--host", ports.gateway_host,
                    "--port", str(ports.web), "--rasa-url", ports.rasa_url],
        }  # fmt: skip
        if name not in commands:
            raise ValueError(f"no such process: {name}")
        return commands[name], {}

    def respawn(self, name: str) -> None:
        """Start process ``name`` again (after it ended), without waiting for it."""
        self._spawn(name, *self.command(name))

    def start_actions(self, timeout: float = 60) -> None:
        """Start the action server and wait until it answers."""
        self.respawn("actions")
        self._wait_until_up("actions", f"{self.ports.action_url}/health", timeout)

    def start_rasa(self, timeout: float = 180) -> None:
        """Start the Rasa server with the REST channel and wait until the model is loaded."""
        self.respawn("rasa")
        self._wait_until_up("rasa", f"{self.ports.rasa_url}/webhooks/rest/", timeout)

    def start_web(self, timeout: float = 30) -> None:
        """Start the chat page gateway and wait until it answers."""
        self.respawn("web")
        self._wait_until_up("web", f"{self.ports.web_url}/healthz", timeout)

    def start(self) -> None:
        """Start every process; stop those already started if one fails."""
        try:
            self.start_actions()
            self.start_rasa()
            if self.web:
                self.start_web()
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout: float = 15) -> None:
        """Stop the processes, newest first: SIGTERM, then SIGKILL after ``timeout``.

        Idempotent, and not interrupted by more signals (a second Ctrl-C, the SIGTERM a
        service manager sends to the whole group): they are ignored until every child is gone.
        """
        with _signals_ignored():
            self._stop(timeout)

    def _stop(self, timeout: float) -> None:
        for name, process in reversed(list(self.processes.items())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            del self.processes[name]

    @contextmanager
    def running(self) -> Iterator[Stack]:
        """Start the processes for the ``with`` block and always stop them after it."""
        self.start()
        try:
            yield self
        finally:
            self.stop()


#: ``prctl`` option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In a new child, before it runs: have it get SIGTERM when ``bot run`` dies.

    Also when ``bot run`` is killed with SIGKILL, so that no server is left holding its port
    (Linux; elsewhere a no-op).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl
        os.kill(os.getpid(), signal.SIGTERM)


@contextmanager
def _signals_ignored() -> Iterator[None]:
    """Ignore SIGINT and SIGTERM for the ``with`` block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, frame: object) -> None:
    """Treat SIGTERM like Ctrl-C so that the children are stopped in order."""
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    """``python -m bot train | run | shell``."""
    command = argv[0]
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        model = ensure_model()
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    if command == "train":
        return 0
    try:
        ports = Ports.from_env()
    except ValueError as error:
        print(f"Invalid setting: {error}", file=sys.stderr)
        return 1
    stack = Stack(model=model, ports=ports)
    try:
        if command == "shell":
            stack.start_actions()
            shell = [RASA, "shell", "--model", str(model), "--endpoints", "endpoints.yml",
                     "--port", str(ports.rasa)]  # fmt: skip
            return subprocess.call(shell + argv[1:], cwd=PROJECT_ROOT, env=stack.environment)
        stack.start()
        print(
            "\nPerhebotti is running:\n"
            f"  chat page         {ports.web_url}/\n"
            f"  REST webhook      POST {ports.rasa_url}/webhooks/rest/webhook "
            '{"sender": "me", "message": "Mitä palveluita Laukaan HyPessä on?"}\n'
            f"  action server     {ports.action_url}/webhook\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        return supervise(stack)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()
