-- Demo data, so that a new installation shows something: an administrator, a client and one of its projects.

INSERT INTO users (username, role) VALUES ('admin', 'admin');

INSERT INTO clients (name, contact_person, email, default_hourly_rate)
VALUES ('Acme Corporation', 'Wile E. Coyote', 'projects@acme.example', 85.00);

INSERT INTO projects (name, client_id, description, billable, hourly_rate)
SELECT 'Website Relaunch', c.id, 'New public website and customer portal', TRUE, 85.00
FROM clients c WHERE c.name = 'Acme Corporation';
