"""Tests of services/staff."""
