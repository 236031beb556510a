"""Importers and exporters: Daylio, Bearable, Apple Health, CSV, JSON and FHIR."""

from __future__ import annotations
