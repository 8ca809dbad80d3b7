"""Tests of ui/attestation."""
