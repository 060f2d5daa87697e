package org.carebridge.directory;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** What every entry of the care network has: a database id, a code people use, and a version for edits. */
@MappedSuperclass
public abstract class DirectoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Version
    private long version;

    public Long getId() {
        return id;
    }

    /** The code people use for the entry, unique among its kind (for example YL-PH, DR-0001). */
    public String getCode() {
        return code;
    }

    protected void setCode(String code) {
        this.code = code;
    }

    public long getVersion() {
        return version;
    }
}
