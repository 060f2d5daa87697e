package org.carebridge.teleconsults.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeleconsultEventRepository extends JpaRepository<TeleconsultEvent, Long> {

    List<TeleconsultEvent> findByTeleconsultIdOrderByIdAsc(UUID teleconsultId);
}
