-- parhub: one schema and one MySQL account per service (docs/DEPLOYMENT.md).
-- Run once by the mysql image on an empty data directory. Each service
-- applies its own migrations inside its schema at start, so only the schemas
-- and accounts are created here.
--
-- The accounts are created locked and without a usable password;
-- 002_account_passwords.sh then sets each password from its compose secret
-- and unlocks the account, so no password is ever written in this file.

CREATE DATABASE IF NOT EXISTS parhub_directory
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS parhub_tasks
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS parhub_staffing
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS parhub_finance
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS parhub_complaints
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS parhub_reporting
  CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;

CREATE USER IF NOT EXISTS 'parhub_directory'@'%' ACCOUNT LOCK;
CREATE USER IF NOT EXISTS 'parhub_tasks'@'%' ACCOUNT LOCK;
CREATE USER IF NOT EXISTS 'parhub_staffing'@'%' ACCOUNT LOCK;
CREATE USER IF NOT EXISTS 'parhub_finance'@'%' ACCOUNT LOCK;
CREATE USER IF NOT EXISTS 'parhub_complaints'@'%' ACCOUNT LOCK;
CREATE USER IF NOT EXISTS 'parhub_reporting'@'%' ACCOUNT LOCK;

-- Each account reaches only its own schema. Migrations need DDL; the named
-- lock that serialises migrations (GET_LOCK) needs no privilege.
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_directory.* TO 'parhub_directory'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_tasks.* TO 'parhub_tasks'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_staffing.* TO 'parhub_staffing'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_finance.* TO 'parhub_finance'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_complaints.* TO 'parhub_complaints'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES,
      CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE
  ON parhub_reporting.* TO 'parhub_reporting'@'%';
