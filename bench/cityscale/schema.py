#!/usr/bin/env python3
"""Prints the SQL that creates a service's schema exactly as the service does
at start (platform::ApplyMigrations, platform/db/migrations.cc), for loading
generated data without starting the service (bench/run_cityscale.sh):

  1. schema_migrations (the DDL of ApplyLocked in platform/db/migrations.cc);
  2. the platform tables, idempotency_keys and audit_log: the SQL text of
     kPlatformTablesSql, read from platform/db/idempotency.cc;
  3. every services/<svc>/migrations/NNN_name.sql in number order, split
     into statements by the same rule (a statement ends at a ';' that ends
     a line; lines starting with '--' are skipped), each followed by its
     schema_migrations row.

  python3 bench/cityscale/schema.py SERVICE [--root REPO] | mariadb parhub_SERVICE

The output is plain SQL for the mariadb client: one statement per
';'-terminated chunk.
"""

import argparse
import os
import re
import sys

# platform/db/migrations.cc, ApplyLocked: the same columns and types.
SCHEMA_MIGRATIONS = ("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     " number INT NOT NULL PRIMARY KEY,"
                     " name VARCHAR(200) NOT NULL,"
                     " applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                     ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")


def split_statements(text):
    """platform::SplitStatements."""
    out, current = [], []
    for line in text.split("\n"):
        trimmed = line.strip()
        if not trimmed or trimmed.startswith("--"):
            continue
        current.append(line)
        if trimmed.endswith(";"):
            statement = "\n".join(current)
            out.append(statement[:statement.rfind(";")])
            current = []
    if "\n".join(current).strip():
        out.append("\n".join(current))
    return out


def platform_tables_sql(root):
    path = os.path.join(root, "platform/db/idempotency.cc")
    text = open(path, encoding="utf-8").read()
    m = re.search(r'kPlatformTablesSql\[\]\s*=\s*R"sql\((.*?)\)sql"', text, re.S)
    if not m:
        raise SystemExit("kPlatformTablesSql not found in %s" % path)
    return m.group(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("service")
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    args = ap.parse_args()
    migrations_dir = os.path.join(args.root, "services", args.service, "migrations")
    if not os.path.isdir(migrations_dir):
        raise SystemExit("no %s" % migrations_dir)
    out = [SCHEMA_MIGRATIONS]
    out += split_statements(platform_tables_sql(args.root))
    for name in sorted(os.listdir(migrations_dir)):
        m = re.match(r"^(\d+)_.*\.sql$", name)
        if not m:
            continue
        text = open(os.path.join(migrations_dir, name), encoding="utf-8").read()
        out += split_statements(text)
        # The migration's name as the embedding records it: the file name
        # without ".sql" (cmake/EmbedMigrations.cmake).
        out.append("INSERT INTO schema_migrations (number, name) VALUES (%d, '%s')"
                   % (int(m.group(1)), name[:-4].replace("'", "''")))
    sys.stdout.write(";\n".join(out) + ";\n")


if __name__ == "__main__":
    main()
