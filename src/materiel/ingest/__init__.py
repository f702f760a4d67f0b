"""Ingest: read documents from files, folders, JSON Lines and standard input."""

from materiel.ingest.readers import RawDocument, ReadError, read_inputs

__all__ = ["RawDocument", "ReadError", "read_inputs"]
