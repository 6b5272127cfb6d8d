-- Evidence files a school uploaded (EvidenceDesk): which school holds which
-- content. The bytes are in the evidence blob store, keyed by sha256 alone,
-- so the same document uploaded by two schools is stored once but each
-- school reads only its own row.
CREATE TABLE evidence_files (
  school_id   VARCHAR(40)  NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  media_type  VARCHAR(40)  NOT NULL,
  size_bytes  BIGINT       NOT NULL,
  filename    VARCHAR(255) NOT NULL,
  uploaded_by VARCHAR(60)  NOT NULL,
  create_time DATETIME(6)  NOT NULL,
  PRIMARY KEY (school_id, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
