"""Tests of services/events."""
