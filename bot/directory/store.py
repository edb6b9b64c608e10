"""The directory a running process serves, reloaded in the background when an editor saves.

``DirectoryStore.current()`` never waits for a reload. The first call loads the directory
(there is nothing to serve before it) and starts a watcher thread; from then on
``current()`` only returns a reference. Every ``check_interval`` seconds the watcher
compares the files' modification times and sizes with its last look; when they changed it
builds a complete new :class:`~bot.directory.queries.Directory` and then swaps the reference
in one assignment, so a reader gets either the old directory or the new one, never a
half-loaded one. A broken edit is logged, the last good directory keeps being served until
the files are fixed, and ``errors`` tells what is wrong meanwhile.

A process makes one store where it starts and hands it on: the action server in
``actions/actions.py`` and the NLU name extractor (:mod:`bot.rasa.name_entities`), each for
the folder of :func:`bot.settings.directory_dir`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from bot.directory.loader import directory_files, load_directory
from bot.directory.model import DirectoryError, ValidationIssue
from bot.directory.queries import Directory
from bot.paths import DIRECTORY_DIR

logger = logging.getLogger(__name__)

DEFAULT_CHECK_INTERVAL = 2.0

# (file name, modification time in ns, size), None for a missing file.
Signature = tuple[tuple[str, int, int] | None, ...]


class DirectoryStore:
    """Serve the directory in ``path``, reloading it in the background when its files change.

    Args:
        path: Folder with the directory files.
        check_interval: Seconds between the watcher's looks at the files.
        watch: Start the watcher thread on first use (off in tests that drive
            :meth:`refresh` themselves).
    """

    def __init__(
        self,
        path: Path = DIRECTORY_DIR,
        *,
        check_interval: float = DEFAULT_CHECK_INTERVAL,
        watch: bool = True,
    ) -> None:
        self.path = path
        self.check_interval = check_interval
        self._watch = watch
        self._reload_lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._directory: Directory | None = None
        self._signature: Signature | None = None
        self._errors: list[ValidationIssue] = []

    @property
    def errors(self) -> list[ValidationIssue]:
        """What is wrong with the files now; empty when the served directory is current."""
        return list(self._errors)

    def current(self) -> Directory:
        """The newest valid directory; loads it on first use, never waits for a reload after.

        Raises:
            DirectoryError: Only when no valid directory has been loaded yet.
        """
        directory = self._directory
        if directory is not None:
            return directory
        with self._reload_lock:
            if self._directory is None:
                self._reload()
        self._start_watcher()
        if self._directory is None:
            raise DirectoryError(self._errors)
        return self._directory

    def refresh(self) -> bool:
        """Look at the files once and reload when they changed (what the watcher does).

        Returns:
            Whether a new directory is served now.
        """
        with self._reload_lock:
            return self._reload()

    def stop(self) -> None:
        """Stop the watcher thread (the served directory stays)."""
        self._stop.set()
        watcher = self._watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join(timeout=5)

    def _start_watcher(self) -> None:
        with self._reload_lock:
            if not self._watch or self._watcher is not None or self._stop.is_set():
                return
            self._watcher = threading.Thread(
                target=self._watch_files, name=f"directory-watcher {self.path}", daemon=True
            )
            self._watcher.start()

    def _watch_files(self) -> None:
        while not self._stop.wait(self.check_interval):
            try:
                self.refresh()
            except Exception:  # the watcher must outlive any surprise
                logger.exception("Directory watcher of %s failed; it keeps watching", self.path)

    def _reload(self) -> bool:
        """Reload when the files changed; the caller holds the reload lock."""
        signature = self._signature_now()
        if signature == self._signature:
            return False
        self._signature = signature
        action = "keeping the last good one" if self._directory else "nothing to serve"
        try:
            directory = load_directory(self.path)
        except DirectoryError as error:
            self._errors = error.issues
            logger.error(
                "Directory %s has %d errors (%s):\n%s", self.path, len(error.issues), action, error
            )
            return False
        except Exception as error:  # a loader bug must not take the action server down either
            self._errors = [ValidationIssue("(directory)", "-", "-", f"cannot load: {error!r}")]
            logger.exception("Directory %s could not be loaded (%s)", self.path, action)
            return False
        if self._directory is not None:
            logger.info("Directory %s reloaded", self.path)
        self._directory = directory  # one assignment: readers see the old or the new one
        self._errors = []
        return True

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
