package org.carebridge.recordrelease;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RecordRequestRepository extends JpaRepository<RecordRequest, UUID>, JpaSpecificationExecutor<RecordRequest> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RecordRequest r where r.id = :id")
    Optional<RecordRequest> findForUpdate(UUID id);

    /** A patient's record requests in the given states: the open ones, for the chart. */
    List<RecordRequest> findByPatientIdAndStatusIn(UUID patientId, Collection<RecordRequestStatus> statuses);
}

interface RecordRequestEventRepository extends JpaRepository<RecordRequestEvent, Long> {

    List<RecordRequestEvent> findByRecordRequestIdOrderByIdAsc(UUID recordRequestId);
}
