-- Users get a display name and an e-mail address; existing users are shown by their username until they set one.

ALTER TABLE users ADD COLUMN full_name VARCHAR(200);

ALTER TABLE users ADD COLUMN email VARCHAR(200);

UPDATE users SET full_name = username WHERE full_name IS NULL;
