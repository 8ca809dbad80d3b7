"""SQLAlchemy declarative models of IMC Desktop, one module per domain. No Qt, no I/O."""

from models.base import Base, SyncMixin, utcnow
from models.organization import Organization

__all__ = ["Base", "Organization", "SyncMixin", "utcnow"]
