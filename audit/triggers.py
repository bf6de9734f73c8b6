"""The database triggers that keep the audit table append-only (created by migrations 0002 and,
on SQLite after the table was rebuilt, 0003), and the check that they are still there and still
refuse. Someone with database rights can drop or disable them; verification reports that."""

SQLITE_TRIGGERS = {
    "audit_event_no_update": """CREATE TRIGGER audit_event_no_update BEFORE UPDATE
       ON audit_auditevent BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    "audit_event_no_delete": """CREATE TRIGGER audit_event_no_delete BEFORE DELETE
       ON audit_auditevent BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
}
# name -> the events it must fire on (pg_trigger.tgtype bits: 8 DELETE, 16 UPDATE, 32 TRUNCATE)
POSTGRES_TRIGGERS = {
    "audit_event_no_update_delete": 8 | 16,
    "audit_event_no_truncate": 32,
}
POSTGRES_FUNCTION = "audit_event_append_only"


def _normal(sql):
    return " ".join(sql.split()).rstrip(";").upper()


def _sqlite_problems(cursor):
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
        ["audit_auditevent"],
    )
    found = {name: sql or "" for name, sql in cursor.fetchall()}
    problems = []
    for name in SQLITE_TRIGGERS:
        if name not in found:
            problems.append(f"the database trigger {name} is missing")
        elif _normal(found[name]) != _normal(SQLITE_TRIGGERS[name]):
            problems.append(f"the database trigger {name} was changed")
    return problems


def _postgres_problems(cursor):
    cursor.execute(
        """SELECT t.tgname, t.tgenabled, t.tgtype, p.proname, p.prosrc
           FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
           WHERE t.tgrelid = to_regclass('audit_auditevent') AND NOT t.tgisinternal"""
    )
    found = {row[0]: row[1:] for row in cursor.fetchall()}
    problems = []
    for name, events in POSTGRES_TRIGGERS.items():
        if name not in found:
            problems.append(f"the database trigger {name} is missing")
            continue
        enabled, tgtype, function, source = found[name]
        if enabled == "D":
            problems.append(f"the database trigger {name} is disabled")
        if tgtype & events != events or function != POSTGRES_FUNCTION:
            problems.append(f"the database trigger {name} was changed")
        elif "RAISE EXCEPTION" not in " ".join(source.upper().split()):
            problems.append(f"the function {function} no longer refuses changes")
    return problems


def trigger_problems(connection):
    """What is wrong with the protecting triggers, as sentences; empty when all are in place."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            return _sqlite_problems(cursor)
        if connection.vendor == "postgresql":
            return _postgres_problems(cursor)
    return [f"the protecting triggers cannot be checked on {connection.vendor}"]
