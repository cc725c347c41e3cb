-- The server working on a restore, as a token it drew when it took the restore up (or over). The swap of databases
-- and the restore's end are done only by its owner, under the row's lock, so a server that stalled and lost its
-- restore to the recovery can neither swap nor overwrite what the recovery recorded.
-- text, not uuid: EclipseLink binds a null UUID as varchar, which PostgreSQL refuses for a uuid column
alter table restore_run add column owner varchar(36);
