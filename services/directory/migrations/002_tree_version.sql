-- One number that changes with every write to the tree: an authority
-- created, a school created, updated or moved. Readers that keep a school
-- list (the gateway's roll-ups) ask for it to know whether their copy is
-- still the directory's (GetTreeVersion).
CREATE TABLE tree_version (
  id TINYINT NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
) ENGINE=InnoDB;
INSERT INTO tree_version (id, version) VALUES (1, 1);
