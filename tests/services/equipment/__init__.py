"""Tests of services/equipment."""
