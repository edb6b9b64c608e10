"""Place values: the one reader and writer of the ``place`` slot's strings."""

from __future__ import annotations

import pytest

from bot.directory.place import Place


@pytest.mark.parametrize(
    ("value", "place"),
    [
        ("410", Place("municipality", "410")),
        ("region:Keski-Suomi", Place("region", "Keski-Suomi")),
        ("county:Keski-Suomen hyvinvointialue", Place("county", "Keski-Suomen hyvinvointialue")),
    ],
)
def test_a_value_reads_and_writes_back(value: str, place: Place) -> None:
    assert Place.parse(value) == place
    assert place.id == value


def test_only_regions_and_counties_are_areas() -> None:
    assert Place.parse("region:Päijät-Häme").is_area
    assert Place.parse("county:Päijät-Hämeen hyvinvointialue").is_area
    assert not Place.parse("398").is_area
