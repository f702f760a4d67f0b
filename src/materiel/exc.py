"""The errors materiel raises: one base class, so callers can catch them all."""

from __future__ import annotations


class MaterielError(Exception):
    """Base of every error materiel raises on purpose."""


class InvalidLexicon(MaterielError):
    """A lexicon or catalogue file is missing, malformed or inconsistent."""


class InputError(MaterielError):
    """A document could not be read: missing, binary, empty, too large, bad encoding."""


class UnsupportedLanguage(MaterielError):
    """A language was asked for (or detected) that has no lexicon."""


class GoldFormatError(MaterielError):
    """A gold or prediction file line does not follow claims-v1."""


class StoreError(MaterielError):
    """The register store cannot be opened, migrated, written or queried."""


class FetchError(InputError):
    """A URL could not be fetched (network down, timeout, HTTP error)."""


class ExportError(MaterielError):
    """An export could not be written (unknown format, unwritable file)."""


class ReviewError(MaterielError):
    """A review or account action was refused: unknown claim, invalid value, bad name."""
