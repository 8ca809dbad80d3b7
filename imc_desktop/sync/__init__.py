"""The synchronisation engine (shared/SYNC.md): change recording, clock, segments, merge.

No Qt and no SQLAlchemy sessions: the engine works on the database file with the sqlite3
module and on the sync location through `share.Share`.
"""
