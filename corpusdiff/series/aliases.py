"""The shipped, region-neutral indicator aliases (series/data/indicator-aliases.yaml): written
name -> canonical name. Kept apart from `indicators` so that loading a corpus's vocabulary
does not import the indicator reader."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files

import yaml

DEFAULT_ALIASES: Mapping[str, str] = yaml.safe_load(
    files("corpusdiff.series").joinpath("data", "indicator-aliases.yaml").read_text(encoding="utf-8")
)
