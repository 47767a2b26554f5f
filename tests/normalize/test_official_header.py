"""An official document's red header over the report's title — the issuing body's `…人民政府文件`
line and the document number — is a wrapper like a gazette's cover: dropped with a warning, so
that the title, the occasion line and the byline are read as such and stay apart.

The report is the Shenzhen 2024 excerpt (tests/data/metadata/shenzhen-2024-gwr.txt, values in
its expected.yaml); the header is written from the genre (深圳市人民政府文件, 深府〔2024〕1号).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusdiff.normalize.entry import normalize_raw
from corpusdiff.read.decode import decode_report
from corpusdiff.types.document import Paragraph

REPORT = Path(__file__).parent.parent / "data" / "metadata" / "shenzhen-2024-gwr.txt"


@pytest.mark.parametrize(
    "header",
    [["深圳市人民政府文件", "", "深府〔2024〕1号"], ["深府〔2024〕1号"], ["深圳市人民政府文件"]],
    ids=["both", "number", "issuer"],
)
def test_red_header_over_the_title_is_a_wrapper(header: list[str]) -> None:
    text = "\n".join([*header, "", REPORT.read_text(encoding="utf-8")])
    document = normalize_raw(decode_report(text.encode("utf-8"), "shenzhen.txt"))
    assert document.metadata.title == "2024年深圳市政府工作报告"
    assert document.metadata.date == "2024-01-29"
    assert document.metadata.speaker == "覃伟中"
    paragraphs = [block.text for block in document.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == ["——2024年1月29日在深圳市第七届人民代表大会第五次会议上", "深圳市市长覃伟中", "各位代表："]
    assert any("before the title" in warning and header[0] in warning for warning in document.warnings)
