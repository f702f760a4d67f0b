"""The register commands end to end: ingest, claims, dossier, stats,
unknowns, search, export; errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run

NEWS = (
    "---\ntitle: Drones\ndate: 2024-03-01\noutlet: Daily One\nlang: en\n---\n"
    "Iran has delivered about 300 Shahed drones to Russia, according to Reuters.\n"
)
DENIAL = "---\ndate: 2024-04-01\nlang: en\n---\nIran denied that it supplied drones to Russia.\n"


def test_ingest_query_export(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(NEWS)
    (tmp_path / "in" / "b.txt").write_text(DENIAL)
    (tmp_path / "in" / "c.txt").write_bytes(b"\x00\x01\x02 binary")
    db = str(tmp_path / "r.db")
    first = run("ingest", str(tmp_path / "in"), "--db", db)
    assert first.returncode == 0
    assert b"c.txt: binary data" in first.stderr and b"Traceback" not in first.stderr
    assert b"2 new documents" in first.stderr
    assert b"2 already in the register" in run("ingest", str(tmp_path / "in"), "--db", db).stderr
    lines = run("claims", "--supplier", "Iran", "--format", "jsonl", "--db", db).stdout
    records = [json.loads(line) for line in lines.splitlines()]
    assert records and all(r["supplier"] == "IR" and r["assertion_id"] for r in records)
    dossier = run("dossier", "Russia", "IR", "--db", db).stdout.decode()
    assert dossier.startswith("Dossier Russia (RU) ↔ Iran (IR)")
    assert "Reuters" in dossier and "denied" in dossier
    assert b"documents   2" in run("stats", "--db", db).stdout
    assert b"Shahed" in run("search", "Shahed", "--db", db).stdout
    out = tmp_path / "bundle.json"
    assert run("export", "--format", "stix", "-o", str(out), "--db", db).returncode == 0
    assert json.loads(out.read_text())["type"] == "bundle"
    assert run("unknowns", "--db", db).returncode == 0


def test_errors_are_one_line(tmp_path: Path) -> None:
    missing = run("dossier", "CN", "RU", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2
    assert missing.stderr.decode().strip().count("\n") == 0
    assert b"no register at" in missing.stderr
    unreachable = run("stats", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert unreachable.returncode == 2 and b"cannot open" in unreachable.stderr
    assert b"Traceback" not in unreachable.stderr
