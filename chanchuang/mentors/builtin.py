"""The built-in appointment titles (one shared letter template)."""

from chanchuang.mentors.documents import default_letter_template

BUILT_IN = [  # (code, name)
    ("guest_professor", "双创客座教授"),
    ("teaching_director", "双创教学总监"),
    ("enterprise_mentor", "企业导师"),
]


def ensure_builtin_titles(title_model) -> None:
    """Create the built-in titles that are missing (the model may be a historical one)."""
    template = default_letter_template()
    for code, name in BUILT_IN:
        title_model.objects.get_or_create(school=None, code=code, defaults={
            "name": name, "letter_template": template})
