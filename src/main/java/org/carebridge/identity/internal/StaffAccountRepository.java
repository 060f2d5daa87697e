package org.carebridge.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<StaffAccount> findFirstByPractitionerIdAndEnabledTrue(Long practitionerId);

    List<StaffAccount> findByPractitionerIdNotNullAndEnabledTrue();

    List<StaffAccount> findByUsernameIn(Collection<String> usernames);
}
