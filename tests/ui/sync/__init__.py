"""Tests of ui/sync."""
