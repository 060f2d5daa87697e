package org.carebridge.referrals;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, UUID>, JpaSpecificationExecutor<Referral>,
        ReferralStatusCounts {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Referral r where r.id = :id")
    Optional<Referral> findForUpdate(UUID id);

    List<Referral> findByStatusOrderByCreatedAtAsc(ReferralStatus status);

    /** A patient's referrals in the given states: the open ones, for the chart. */
    List<Referral> findByPatientIdAndStatusIn(UUID patientId, Collection<ReferralStatus> statuses);

    /** Open referrals per doctor, for the "fewest open referrals" routing. */
    @Query("select r.assignedDoctorId, count(r) from Referral r where r.assignedDoctorId in :doctorIds"
            + " and r.status in :open group by r.assignedDoctorId")
    List<Object[]> countOpenByDoctor(Collection<Long> doctorIds, Collection<ReferralStatus> open);
}

/** The board's counts: one grouped query, whatever the filter. */
interface ReferralStatusCounts {

    Map<ReferralStatus, Long> countByStatus(Specification<Referral> filter);
}

interface ReferralEventRepository extends JpaRepository<ReferralEvent, Long> {

    List<ReferralEvent> findByReferralIdOrderByIdAsc(UUID referralId);
}

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

    @Query("select a from Appointment a where a.practitionerId = :doctorId and a.status in :held"
            + " and a.startsAt < :end and a.endsAt > :start")
    List<Appointment> doctorBookings(long doctorId, Instant start, Instant end, Collection<Appointment.Status> held);

    @Query("select a from Appointment a where a.equipmentId = :equipmentId and a.status in :held"
            + " and a.startsAt < :end and a.endsAt > :start")
    List<Appointment> equipmentBookings(long equipmentId, Instant start, Instant end,
            Collection<Appointment.Status> held);

    List<Appointment> findByReferralIdOrderByBookedAtDesc(UUID referralId);

    @Query("select a from Appointment a where a.status in :held and a.startsAt < :end and a.endsAt > :start")
    List<Appointment> bookingsBetween(Instant start, Instant end, Collection<Appointment.Status> held);
}
