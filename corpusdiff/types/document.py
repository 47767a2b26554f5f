"""Plain data flowing out of the normaliser: metadata and the blocks of canonical Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Heading:
    """A heading; `kind` is a marker kind from numbering.RANKS, that kind with
    numbering.NESTED_SUFFIX (a same-kind sequence nested inside a section), or "appendix" or "closing"."""

    text: str
    kind: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListItem:
    text: str


@dataclass(frozen=True)
class Table:
    """A table; the first row is the header."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Box:
    """A `专栏N` box: a titled group of paragraphs set apart from the running text."""

    title: str
    blocks: tuple[Paragraph | ListItem | Table, ...]


Block = Heading | Paragraph | ListItem | Table | Box


@dataclass(frozen=True)
class Source:
    """Where a document came from: enough to find and verify the raw bytes."""

    file: str
    sha256: str
    original_name: str = ""
    encoding: str = "utf-8"
    #: the format told from the raw bytes (read/formats.FORMATS); "text" is not written out
    format: str = "text"
    #: the extractor that turned a non-text format into text, with its version ("" for text)
    extractor: str = ""


class Level(StrEnum):
    """The tier of government a report speaks for (`Metadata.level`)."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"  # 省, 自治区, 直辖市, 特别行政区
    CITY = "city"  # 市 (prefecture level), 自治州, 地区, 盟
    DISTRICT = "district"  # 市辖区, 新区
    COUNTY = "county"  # 县, 自治县, 旗, 县级市


@dataclass(frozen=True)
class Metadata:
    """Front matter of a canonical document (see docs/canonical-markdown.md)."""

    title: str = ""
    id: str = ""
    region: str = ""
    #: a `Level` value, or "" when the text does not say
    level: str = ""
    genre: str = "report"
    series: str = ""
    period: str = ""
    date: str = ""
    speaker: str = ""
    meeting: str = ""
    delivered: str = ""
    container: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class NormalizedDocument:
    """The normaliser's result: front matter, body blocks and what the reader should know."""

    metadata: Metadata
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())
