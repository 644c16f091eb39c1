-- Archiving a project records when and by whom; the reason is shown on the archived project's page.

ALTER TABLE projects ADD COLUMN archived_at TIMESTAMP;

ALTER TABLE projects ADD COLUMN archived_by INTEGER;

ALTER TABLE projects ADD COLUMN archived_reason VARCHAR(500);

ALTER TABLE projects ADD CONSTRAINT fk_projects_archived_by
    FOREIGN KEY (archived_by) REFERENCES users (id) ON DELETE SET NULL;
