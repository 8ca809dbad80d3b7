"""Attestation of pedagogues (Приказ № 196)."""
