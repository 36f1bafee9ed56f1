"""Per-object permissions of the partners app (rules predicates over the user's scope)."""

import rules

from chanchuang.core.choices import Role
from chanchuang.core.rules import holds_role, is_platform_admin, manages_school
from chanchuang.core.visibility import scope_of
from chanchuang.partners.choices import AgreementStatus


@rules.predicate
def works_with_partners(user, obj=None) -> bool:
    """School staff or department staff of the object's school (of any, without an object)."""
    scope = scope_of(user)
    schools = scope.staff_schools | scope.department_schools
    return bool(schools) if obj is None else obj.school_id in schools


@rules.predicate
def is_member_of_committed_party(user, commitment=None) -> bool:
    """The user is an enterprise member of the party that made the commitment."""
    if commitment is None:
        return bool(scope_of(user).organisation_ids)
    return commitment.party.organisation_id in scope_of(user).organisation_ids


# Partner profiles (the organisations seen from here), contacts, timeline.
rules.add_perm("partners.list_partners", is_platform_admin | holds_role(
    Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.MENTOR, Role.STUDENT, Role.ENTERPRISE_MEMBER))
rules.add_perm("partners.manage_partner", manages_school)
rules.add_perm("partners.view_contact_phone", is_platform_admin | works_with_partners)
rules.add_perm("partners.record_interaction", is_platform_admin | works_with_partners)

# Agreements: staff run them; department staff read; enterprise members read their own and
# record deliveries on their own commitments.
rules.add_perm("partners.list_agreements", is_platform_admin | holds_role(
    Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER))
rules.add_perm("partners.manage_agreement", manages_school)
rules.add_perm("partners.record_delivery", manages_school | is_member_of_committed_party)
rules.add_perm("partners.manage_signing", manages_school)
rules.add_perm("partners.view_signing", is_platform_admin | works_with_partners)
rules.add_perm("partners.import_organisations", manages_school)


@rules.predicate
def is_editable(user, agreement=None) -> bool:
    """The agreement is still a draft or under review."""
    return agreement is None or agreement.is_editable


@rules.predicate
def is_draft(user, agreement=None) -> bool:
    """The agreement has not been submitted yet."""
    return agreement is None or agreement.status == AgreementStatus.DRAFT


# The generic pages' add/change/delete permissions.
for model in ("contact", "signingevent", "agreementtype"):
    rules.add_perm(f"partners.add_{model}", manages_school)
    rules.add_perm(f"partners.change_{model}", manages_school)
    rules.add_perm(f"partners.delete_{model}", manages_school)
rules.add_perm("partners.add_agreement", manages_school)
rules.add_perm("partners.change_agreement", manages_school & is_editable)
rules.add_perm("partners.delete_agreement", manages_school & is_draft)
