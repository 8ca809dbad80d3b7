"""SQLAlchemy declarative models of IMC Desktop, one module per domain. No Qt, no I/O."""

from models.access import AuditEntry, UserRole
from models.attestation import AttestationRecord, LeavePeriod
from models.base import Base, SyncMixin, utcnow
from models.equipment import (
    EquipmentAct,
    EquipmentActLine,
    EquipmentEvent,
    EquipmentItem,
    InventoryLine,
    InventorySession,
    IssuedNumber,
)
from models.events import Event, EventParticipant, IssuedDocument
from models.literature import (
    LiteratureDocument,
    LiteratureLine,
    LiteratureTitle,
    OrganizationGradePupils,
)
from models.methodist import Consultation, MethodistProfile, PlanItem, SchoolVisit
from models.network import (
    MentoringPair,
    MentoringPlanItem,
    NetworkAssociation,
    NetworkDecision,
    NetworkMeeting,
    NetworkMember,
    NetworkSite,
)
from models.organization import Organization
from models.requests import CollectionAnswer, DataCollection, IncomingRequest
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
    SyncBase,
    SyncChange,
    SyncColumn,
    SyncConflict,
    SyncHeld,
    SyncPending,
    SyncPublished,
    SyncSite,
    SyncState,
    SyncTombstone,
)

__all__ = ["AttestationRecord", "AuditEntry", "Award", "Base", "ChangeLogEntry", "CollectionAnswer",
           "Consultation", "Course", "DataCollection", "IncomingRequest",
           "MethodistProfile", "PlanItem", "SchoolVisit",
           "Education", "Employment", "EquipmentAct", "EquipmentActLine", "EquipmentEvent",
           "EquipmentItem",
           "Event", "EventParticipant", "Experience", "InventoryLine", "InventorySession",
           "IssuedDocument", "IssuedNumber", "LeavePeriod", "LiteratureDocument",
           "LiteratureLine", "LiteratureTitle", "MentoringPair", "MentoringPlanItem",
           "NetworkAssociation", "NetworkDecision", "NetworkMeeting", "NetworkMember",
           "NetworkSite", "Organization", "OrganizationGradePupils",
           "Person", "SyncApplied", "SyncApplying", "SyncBase", "SyncChange", "SyncColumn",
           "SyncConflict", "SyncHeld", "SyncMixin", "SyncPending", "SyncPublished", "SyncSite",
           "SyncState",
           "SyncTombstone", "UserRole", "utcnow"]
