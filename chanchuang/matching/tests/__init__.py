"""Tests of the matching kernel (no Django)."""
