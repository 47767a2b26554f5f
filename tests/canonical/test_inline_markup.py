"""A document from elsewhere may hold Markdown markup no canonical document does (the
normaliser escapes it): a link, an image, an autolink, a code span. Every command reads
such a paragraph as the text it is, as the site's page shows it. Before, `parse` kept only a
link's text and dropped an image and a code span whole, so a contribution could put a
sentence on the published page that `diff` and `review` never showed."""

from __future__ import annotations

import pytest

from corpusdiff.canonical.markdown import parse
from corpusdiff.site.build import render_document_body

HEAD = "---\ntitle: 福田区报告\nid: futian/annual-plan/2025-01\ndate: 2025-01\ndialect: '1'\n---\n\n# 福田区报告\n\n"

WRITTEN = [
    "预算十亿元![，其中五亿元另作他用](x.png)。",
    "详见[通知](javascript:alert(1))。",
    "详见[附件](../../../../etc/passwd)。",
    "详见<https://evil.example/a>。",
    "资金`另作他用`已拨付。",
    "详见[附件][r]。",
]


@pytest.mark.parametrize("paragraph", WRITTEN)
def test_markup_in_a_paragraph_reads_as_written(paragraph: str) -> None:
    document = parse(HEAD + paragraph + "\n\n[r]: https://evil.example/r\n")
    assert document.blocks[0].text == paragraph


@pytest.mark.parametrize("paragraph", WRITTEN)
def test_the_site_page_shows_what_every_command_reads(paragraph: str) -> None:
    html, _, _ = render_document_body(HEAD + paragraph + "\n")
    assert "<a " not in html and "<img" not in html and "<code" not in html
    assert paragraph.replace("<", "&lt;").replace(">", "&gt;") in html
