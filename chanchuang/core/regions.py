"""GB/T 2260 administrative divisions: the reference data shipped in ``core/data/regions.json``."""

import json
from pathlib import Path

REGIONS_FILE = Path(__file__).resolve().parent / "data" / "regions.json"


def level_of(code: str) -> str:
    """province for ``420000``, city for ``420100``, district for ``420111``."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "district"


def load_regions(region_model) -> int:
    """Insert every division if the table is empty (the model may be a migration's historical
    one); return how many rows were written."""
    if region_model.objects.exists():
        return 0
    rows = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["regions"]
    region_model.objects.bulk_create(
        [region_model(code=code, name=name, level=level_of(code), parent_id=parent)
         for code, name, parent in rows],
        batch_size=1000,
    )
    return len(rows)
