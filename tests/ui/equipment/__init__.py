"""Tests of ui/equipment."""
