"""The «Аттестация» tab, the attestation record dialog and the card's attestation page."""
