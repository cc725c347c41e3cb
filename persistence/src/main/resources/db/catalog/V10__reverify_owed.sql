-- An operator's "verify every copy" that found the site in another pass: the request is kept here, so the pass owed
-- to the site reads every copy back instead of only catching up. Cleared by a re-verifying pass that began after it.
alter table site_state add column reverify_requested_at timestamptz;
