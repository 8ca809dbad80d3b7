"""Tests of services/attestation."""
