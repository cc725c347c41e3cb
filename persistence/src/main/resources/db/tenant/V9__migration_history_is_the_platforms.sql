-- The migrations' history is the platform's alone: it runs every migration as the database's owner. A tenant role
-- that could write it could mark a later migration (a security fix, say) as applied, and that migration would never
-- run. Roles confined by an earlier build were granted writes on every table, this one included: they lose them here,
-- and PostgresAdmin.confineRole takes them away again after every migration.
do $$
declare
    holder text;
begin
    for holder in select distinct g.grantee from information_schema.role_table_grants g
                  where g.table_schema = 'public' and g.table_name = 'flyway_schema_history'
                    and g.privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
                    and g.grantee not in (current_user, 'PUBLIC')
    loop
        execute format('revoke insert, update, delete, truncate on table flyway_schema_history from %I', holder);
    end loop;
end
$$;
