-- The files of each sanctions list release, as loaded (MySQL/MariaDB: LONGBLOB; a BLOB holds 64 KB only).
CREATE TABLE sanctions_list_file (
    version_id VARCHAR(36)  NOT NULL,
    file_name  VARCHAR(100) NOT NULL,
    content    LONGBLOB     NOT NULL,
    PRIMARY KEY (version_id, file_name)
);
