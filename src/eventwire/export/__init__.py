"""Exports of events: ACLED-column CSV rows (here), GeoJSON, Parquet, JSONL (see store exports)."""
from eventwire.export.acled import ACLED_COLUMNS, EVENTWIRE_COLUMNS, acled_complete, acled_row, write_acled_csv

__all__ = ["ACLED_COLUMNS", "EVENTWIRE_COLUMNS", "acled_complete", "acled_row", "write_acled_csv"]
