"""`site serve` on a port it cannot have says so in one line, naming the port and --port."""

from __future__ import annotations

import socket
from pathlib import Path

from click.testing import CliRunner

from corpusdiff.cli.main import main
from tests.hostile import assert_one_line_refusal


def test_a_port_in_use_is_named_with_another_to_give(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["site", "serve", "--out", str(tmp_path), "--port", str(port)])
    assert_one_line_refusal(result, f"port {port} on 127.0.0.1 is in use", "--port")
