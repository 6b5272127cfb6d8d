-- Tasks service schema: plans, tasks, progress updates with evidence,
-- directives and where each directive landed. Every primary key starts with
-- the tenant (school_id; directives: authority_id) so the data can be
-- sharded by it. Ids and codes compare as binary so ordering matches the
-- domain's; people's text is utf8mb4.
CREATE TABLE plans (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  number VARCHAR(60) NOT NULL,
  year INT NOT NULL,
  title VARCHAR(500) NOT NULL,
  issue_date DATE NULL,
  issuer VARCHAR(200) NOT NULL,
  directive_refs TEXT NOT NULL,
  status TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, plan_id),
  KEY plans_by_year (school_id, year, plan_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tasks (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  task_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  code VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  code_key VARCHAR(250) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  title VARCHAR(500) NOT NULL,
  description TEXT NOT NULL,
  par_field VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  owner VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  due_date DATE NULL,
  status TINYINT NOT NULL,
  percent_done TINYINT NOT NULL,
  complete_time DATETIME(6) NULL,
  directive VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  progress_count INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, plan_id, task_id),
  UNIQUE KEY tasks_code (school_id, plan_id, code),
  KEY tasks_in_code_order (school_id, plan_id, code_key, code),
  KEY tasks_by_due_date (school_id, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE progress_updates (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  task_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  number INT NOT NULL,
  author VARCHAR(200) NOT NULL,
  percent_done TINYINT NOT NULL,
  note TEXT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, plan_id, task_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE progress_evidence (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  task_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  number INT NOT NULL,
  position INT NOT NULL,
  document_number VARCHAR(60) NOT NULL,
  title VARCHAR(500) NOT NULL,
  uri VARCHAR(2000) NOT NULL,
  sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (school_id, plan_id, task_id, number, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE directives (
  authority_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  directive_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  number VARCHAR(60) NOT NULL,
  title VARCHAR(500) NOT NULL,
  description TEXT NOT NULL,
  issue_date DATE NOT NULL,
  due_date DATE NOT NULL,
  par_field VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_count INT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (authority_id, directive_id),
  KEY directives_newest_first (authority_id, create_time, directive_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per school a directive was sent to, naming the task it created.
CREATE TABLE directive_targets (
  authority_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  directive_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  plan_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  task_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (authority_id, directive_id, school_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
