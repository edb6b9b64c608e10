"""The one fold every matcher uses."""

from __future__ import annotations

import pytest

from bot.text import fold, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hämäläinen", "hamalainen"),
        ("ÄÄNEKOSKI", "aanekoski"),
        ("Åbo", "abo"),
        ("Müller", "myller"),
        ("Šakki café", "sakki cafe"),
        ("HyPe:ssä, klo 13", "hype:ssa, klo 13"),
        ("İstanbul", "istanbul"),  # "İ".lower() is two characters; the length stays
    ],
)
def test_fold_lowers_and_folds_keeping_every_index(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_words_are_folded_and_split_on_anything_but_letters_and_digits() -> None:
    assert words("Harju-Kivinen, Perhekeskus Jalo 2") == [
        "harju",
        "kivinen",
        "perhekeskus",
        "jalo",
        "2",
    ]
