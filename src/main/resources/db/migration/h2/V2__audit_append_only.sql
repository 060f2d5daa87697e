-- The audit log is evidence: nobody, the application included, may change or remove an entry.
create trigger audit_entry_append_only
    before update, delete on audit_entry
    for each row call 'org.carebridge.identity.internal.AuditEntryAppendOnlyTrigger';
