ALTER TABLE sanctions_list_version MODIFY release_no INTEGER NOT NULL;
