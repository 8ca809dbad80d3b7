"""Tests of services/sync."""
