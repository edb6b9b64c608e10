"""The directory a running process serves, reloaded when an editor changes the files.

``DirectoryStore.current()`` is cheap: at most every ``check_interval`` seconds it compares
the files' modification times and sizes with the last look, and reloads only when they
changed. A broken edit is logged and the last good directory keeps being served until the
files are fixed; ``errors`` tells what is wrong meanwhile.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from bot.directory.loader import directory_files, load_directory
from bot.directory.model import DirectoryError, ValidationIssue
from bot.directory.queries import Directory
from bot.paths import DIRECTORY_DIR

logger = logging.getLogger(__name__)

#: Environment variable naming another directory folder (tests, staging).
DIRECTORY_ENV = "PERHEBOTTI_DIRECTORY_DIR"
DEFAULT_CHECK_INTERVAL = 2.0

# (file name, modification time in ns, size), None for a missing file.
Signature = tuple[tuple[str, int, int] | None, ...]


class DirectoryStore:
    """Serve the directory in ``path``, reloading it when its files change.

    Args:
        path: Folder with the directory files.
        check_interval: Seconds between looks at the files.
        clock: Monotonic clock, replaceable in tests.
    """

    def __init__(
        self,
        path: Path = DIRECTORY_DIR,
        *,
        check_interval: float = DEFAULT_CHECK_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.check_interval = check_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._signature: Signature | None = None
        self._checked_at: float | None = None
        self._errors: list[ValidationIssue] = []

    @property
    def errors(self) -> list[ValidationIssue]:
        """What is wrong with the files now; empty when the served directory is current."""
        return list(self._errors)

    def current(self) -> Directory:
        """The newest valid directory (loaded on first use).

        Raises:
            DirectoryError: Only when no valid directory has been loaded yet.
        """
        with self._lock:
            now = self._clock()
            if self._checked_at is None or now - self._checked_at >= self.check_interval:
                self._checked_at = now
                self._refresh()
            if self._directory is None:
                raise DirectoryError(self._errors)
            return self._directory

    def _refresh(self) -> None:
        signature = self._signature_now()
        if signature == self._signature:
            return
        self._signature = signature
        action = "keeping the last good one" if self._directory else "nothing to serve"
        try:
            directory = load_directory(self.path)
        except DirectoryError as error:
            self._errors = error.issues
            logger.error(
                "Directory %s has %d errors (%s):\n%s", self.path, len(error.issues), action, error
            )
            return
        except Exception as error:  # a loader bug must not take the action server down either
            self._errors = [ValidationIssue("(directory)", "-", "-", f"cannot load: {error!r}")]
            logger.exception("Directory %s could not be loaded (%s)", self.path, action)
            return
        if self._directory is not None:
            logger.info("Directory %s reloaded", self.path)
        self._directory = directory
        self._errors = []

    def _signature_now(self) -> Signature:
        result: list[tuple[str, int, int] | None] = []
        for file in directory_files(self.path):
            try:
                stat = file.stat()
            except OSError:
                result.append(None)
                continue
            result.append((file.name, stat.st_mtime_ns, stat.st_size))
        return tuple(result)


@lru_cache(maxsize=1)
def default_store() -> DirectoryStore:
    """The process-wide store of the project's directory (``$PERHEBOTTI_DIRECTORY_DIR`` if set).

    Nothing is read until the first ``current()``.
    """
    return DirectoryStore(Path(os.environ.get(DIRECTORY_ENV) or DIRECTORY_DIR))
