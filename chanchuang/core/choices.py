"""Enumerations of the core domain: roles, organisation kinds, industries, statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a membership lets a person do (see ARCHITECTURE.md, "Who uses it")."""

    PLATFORM_ADMIN = "platform_admin", _("Platform admin")
    SCHOOL_STAFF = "school_staff", _("School staff")
    DEPARTMENT_STAFF = "department_staff", _("Department staff")
    ENTERPRISE_MEMBER = "enterprise_member", _("Enterprise member")
    MENTOR = "mentor", _("Mentor")
    STUDENT = "student", _("Student")
    OBSERVER = "observer", _("Provincial observer")


class OrganisationKind(models.TextChoices):
    """The kind of an organisation the school works with."""

    ENTERPRISE = "enterprise", _("Enterprise")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    GOVERNMENT = "government", _("Government body")
    ASSOCIATION = "association", _("Association")
    SCHOOL = "school", _("School")


class OrganisationSize(models.TextChoices):
    """Enterprise size by the SME classification rules (中小企业划型标准规定)."""

    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")


class Industry(models.TextChoices):
    """GB/T 4754-2017 industry sectors (门类), by their letter."""

    A = "A", _("Agriculture, forestry, animal husbandry and fishery")
    B = "B", _("Mining")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, heat, gas and water production and supply")
    E = "E", _("Construction")
    F = "F", _("Wholesale and retail trade")
    G = "G", _("Transport, storage and postal services")
    H = "H", _("Accommodation and catering")
    I = "I", _("Information transmission, software and IT services")  # noqa: E741
    J = "J", _("Finance")
    K = "K", _("Real estate")
    L = "L", _("Leasing and business services")
    M = "M", _("Scientific research and technical services")
    N = "N", _("Water conservancy, environment and public facilities management")
    O = "O", _("Resident services, repair and other services")  # noqa: E741
    P = "P", _("Education")
    Q = "Q", _("Health and social work")
    R = "R", _("Culture, sports and entertainment")
    S = "S", _("Public administration, social security and social organisations")
    T = "T", _("International organisations")


class MajorLevel(models.TextChoices):
    """The level of a major in the vocational education catalogue (教职成〔2021〕2号)."""

    SECONDARY = "secondary", _("Secondary vocational")
    HIGHER = "higher", _("Higher vocational (associate)")
    BACHELOR = "bachelor", _("Vocational bachelor")


class Gender(models.TextChoices):
    """Gender as recorded in the student register."""

    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class StudentStatus(models.TextChoices):
    """Where a student stands in the register."""

    ENROLLED = "enrolled", _("Enrolled")
    SUSPENDED = "suspended", _("Suspended")
    GRADUATED = "graduated", _("Graduated")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RegionLevel(models.TextChoices):
    """The level of a GB/T 2260 administrative division."""

    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")


class MatchRunStatus(models.TextChoices):
    """Where a run of the matching kernel stands."""

    QUEUED = "queued", _("Matching")
    DONE = "done", _("Matched")
    FAILED = "failed", _("Failed")


class ImportStatus(models.TextChoices):
    """Where an import job stands."""

    CHECKING = "checking", _("Checking")
    READY = "ready", _("Ready to import")
    INVALID = "invalid", _("Has errors")
    IMPORTING = "importing", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportMode(models.TextChoices):
    """Whether an import may change stored rows or only add new ones."""

    UPSERT = "upsert", _("Add new rows and update existing ones")
    CREATE = "create", _("Only add new rows; an existing one is an error")
