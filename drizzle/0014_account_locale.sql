ALTER TABLE `users` ADD `locale` text;
-- The language an account last signed in with ('fr' or 'en'): reminders, notifications and digests, sent later
-- by the jobs, go out in it. Null (the accounts that existed before, or never signed in) reads as French.
