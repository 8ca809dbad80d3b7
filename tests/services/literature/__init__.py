"""Tests of services/literature."""
