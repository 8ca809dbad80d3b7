"""Tests of ui/organizations."""
