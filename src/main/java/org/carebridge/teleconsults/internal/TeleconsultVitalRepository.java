package org.carebridge.teleconsults.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeleconsultVitalRepository extends JpaRepository<TeleconsultVital, Long> {

    List<TeleconsultVital> findByTeleconsultIdOrderByIdAsc(UUID teleconsultId);
}
