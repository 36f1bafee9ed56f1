"""The confirmations of co-developed work hand each confirmed record to the partners ledger
through ``colleges.services.indicators.deliver_to_ledger`` (the indicators sub-concept writes it
and tests the ledger). Where that module is not there yet, ``stand_in`` puts a module in its
place that only remembers which records were handed over."""

from __future__ import annotations

import importlib.util
import sys
import types

MODULE = "chanchuang.colleges.services.indicators"


def stand_in(monkeypatch) -> list[int] | None:
    """The ids handed to the stand-in ledger (None when the real module is there)."""
    if importlib.util.find_spec(MODULE) is not None:
        return None
    handed: list[int] = []
    module = types.ModuleType(MODULE)

    def deliver_to_ledger(*, contribution, actor) -> None:
        handed.append(contribution.pk)

    module.deliver_to_ledger = deliver_to_ledger
    monkeypatch.setitem(sys.modules, MODULE, module)
    return handed
