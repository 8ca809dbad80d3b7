"""Tests of ui/literature."""
