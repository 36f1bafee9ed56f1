"""The talent app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""


from chanchuang.core.audit_actions import register

# --- skills: the dictionary, courses, the skills programmes train -----------------------------
register(
)

# --- demand -------------------------------------------------------------------------------------
register(
)

# --- supply: grades, certificates, evidence ---------------------------------------------------
register(
)

# --- docking: activities and follow-ups -------------------------------------------------------
register(
)
