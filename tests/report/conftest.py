"""Chromium and axe-core, shared with the chat page's browser tests."""

from tests.web.conftest import axe_source, browser

__all__ = ["axe_source", "browser"]
