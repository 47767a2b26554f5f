"""Encodings are detected with charset-normalizer; bad bytes get one clear error."""

from __future__ import annotations

import codecs
import contextlib
import os
import threading
from pathlib import Path

import pytest

from corpusdiff.errors import InputError
from corpusdiff.read import decode
from corpusdiff.read.decode import decode_report, read_report
from tests.conftest import SEEDS

SAMPLE = "福田区2021年国民经济和社会发展计划\n执行情况与2022年计划\n\n二〇二二年一月\n\n一、2021年国民经济和社会发展计划执行情况\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
        SAMPLE.encode("utf-16"),
        SAMPLE.encode("utf-16-le"),  # no byte-order mark, as some Windows tools save it
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-32"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        SAMPLE.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["gb18030", "gbk", "utf-16", "utf-16-le-no-bom", "utf-16-be-no-bom", "utf-32", "utf-8-bom", "crlf", "old-mac"],
)
def test_encodings_and_line_endings_give_the_same_text(data: bytes) -> None:
    assert decode_report(data, "x.txt").text == SAMPLE


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "zip archive"),
        ("福田".encode() + b"\x00\x00\x00", "NUL bytes"),
        (bytes(range(128, 256)) * 10, "encoding"),
        # a byte-order mark, then bytes its encoding cannot read: cut off, or damaged
        (codecs.BOM_UTF32_LE + "福田".encode("utf-32-le")[:-1], "not valid UTF-32 (damaged or cut off at byte"),
        (codecs.BOM_UTF16_BE + "福田".encode("utf-16-be") + b"\xd8\x00", "not valid UTF-16"),
    ],
)
def test_bad_input_is_refused_with_advice(data: bytes, phrase: str) -> None:
    with pytest.raises(InputError) as excinfo:
        decode_report(data, "bad.txt")
    message = str(excinfo.value)
    assert phrase in message
    assert message.startswith("bad.txt:")
    assert "\n" not in message


def test_sha256_is_of_the_raw_bytes() -> None:
    import hashlib

    data = SAMPLE.encode("gb18030")
    assert decode_report(data, "x").sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig-crlf"])
def test_reencoded_seed_gives_the_same_canonical_body(encoding: str) -> None:
    from corpusdiff.canonical.markdown import render
    from corpusdiff.normalize.entry import normalize_raw
    from tests.conftest import SEEDS, body_of

    text = (SEEDS / "futian-2023-10-mid-year-plan-report.txt").read_text(encoding="utf-8")
    if encoding == "utf-8-sig-crlf":
        data = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")
    else:
        data = text.encode(encoding)
    reencoded = decode_report(data, "seed.txt")
    original = decode_report(text.encode("utf-8"), "seed.txt")
    assert reencoded.encoding.replace("_", "").lower() in {"gb18030", "utf-16", "utf-8-sig"}
    assert body_of(render(normalize_raw(reencoded))) == body_of(render(normalize_raw(original)))


@pytest.mark.parametrize(
    ("really", "misread", "iconv"),
    [("utf-8", "latin-1", "LATIN1"), ("gb18030", "latin-1", "LATIN1"), ("gb18030", "cp1252", "CP1252")],
)
def test_mojibake_is_refused_with_the_command_that_recovers_it(really: str, misread: str, iconv: str) -> None:
    # The seed's title lines, once decoded the wrong way by an editor and saved again as UTF-8.
    garbled = SAMPLE.encode(really).decode(misread).encode("utf-8")
    with pytest.raises(InputError) as excinfo:
        decode_report(garbled, "bad.txt")
    message = str(excinfo.value)
    assert message.startswith("bad.txt: the text is garbled")
    assert f"iconv -f UTF-8 -t {iconv} bad.txt" in message
    assert "\n" not in message
    # what iconv does with that advice gives the report back
    recovered = garbled.decode("utf-8").encode(misread)
    assert decode_report(recovered, "fixed.txt").text == SAMPLE



def _damaged(damage: bytes, cut: int = 0, lines_at: tuple[int, ...] = (41,)) -> bytes:
    """A seed as UTF-8 with `damage` put after the fifth character of each line in `lines_at`
    (1-based), and `cut` bytes of that character removed before it."""
    lines = (SEEDS / "futian-2025-01-plan-report.txt").read_bytes().split(b"\n")
    for number in lines_at:
        line = lines[number - 1].decode("utf-8")
        head = line[:5].encode("utf-8")
        lines[number - 1] = head[: len(head) - cut] + damage + line[5:].encode("utf-8")
    return b"\n".join(lines)


@pytest.mark.parametrize(
    ("data", "places"),
    [
        (_damaged(b"\xff"), "in 1 place"),  # a stray byte
        (_damaged(b"", cut=1), "in 1 place"),  # a character's last byte lost
        (_damaged(b"\xff\xfe\x80"), "in 1 place"),
        (_damaged(b"\xff", lines_at=(41, 61)), "in 2 places"),
        (codecs.BOM_UTF8 + _damaged(b"\xff"), "in 1 place"),  # the mark says UTF-8; no other guess
    ],
    ids=["stray-byte", "cut-character", "three-bytes", "two-places", "after-a-byte-order-mark"],
)
def test_utf8_with_a_few_bad_bytes_is_refused_saying_where(data: bytes, places: str) -> None:
    """A UTF-8 extract damaged in a few places is no unknown encoding: the error says so, and
    where, instead of suggesting a conversion from GB18030 that would garble the whole file."""
    with pytest.raises(InputError) as refused:
        decode_report(data, "plan.txt")
    message = str(refused.value)
    assert "UTF-8" in message and places in message and "line 41" in message
    assert "GB18030" not in message


def test_a_line_pasted_in_another_encoding_is_named_and_no_byte_dropping_is_advised() -> None:
    """A GBK line inside UTF-8 text: `iconv -c` would drop its characters, so the error says what
    the line is instead."""
    data = (SAMPLE * 40).encode("utf-8") + "这一行是从旧文件粘贴的文字。\n".encode("gbk") + SAMPLE.encode("utf-8")
    with pytest.raises(InputError) as refused:
        decode_report(data, "plan.txt")
    message = str(refused.value)
    assert "GBK" in message and "这一行是从旧文件" in message and "iconv -c" not in message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(device: str) -> None:
    """Before, `normalize /dev/zero` read until the machine ran out of memory."""
    with pytest.raises(InputError, match="is a device, not a file"):
        read_report(Path(device))


def test_a_pipe_longer_than_any_report_is_refused_once_read_that_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`normalize <(yes 中)` ends with one line instead of filling the memory."""
    monkeypatch.setattr(decode, "MAX_REPORT_BYTES", 1000)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: _feed(fifo, "中文报告。\n" * 10_000))
    writer.start()
    with pytest.raises(InputError, match="larger than 1000 bytes"):
        read_report(fifo)
    writer.join(timeout=5)


def _feed(fifo: Path, text: str) -> None:
    with contextlib.suppress(BrokenPipeError), fifo.open("w", encoding="utf-8") as out:
        out.write(text)
