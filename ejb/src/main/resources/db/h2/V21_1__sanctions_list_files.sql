-- The files of each sanctions list release, as loaded (H2: BLOB).
CREATE TABLE sanctions_list_file (
    version_id VARCHAR(36)  NOT NULL,
    file_name  VARCHAR(100) NOT NULL,
    content    BLOB         NOT NULL,
    PRIMARY KEY (version_id, file_name)
);
