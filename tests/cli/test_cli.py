"""The command line on good and bad input: one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE = (
    "---\ntitle: Test\ndate: 2024-02-01\nlang: en\n---\n"
    "North Korea has shipped about 3,000,000 artillery shells to Russia, officials said.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.run(
        [sys.executable, "-m", "materiel", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def lines(out: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def assert_clean_error(result: subprocess.CompletedProcess[bytes], needle: str) -> None:
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert needle in err, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin.txt").write_bytes(
        "Volgens de NOS levert Duitsland twintig Leopard-tanks aan Oekraïne, één na één.".encode(
            "cp1252"
        )
    )
    (tmp_path / "nobody.html").write_text("<html><head><title>x</title></head></html>")
    return tmp_path


def test_extract_a_folder_reports_bad_files_and_keeps_good_ones(corpus: Path) -> None:
    result = run("extract", str(corpus))
    assert result.returncode == 0
    docs = {Path(str(d["doc"])).name: d for d in lines(result.stdout)}
    assert {"good.txt", "latin.txt"} <= set(docs)
    assert docs["good.txt"]["claims"]
    assert docs["latin.txt"]["lang"] == "nl" and docs["latin.txt"]["claims"]
    assert_clean_error(result, "empty.txt: empty document")
    assert_clean_error(result, "junk.txt: binary data")
    assert_clean_error(result, "nobody.html: no main text")


def test_nothing_readable_exits_non_zero(corpus: Path) -> None:
    result = run("extract", str(corpus / "empty.txt"))
    assert result.returncode == 1
    assert_clean_error(result, "empty document")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    result = run("extract", str(huge))
    assert result.returncode == 1
    assert_clean_error(result, "file too large (200 MiB > 100 MiB limit)")


def test_malformed_jsonl_line_is_named_and_the_rest_processed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "a", "lang": "en", "text": "Iran sent drones to Russia."})
    feed.write_text(f"{good}\n{{broken\n{json.dumps({'id': 'c', 'text': ''})}\n", encoding="utf-8")
    result = run("extract", str(feed))
    assert result.returncode == 0
    assert [d["doc"] for d in lines(result.stdout)] == ["a"]
    assert_clean_error(result, "feed.jsonl:2: malformed JSON")
    assert_clean_error(result, "feed.jsonl:3: no 'text'")


def test_unknown_language_is_a_usage_error(corpus: Path) -> None:
    result = run("extract", "--lang", "xx", str(corpus / "good.txt"))
    assert result.returncode == 2
    assert_clean_error(result, "unknown language 'xx'")


def test_missing_file(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert_clean_error(result, "cannot read")


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", "-", "-o", str(out), "--date", "2024-02-01", stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    (doc,) = lines(out.read_bytes())
    assert doc["doc"] == "-" and doc["lang"] == "en"
    table = run("table", str(out))
    assert table.returncode == 0 and b"KP" in table.stdout


def test_eval_json(seed_gold: Path) -> None:
    result = run("eval", str(seed_gold), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["all"]["gold"] == 26


def test_eval_malformed_gold_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a", "text": "x", "claims": [{"kind": "gift"}]}\n')
    result = run("eval", str(gold))
    assert result.returncode == 2
    assert_clean_error(result, "gold.jsonl:1: claim 1: kind")


def test_lexicon_check() -> None:
    result = run("lexicon", "check")
    assert result.returncode == 0
    assert b"nl:" in result.stdout and b"en:" in result.stdout
