"""SQLAlchemy declarative models of IMC Desktop, one module per domain. No Qt, no I/O."""

from models.attestation import AttestationRecord, LeavePeriod
from models.base import Base, SyncMixin, utcnow
from models.organization import Organization
from models.staff import (
    Award,
    ChangeLogEntry,
    Course,
    Education,
    Employment,
    Experience,
    Person,
)
from models.sync import (
    SyncApplied,
    SyncApplying,
    SyncChange,
    SyncConflict,
    SyncHeld,
    SyncPending,
    SyncPublished,
    SyncState,
    SyncTombstone,
)

__all__ = ["AttestationRecord", "Award", "Base", "ChangeLogEntry", "Course", "Education",
           "Employment", "Experience", "LeavePeriod", "Organization", "Person", "SyncApplied",
           "SyncApplying", "SyncChange", "SyncConflict", "SyncHeld", "SyncMixin", "SyncPending",
           "SyncPublished", "SyncState", "SyncTombstone", "utcnow"]
