-- Legacy schema conversion: projects.client (free text) becomes projects.client_id (a reference to clients).
-- Every client name found in existing projects becomes a client row before the text column is dropped.

ALTER TABLE projects ADD COLUMN client_id INTEGER;

INSERT INTO clients (name)
SELECT DISTINCT client FROM projects WHERE client IS NOT NULL AND client <> '';

UPDATE projects SET client_id = (SELECT c.id FROM clients c WHERE c.name = projects.client);

ALTER TABLE projects ADD CONSTRAINT fk_projects_client_id
    FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE SET NULL;

ALTER TABLE projects DROP COLUMN client;
