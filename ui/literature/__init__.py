"""The «Литература» tab: catalogue, documents, balances."""
