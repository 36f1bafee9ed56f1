"""The registry's ledger: every movement is posted as one ``Transfer`` of entries that sum to
zero per asset, after checking that no company account would go below zero; balances are read
back as the entries' sums in one grouped query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from chanchuang.carbon.choices import Asset, Movement, SystemAccount
from chanchuang.carbon.models import Company, Entry, Simulation, Transfer
from chanchuang.carbon.models.registry import from_units, to_units
from chanchuang.carbon.simclock import Moment
from chanchuang.core.services import DomainError

Account = Company | SystemAccount
ZERO = Decimal(0)


@dataclass
class Balances:
    """A company's holdings: available and frozen, of allowances, offsets and cash."""

    amounts: dict[tuple[str, bool], Decimal] = field(default_factory=dict)

    def get(self, asset: str, frozen: bool = False) -> Decimal:
        return self.amounts.get((asset, frozen), ZERO)

    @property
    def cea(self) -> int:
        return int(self.get(Asset.CEA))

    @property
    def cea_frozen(self) -> int:
        return int(self.get(Asset.CEA, True))

    @property
    def ccer(self) -> int:
        return int(self.get(Asset.CCER))

    @property
    def cash(self) -> Decimal:
        return self.get(Asset.CASH)

    @property
    def cash_frozen(self) -> Decimal:
        return self.get(Asset.CASH, True)


def balances(companies) -> dict[int, Balances]:
    """The balances of each company (ids or objects), in one query."""
    ids = [getattr(c, "pk", c) for c in companies]
    found: dict[int, Balances] = {pk: Balances() for pk in ids}
    rows = (Entry.objects.filter(company_id__in=ids).values("company_id", "asset", "frozen")
            .annotate(total=Sum("amount")).order_by())
    for row in rows:
        found[row["company_id"]].amounts[(row["asset"], row["frozen"])] = Decimal(
            from_units(row["asset"], row["total"]))
    return found


def system_balance(simulation: Simulation, account: SystemAccount, asset: Asset) -> Decimal:
    """What a system account of the session holds of an asset (the CCER desk's offsets)."""
    total = Entry.objects.filter(transfer__simulation=simulation, system=account,
                                 asset=asset).aggregate(total=Sum("amount"))["total"]
    return Decimal(from_units(asset, total))


# What to call a shortfall of each (asset, frozen) in a refusal.
SHORT = {
    (Asset.CASH, False): lambda: _("Not enough cash available."),
    (Asset.CEA, False): lambda: _("Not enough allowances available."),
    (Asset.CCER, False): lambda: _("Not enough offsets available."),
}


def post(simulation: Simulation, kind: Movement, moment: Moment,
         moves: list[tuple[Account, str, Decimal | int, bool]], *, order=None, trade=None,
         note: str = "") -> Transfer:
    """Post one balanced transfer: ``moves`` are (account, asset, amount, frozen). Refused
    with the shortfall's message when a company account would go below zero; a transfer
    that does not sum to zero per asset is a programming error (ValueError)."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    changes: dict[tuple[int, str, bool], Decimal] = defaultdict(Decimal)
    for account, asset, amount, frozen in moves:
        totals[asset] += Decimal(amount)
        if isinstance(account, Company):
            changes[(account.pk, asset, frozen)] += Decimal(amount)
    if any(totals.values()):
        raise ValueError(f"An unbalanced transfer: {dict(totals)}")
    debited = {key for key, amount in changes.items() if amount < 0}
    if debited:
        held = balances({company for company, _a, _f in debited})
        for company, asset, frozen in debited:
            if held[company].get(asset, frozen) + changes[(company, asset, frozen)] < 0:
                message = SHORT.get((asset, frozen))
                raise DomainError(message() if message else _("The ledger refuses this move."))
    transfer = Transfer.objects.create(
        simulation=simulation, kind=kind, elapsed=moment.elapsed, day=moment.day,
        year=moment.year, order=order, trade=trade, note=note[:200])
    Entry.objects.bulk_create([
        Entry(transfer=transfer, company=account if isinstance(account, Company) else None,
              system="" if isinstance(account, Company) else account, asset=asset,
              frozen=frozen, amount=to_units(asset, amount))
        for account, asset, amount, frozen in moves if amount
    ])
    return transfer


def freeze(simulation: Simulation, moment: Moment, company: Company, asset: str,
           amount: Decimal | int, order, *, release: bool = False) -> Transfer:
    """Move ``amount`` of an asset between the company's available and frozen holdings (to
    frozen, or back with ``release``)."""
    sign = -1 if release else 1
    return post(simulation, Movement.RELEASE if release else Movement.FREEZE, moment, [
        (company, asset, -sign * Decimal(amount), False),
        (company, asset, sign * Decimal(amount), True),
    ], order=order)
