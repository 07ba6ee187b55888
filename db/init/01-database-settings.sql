-- Run once by the official PostgreSQL image when the compose volume is first created.
-- Flyway creates the schema when Veille starts; this only sets what belongs to the database itself.
alter database veille set timezone to 'UTC';
