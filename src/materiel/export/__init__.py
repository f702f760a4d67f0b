"""Exports of the register: CSV, JSON Lines, STIX 2.1 and a SIPRI-style
trade register, each a subclass of `Exporter` (write, then finalize)."""

from materiel.export.base import Exporter
from materiel.export.run import EXPORTERS, check_options, export, make_exporter

__all__ = ["EXPORTERS", "Exporter", "check_options", "export", "make_exporter"]
