-- Default settings: a fresh installation starts with these rows, an administrator changes them later.

INSERT INTO settings (name, setting_value, description) VALUES
    ('timezone', 'Europe/Brussels', 'Time zone used to display and report times'),
    ('currency', 'EUR', 'Currency of hourly rates and invoices'),
    ('rounding_minutes', '1', 'Tracked durations are rounded to this many minutes'),
    ('single_active_timer', 'true', 'Whether a user can run only one timer at a time'),
    ('allow_self_register', 'true', 'Whether new users can sign up themselves'),
    ('idle_timeout_minutes', '30', 'Minutes of inactivity after which a running timer is stopped');
