"""The shipped, region-neutral indicator aliases (series/data/indicator-aliases.yaml): written
name -> canonical name. Kept apart from `indicators` so that loading a corpus's vocabulary
does not import the indicator reader."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import yaml


def shipped(name: str) -> Any:
    """One of the YAML files of series/data/, parsed."""
    return yaml.safe_load(files("corpusdiff.series").joinpath("data", name).read_text(encoding="utf-8"))


DEFAULT_ALIASES: Mapping[str, str] = shipped("indicator-aliases.yaml")
