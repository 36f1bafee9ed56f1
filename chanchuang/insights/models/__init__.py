"""Models of the insights app, one module per sub-concept: ``destinations`` (graduate
destinations and their evidence) and ``reports`` (the annual report's narrative and report
builds). The dashboard and the outcome chain read the other apps' records and keep no table
of their own."""

from chanchuang.insights.models.destinations import GraduateDestination, destination_seen
from chanchuang.insights.models.reports import PartnershipNarrative, ReportJob

__all__ = ["GraduateDestination", "PartnershipNarrative", "ReportJob", "destination_seen"]
