"""What several domains share: errors, the change notifier, the registries, backups."""
