-- Per-user preferences: language, theme and whether to receive e-mail notifications.

ALTER TABLE users ADD COLUMN preferred_language VARCHAR(10);

ALTER TABLE users ADD COLUMN theme_preference VARCHAR(10) DEFAULT 'system' NOT NULL;

ALTER TABLE users ADD COLUMN email_notifications BOOLEAN DEFAULT TRUE NOT NULL;

ALTER TABLE users ADD CONSTRAINT ck_users_theme_preference CHECK (theme_preference IN ('light', 'dark', 'system'));
