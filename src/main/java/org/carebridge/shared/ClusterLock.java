package org.carebridge.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lock that all nodes on one database see, held until the current transaction ends: on PostgreSQL a
 * transaction-level advisory lock. The embedded H2 database belongs to one process, whose single node needs no
 * lock from the others.
 */
@Component
public class ClusterLock {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    ClusterLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Takes the lock {@code name} for the current transaction unless another node holds it; whether it did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryHoldForTransaction(String name) {
        if (!isPostgres()) {
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, key(name)));
    }

    /** A stable 64-bit key for a name (CRC-32 of its UTF-8 bytes, the same on every node and JVM). */
    static long key(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private boolean isPostgres() {
        if (postgres == null) {
            String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
            postgres = JdbcUtils.commonDatabaseName(product).toLowerCase().contains("postgres");
        }
        return postgres;
    }
}
