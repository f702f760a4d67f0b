from __future__ import annotations

from pathlib import Path

import pytest

from materiel.exc import InputError
from materiel.ingest.decode import decode
from materiel.ingest.readers import RawDocument, ReadError, read_inputs, split_front_matter


def test_front_matter_is_metadata_and_offsets_start_after_it() -> None:
    meta, body = split_front_matter("---\ndate: 2024-01-02\nlang: nl\n---\nTekst.\n")
    assert str(meta["date"]) == "2024-01-02" and meta["lang"] == "nl"
    assert body == "Tekst.\n"


def test_text_without_front_matter_is_unchanged() -> None:
    assert split_front_matter("---not yaml\ntext") == ({}, "---not yaml\ntext")


def test_legacy_encoding_is_detected() -> None:
    text = "Oekraïne ontving één partij pantserwagens uit België, aldus het ministerie."
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(("data", "message"), [(b"", "empty"), (b"\x00\x01\x02" * 100, "binary")])
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data)


def test_folder_is_read_recursively_and_errors_pass_through(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Iran sent drones to Russia.")
    (tmp_path / "two.jsonl").write_text('{"id": "x", "text": "Iran sent drones."}\nnot json\n')
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    items = list(read_inputs([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert sorted(d.id for d in docs) == [str(tmp_path / "a" / "one.txt"), "x"]
    assert [e.where for e in errors] == [f"{tmp_path / 'two.jsonl'}:2"]


def test_html_main_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = " ".join(["Iran has delivered hundreds of Shahed drones to Russia."] * 5)
    page.write_text(
        f"<html><body><nav>Home | News</nav><article><p>{body}</p></article></body></html>"
    )
    (doc,) = list(read_inputs([str(page)]))
    assert isinstance(doc, RawDocument)
    assert "Shahed" in doc.text and "Home" not in doc.text
