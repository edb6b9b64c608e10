"""The trained model: what shapes it (its fingerprint) and training it when that changed.

``make train`` and every command that needs a model call :func:`ensure_model`: it trains only
when the training data, config, domain or the NLU components changed, one training at a time.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from bot.paths import MODELS_DIR, PROJECT_ROOT, TRAINING_DATA_DIR

BIN_DIR = Path(sys.executable).parent
RASA = str(BIN_DIR / "rasa")

#: What a trained model depends on: when any of these changes, the model is retrained.
MODEL_INPUTS = (
    TRAINING_DATA_DIR,
    PROJECT_ROOT / "config.yml",
    PROJECT_ROOT / "domain.yml",
    PROJECT_ROOT / "bot" / "rasa",
    # What the NLU components compute with: lemmas (tokenizer), names (name extractor) and
    # the fold both compare words with.
    PROJECT_ROOT / "bot" / "lemmas.py",
    PROJECT_ROOT / "bot" / "text.py",
    PROJECT_ROOT / "bot" / "places",
)

#: Files in those folders that the trained model does not depend on: channels, storage and
#: the action server runner in ``bot/rasa``; the command line and the vocabulary (read by the
#: actions only) in ``bot/places``.
NOT_MODEL_INPUTS = frozenset(
    {
        "rest.py",
        "telegram.py",
        "tracker_store.py",
        "lock_store.py",
        "actions_server.py",
        "action_response.py",
        "events.py",
        "processor.py",
        "cli.py",
        "vocabulary.py",
    }
)

#: How many trained models ``models/`` keeps.
KEPT_MODELS = 3

QUIET_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONUNBUFFERED": "1",
}


def _input_files() -> Iterator[Path]:
    for path in MODEL_INPUTS:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.name not in NOT_MODEL_INPUTS
            )
        elif path.exists():
            yield path


def model_fingerprint() -> str:
    """Hash the training data, config, domain and Rasa components (paths and contents)."""
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path(models_dir: Path = MODELS_DIR) -> Path:
    """Return where the model for the current inputs lives (it may not exist yet)."""
    return models_dir / f"perhebotti-{model_fingerprint()}.tar.gz"


def ensure_model(models_dir: Path = MODELS_DIR, log: IO[str] | None = None) -> Path:
    """Train a model unless one for the current inputs exists; return its path.

    Args:
        models_dir: Folder of trained models.
        log: Where the training output goes (the terminal when None).

    Raises:
        RuntimeError: When training fails.
    """
    target = model_path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    # One training at a time: a second caller (make run beside a test) waits, then reuses it.
    with (models_dir / ".train.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.exists():
            print(f"Model is up to date: {target.relative_to(PROJECT_ROOT)}", file=sys.stderr)
            return target
        return _train(target, models_dir, log)


def _train(target: Path, models_dir: Path, log: IO[str] | None) -> Path:
    print("Training a model (data, config or domain changed) ...", file=sys.stderr)
    started = time.monotonic()
    command = [
        RASA, "train",
        "--data", str(TRAINING_DATA_DIR),
        "--config", str(PROJECT_ROOT / "config.yml"),
        "--domain", str(PROJECT_ROOT / "domain.yml"),
        "--out", str(models_dir),
        "--fixed-model-name", target.name.removesuffix(".tar.gz"),
        "--force",
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=PROJECT_ROOT, env={**os.environ, **QUIET_ENV}, stdout=log, stderr=log
    )
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"rasa train failed with exit code {result.returncode}")
    print(f"Trained {target.name} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    # Keep the few newest models: switching back and forth between inputs reuses them.
    models = sorted(models_dir.glob("perhebotti-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    for old in models[:-KEPT_MODELS]:
        old.unlink()
    return target
