"""Writes examples/data/sample.db, the sqlite example's default input: a small database with a
table, an index, a WITHOUT ROWID table, a row whose payload spills onto overflow pages, and a
freelist (rows deleted after insertion), in 1024-byte pages so that it stays small.

    python3 examples/data/make_sample_db.py examples/data/sample.db
"""

import os
import sqlite3
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "sample.db"
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
db.execute("PRAGMA page_size = 1024")
db.execute("PRAGMA user_version = 7")
db.execute("PRAGMA application_id = 1868919905")
db.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT, value REAL, raw BLOB)")
db.execute("CREATE INDEX readings_sensor ON readings (sensor)")
db.execute("CREATE TABLE sensors (name TEXT PRIMARY KEY, unit TEXT) WITHOUT ROWID")
for i in range(60):
    db.execute(
        "INSERT INTO readings (sensor, value, raw) VALUES (?, ?, ?)",
        ("sensor-%02d" % (i % 7), i * 0.5, bytes((i * 13 + j) % 256 for j in range(i * 3))),
    )
db.execute("INSERT INTO readings (sensor, value, raw) VALUES ('big', 0, ?)", (bytes(range(256)) * 12,))
for i in range(7):
    db.execute("INSERT INTO sensors VALUES (?, ?)", ("sensor-%02d" % i, "kPa"))
db.execute("DELETE FROM readings WHERE id BETWEEN 10 AND 40")
db.commit()
db.close()
