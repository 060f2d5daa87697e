package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TeleconsultRepository extends JpaRepository<Teleconsult, UUID>, JpaSpecificationExecutor<Teleconsult> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Teleconsult t where t.id = :id")
    Optional<Teleconsult> findForUpdate(UUID id);

    /** A patient's teleconsults in the given states: the open ones, for the chart. */
    List<Teleconsult> findByPatientIdAndStatusIn(UUID patientId, Collection<TeleconsultStatus> statuses);

    /** Sessions the doctor holds that overlap the span (a standalone teleconsult books no referral slot). */
    @Query("select t from Teleconsult t where t.doctorId = :doctorId and t.status in :held and t.referralId is null"
            + " and t.startsAt < :end and t.endsAt > :start")
    List<Teleconsult> doctorSessions(long doctorId, Instant start, Instant end, Collection<TeleconsultStatus> held);
}
