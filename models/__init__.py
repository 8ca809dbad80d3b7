"""SQLAlchemy declarative models of IMC Desktop, one module per domain. No Qt, no I/O."""

from models.attestation import AttestationRecord, LeavePeriod
from models.base import Base, SyncMixin, utcnow
from models.events import Event, EventParticipant, IssuedDocument
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

__all__ = ["AttestationRecord", "Award", "Base", "ChangeLogEntry", "Course", "Education",
           "Employment", "Event", "EventParticipant", "Experience", "IssuedDocument",
           "LeavePeriod", "Organization", "Person", "SyncMixin", "utcnow"]
