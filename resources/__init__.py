"""Bundled resources: icons, translations, report templates."""
