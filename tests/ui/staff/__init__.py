"""Tests of ui/staff."""
