DROP TABLE migration_markers;
DROP TABLE media;
