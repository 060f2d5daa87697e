-- Puts the audit log out of the application's reach: after this, the role CareBridge signs in as may
-- add audit entries and read them, and nothing else — no UPDATE, DELETE, TRUNCATE, ALTER or DROP, and no
-- way round it through the schema or the database it used to own.
--
-- Run by a superuser, against CareBridge's database, once CareBridge has started on it (Flyway has
-- created audit_entry); running it again changes nothing:
--
--     psql -h HOST -U postgres -d carebridge -v app_role=carebridge -f docs/postgres/audit-owner.sql
--
-- app_role is the role in DB_USER (default carebridge). It must not be a superuser nor have CREATEROLE:
-- either could make itself the owner again, so the script refuses such a role.
--
-- What it does: creates the role carebridge_audit (NOLOGIN), which then owns the audit_entry table, its
-- id sequence and its append-only trigger function, the public schema and the database; the
-- application role keeps INSERT and SELECT on audit_entry, USAGE on its sequence, CREATE and USAGE on
-- the schema (its own tables, Flyway's and Camunda's, stay its own) and CONNECT and TEMPORARY on the
-- database. A later migration that alters audit_entry must therefore be run by a superuser.
\set ON_ERROR_STOP on
\if :{?app_role}
\else
\set app_role carebridge
\endif

begin;

select set_config('carebridge.app_role', :'app_role', true) \g /dev/null

do $$
declare
    app name := current_setting('carebridge.app_role');
    app_role pg_roles%rowtype;
begin
    if not (select rolsuper from pg_roles where rolname = current_user) then
        raise exception 'run audit-owner.sql as a superuser (it runs as %)', current_user;
    end if;
    select * into app_role from pg_roles where rolname = app;
    if not found then
        raise exception 'no role %: pass the role in DB_USER with -v app_role=...', app;
    end if;
    if app_role.rolsuper or app_role.rolcreaterole then
        raise exception 'role % is a superuser or may create roles: it could take the audit log back.'
            ' Remove that first: alter role % nosuperuser nocreaterole', app, app;
    end if;
    if to_regclass('public.audit_entry') is null then
        raise exception 'no table public.audit_entry in database %: start CareBridge on it first (Flyway creates it)',
            current_database();
    end if;
    if not exists (select from pg_roles where rolname = 'carebridge_audit') then
        create role carebridge_audit nologin;
    end if;
    -- a member of carebridge_audit could act as it
    if exists (select from pg_auth_members m join pg_roles r on r.oid = m.roleid
               where r.rolname = 'carebridge_audit' and m.member = app_role.oid) then
        execute format('revoke carebridge_audit from %I', app);
    end if;

    alter table public.audit_entry owner to carebridge_audit;   -- its identity sequence follows
    alter function public.audit_entry_append_only() owner to carebridge_audit;
    -- the owner of a schema or database may drop what is in it, whoever owns the table
    alter schema public owner to carebridge_audit;
    execute format('alter database %I owner to carebridge_audit', current_database());

    execute format('revoke all on table public.audit_entry from public, %I', app);
    execute format('grant select, insert on table public.audit_entry to %I', app);
    execute format('revoke all on sequence %s from public, %I', pg_get_serial_sequence('public.audit_entry', 'id'), app);
    execute format('grant usage on sequence %s to %I', pg_get_serial_sequence('public.audit_entry', 'id'), app);
    execute format('grant usage, create on schema public to %I', app);
    execute format('grant connect, temporary on database %I to %I', current_database(), app);
    raise notice 'audit_entry now belongs to carebridge_audit; % may only insert and read it', app;
end;
$$;

commit;
