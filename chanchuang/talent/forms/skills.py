"""Forms of the skill dictionary, courses and the skills a bootcamp programme trains."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.core.forms import ScopedModelForm
from chanchuang.talent.models import Course, Skill
from chanchuang.talent.services.skills import split_words


class SkillForm(ScopedModelForm):
    """A skill of the dictionary; its synonyms typed as one text, separated by 、，, or new
    lines."""

    synonyms_text = forms.CharField(
        label=_("synonyms"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Other words for the same skill, as job descriptions write them, separated "
                    "by 、 or commas or on separate lines."))

    class Meta:
        model = Skill
        fields = ["school", "name", "category", "synonyms_text", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["synonyms_text"] = "、".join(self.instance.synonyms or ())

    def clean(self):
        cleaned = super().clean()
        self.instance.synonyms = split_words(cleaned.get("synonyms_text", ""))
        return cleaned


class CourseForm(ScopedModelForm):
    """A course with the majors that take it and the skills it teaches (the school's own)."""

    class Meta:
        model = Course
        fields = ["school", "code", "name", "department", "credits", "majors", "skills"]
        widgets = {"majors": forms.SelectMultiple(attrs={"data-search": "true"}),
                   "skills": forms.SelectMultiple(attrs={"data-search": "true"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.school_id:
            for name in ("department", "majors", "skills"):
                self.fields[name].queryset = self.fields[name].queryset.filter(
                    school_id=self.instance.school_id)


class ProgrammeSkillsForm(forms.Form):
    """The skills a bootcamp programme trains (from its school's dictionary)."""

    skills = forms.ModelMultipleChoiceField(
        label=_("skills trained"), queryset=Skill.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"data-search": "true"}))

    def __init__(self, *args, user, programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = Skill.objects.visible_to(user).filter(
            school_id=programme.school_id)
