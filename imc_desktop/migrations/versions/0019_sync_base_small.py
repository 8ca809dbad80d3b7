"""A smaller `sync_base`: the key as its clock and the number of its site (`sync_sites`)
instead of 57 characters of text, and each value in `vals` as JSON itself instead of a JSON
string holding JSON (`[]` where a column is not there). `sync_versions` shows the same rows
as before. A row whose key is not of the usual form goes back to `sync_changes`.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

import json
import re

import sqlalchemy as sa
from alembic import op


revision = '0019'
down_revision = "0018"
branch_labels = None
depends_on = None

KEY = re.compile(r"(\d{20})\.(.+)", re.S)

VIEW = """CREATE VIEW sync_versions AS
SELECT table_name, row_id, column_name, kind, key, value, seen, site, segment
FROM sync_changes
UNION ALL
SELECT b.table_name, b.row_id, '', 'e', printf('%020d.%s', b.clock, s.site), b.e, NULL,
       s.site, b.segment
FROM sync_base AS b JOIN sync_sites AS s ON s.n = b.site WHERE b.e IS NOT NULL
UNION ALL
SELECT b.table_name, b.row_id, c.column_name, 'v', printf('%020d.%s', b.clock, s.site),
       b.vals -> j.key, json_extract(b.seens, '$."' || c.column_name || '"'), s.site,
       b.segment
FROM sync_base AS b JOIN sync_sites AS s ON s.n = b.site, json_each(b.vals) AS j,
     sync_columns AS c
WHERE c.table_name = b.table_name AND c.pos = j.key AND j.type <> 'array'"""

OLD_VIEW = """CREATE VIEW sync_versions AS
SELECT table_name, row_id, column_name, kind, key, value, seen, site, segment
FROM sync_changes
UNION ALL
SELECT table_name, row_id, '', 'e', key, e, NULL, substr(key, 22), segment
FROM sync_base WHERE e IS NOT NULL
UNION ALL
SELECT b.table_name, b.row_id, c.column_name, 'v', b.key, j.value,
       json_extract(b.seens, '$."' || c.column_name || '"'), substr(b.key, 22), b.segment
FROM sync_base AS b, json_each(b.vals) AS j, sync_columns AS c
WHERE c.table_name = b.table_name AND c.pos = j.key AND j.type = 'text'"""


def _canonical(key: str) -> tuple[int, str] | None:
    found = KEY.fullmatch(key)
    if found is None or f"{int(found[1]):020d}" != found[1]:
        return None
    return int(found[1]), found[2]


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS sync_versions")
    op.execute("CREATE TABLE sync_base_old AS SELECT * FROM sync_base")  # no renaming: the
    op.drop_table("sync_base")  # triggers name the view, which is gone until the end
    op.create_table('sync_sites',
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('n', name=op.f('pk_sync_sites')),
    sa.UniqueConstraint('site', name=op.f('uq_sync_sites_site'))
    )
    op.create_table('sync_base',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('clock', sa.Integer(), nullable=False),
    sa.Column('site', sa.Integer(), nullable=False),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.Column('e', sa.String(length=1), nullable=True),
    sa.Column('vals', sa.Text(), nullable=False),
    sa.Column('seens', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_base')),
    sqlite_with_rowid=False
    )
    con = op.get_bind().connection.driver_connection
    columns = {(t, p): c for t, p, c in con.execute(
        "SELECT table_name, pos, column_name FROM sync_columns")}
    sites: dict[str, int] = {}
    rows = con.execute("SELECT table_name, row_id, key, segment, e, vals, seens FROM "
                       "sync_base_old ORDER BY table_name, row_id")
    while batch := rows.fetchmany(2000):
        kept, back = [], []
        for table, row, key, segment, e, vals, seens in batch:
            items = json.loads(vals)
            parts = _canonical(key)
            if parts is None:  # versions of their own again, as before compaction
                site = key[21:]
                if e is not None:
                    back.append((table, row, "", "e", key, e, None, site, segment))
                seen = json.loads(seens) if seens else {}
                back.extend((table, row, columns[(table, pos)], "v", key, value,
                             seen.get(columns[(table, pos)]), site, segment)
                            for pos, value in enumerate(items)
                            if value is not None and (table, pos) in columns)
                continue
            if parts[1] not in sites:
                sites[parts[1]] = len(sites) + 1
                con.execute("INSERT INTO sync_sites (n, site) VALUES (?, ?)",
                            (sites[parts[1]], parts[1]))
            text = "[" + ",".join("[]" if v is None else v for v in items) + "]"
            kept.append((table, row, parts[0], sites[parts[1]], segment, e, text, seens))
        con.executemany("INSERT INTO sync_base (table_name, row_id, clock, site, segment, e, "
                        "vals, seens) VALUES (?,?,?,?,?,?,?,?)", kept)
        con.executemany("INSERT OR IGNORE INTO sync_changes (table_name, row_id, column_name, "
                        "kind, key, value, seen, site, segment) VALUES (?,?,?,?,?,?,?,?,?)",
                        back)
    op.drop_table("sync_base_old")
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS sync_versions")
    op.execute("CREATE TABLE sync_base_new AS SELECT * FROM sync_base")
    op.drop_table("sync_base")
    op.create_table('sync_base',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.Column('e', sa.String(length=1), nullable=True),
    sa.Column('vals', sa.Text(), nullable=False),
    sa.Column('seens', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_base')),
    sqlite_with_rowid=False
    )
    con = op.get_bind().connection.driver_connection
    rows = con.execute(
        "SELECT b.table_name, b.row_id, printf('%020d.%s', b.clock, s.site), b.segment, b.e, "
        "b.vals, b.seens FROM sync_base_new AS b JOIN sync_sites AS s ON s.n = b.site")
    while batch := rows.fetchmany(2000):
        old = []
        for *head, vals, seens in batch:
            items = [None if kind == "array" else text for kind, text in con.execute(
                "SELECT type, ? -> key FROM json_each(?) ORDER BY key", (vals, vals))]
            old.append((*head, json.dumps(items, ensure_ascii=False, separators=(",", ":")),
                        seens))
        con.executemany("INSERT INTO sync_base (table_name, row_id, key, segment, e, vals, "
                        "seens) VALUES (?,?,?,?,?,?,?)", old)
    op.drop_table("sync_base_new")
    op.drop_table("sync_sites")
    op.execute(OLD_VIEW)
