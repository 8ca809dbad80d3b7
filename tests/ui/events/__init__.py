"""Tests of ui/events."""
