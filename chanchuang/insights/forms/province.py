"""Forms of the provincial view: the year asked for (a year not offered shows the default)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.queries import province as queries


class ProvinceYearForm(forms.Form):
    """Which year the provincial view shows."""

    year = forms.TypedChoiceField(label=_("year"), coerce=int, required=False)

    def __init__(self, data) -> None:
        data = data.copy()  # the default year shows as chosen when none is asked for
        data.setdefault("year", str(queries.default_year()))
        super().__init__(data)
        self.fields["year"].choices = [(year, str(year)) for year in queries.year_choices()]
        self.fields["year"].widget.attrs["data-autosubmit"] = ""

    def chosen_year(self) -> int:
        """The year asked for, or the current one."""
        if self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return queries.default_year()
