-- Directory: authorities (a tree), schools with their membership history,
-- accounts and hashed API keys.
CREATE TABLE authorities (
  authority_id VARCHAR(40) NOT NULL PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  parent_id VARCHAR(40) NULL,
  kind VARCHAR(20) NOT NULL,
  valid_from DATE NULL,
  valid_until DATE NULL,
  create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY authorities_parent (parent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE schools (
  school_id VARCHAR(40) NOT NULL PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  level TINYINT NOT NULL,
  address VARCHAR(400) NOT NULL,
  search_text VARCHAR(900) NOT NULL,
  create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE school_memberships (
  school_id VARCHAR(40) NOT NULL,
  effective_from DATE NOT NULL,
  effective_until DATE NULL,
  authority_id VARCHAR(40) NOT NULL,
  reason VARCHAR(300) NOT NULL,
  PRIMARY KEY (school_id, effective_from),
  KEY memberships_authority (authority_id, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE accounts (
  account_id VARCHAR(40) NOT NULL PRIMARY KEY,
  display_name VARCHAR(200) NOT NULL,
  email VARCHAR(200) NOT NULL,
  role TINYINT NOT NULL,
  school_id VARCHAR(40) NULL,
  authority_id VARCHAR(40) NULL,
  create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY accounts_school (school_id),
  KEY accounts_authority (authority_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE api_keys (
  account_id VARCHAR(40) NOT NULL,
  key_id VARCHAR(40) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  prefix VARCHAR(12) NOT NULL,
  secret_hash CHAR(64) NOT NULL,
  create_time DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_used_time DATETIME(3) NULL,
  revoke_time DATETIME(3) NULL,
  PRIMARY KEY (account_id, key_id),
  UNIQUE KEY api_keys_secret (secret_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
