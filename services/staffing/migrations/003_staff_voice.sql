-- Staff voice (task 1.8): staff suggestions with the school's answers, and
-- the people's inspection board (Ban Thanh tra nhân dân) with its members,
-- meetings and recommendations. An anonymous suggestion stores no author.
CREATE TABLE staff_suggestions (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  suggestion_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  topic VARCHAR(200) NOT NULL,
  content TEXT NOT NULL,
  submitted_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  submit_date DATE NOT NULL,
  state TINYINT NOT NULL,
  answer TEXT NOT NULL,
  answer_date DATE NULL,
  answered_by VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, suggestion_id),
  KEY suggestions_by_date (school_id, submit_date, suggestion_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inspection_boards (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  term_start DATE NULL,
  term_end DATE NULL,
  decision_number VARCHAR(60) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE board_members (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  staff_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  role TINYINT NOT NULL,
  PRIMARY KEY (school_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE board_meetings (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  meeting_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  meeting_date DATE NOT NULL,
  minutes TEXT NOT NULL,
  attendees TEXT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (school_id, meeting_id),
  KEY meetings_by_date (school_id, meeting_date, meeting_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE board_recommendations (
  school_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  meeting_id VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq INT NOT NULL,
  content TEXT NOT NULL,
  due_date DATE NULL,
  response TEXT NOT NULL,
  resolved_date DATE NULL,
  PRIMARY KEY (school_id, meeting_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
