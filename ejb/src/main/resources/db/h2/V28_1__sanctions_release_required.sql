ALTER TABLE sanctions_list_version ALTER COLUMN release_no SET NOT NULL;
