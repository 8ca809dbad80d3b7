"""Textbooks and methodological literature: catalogue, documents, balances."""
