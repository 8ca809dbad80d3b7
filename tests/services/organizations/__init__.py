"""Tests of services/organizations."""
