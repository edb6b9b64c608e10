"""Well-known locations inside the project, resolved from this file (never from the CWD)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DIRECTORY_DIR = DATA_DIR / "directory"
MUNICIPALITIES_CSV = DIRECTORY_DIR / "municipalities.csv"
TRAINING_DATA_DIR = DATA_DIR / "training"
MODELS_DIR = PROJECT_ROOT / "models"
STATE_DIR = PROJECT_ROOT / "var"
