"""`extract`: documents in, claims-v1 results out (the CLI's plain function)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from materiel.exc import InputError, UnsupportedLanguage
from materiel.ingest.readers import RawDocument, ReadError
from materiel.lexicon import available_languages, load_lexicon
from materiel.lexicon.loader import overlay_dirs
from materiel.model import DocumentResult
from materiel.nlp.doc import Doc
from materiel.nlp.pipeline import process
from materiel.nlp.unknowns import find_unknowns


def check_language(lang: str, overlays: tuple[Path, ...] = ()) -> str | None:
    """`auto` → None; a code with a lexicon (ours or an overlay's) → itself;
    else UnsupportedLanguage."""
    if lang == "auto":
        return None
    languages = available_languages(overlay_dirs(overlays))
    if lang not in languages:
        known = ", ".join(["auto", *languages])
        raise UnsupportedLanguage(f"unknown language {lang!r} (choose from {known})")
    return lang


def extract_documents(
    items: Iterable[RawDocument | ReadError],
    lang: str | None = None,
    date: str | None = None,
    overlays: tuple[Path, ...] = (),
) -> Iterator[DocumentResult | ReadError]:
    """One result per readable document; read errors pass through in order."""
    for item in items:
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield extract_document(item, lang, date, overlays)
        except (InputError, UnsupportedLanguage) as err:
            yield ReadError(item.id, str(err))


def extract_document(
    raw: RawDocument,
    lang: str | None = None,
    date: str | None = None,
    overlays: tuple[Path, ...] = (),
) -> DocumentResult:
    doc = Doc(raw.id, raw.text, lang or raw.lang, date or raw.date, dict(raw.meta))
    doc = process(doc, overlays)
    if doc.lang is None:
        raise InputError("too little text to tell its language")
    if doc.lang not in available_languages(overlay_dirs(overlays)):
        raise UnsupportedLanguage(f"language {doc.lang!r} has no lexicon; no claims extracted")
    unknowns = find_unknowns(doc, load_lexicon(doc.lang, overlays)) if doc.sentences else []
    return DocumentResult(
        doc=raw.id, lang=doc.lang, date=doc.date, claims=doc.claims, unknowns=unknowns
    )
