package org.carebridge.directory.ui;

import java.util.Locale;

import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.Wordings;
import org.springframework.stereotype.Component;

/** Practitioners and facilities by name in timelines: 王伟 (DR-0001), 沿山村卫生室. */
@Component
class DirectoryNames implements Wordings.Names {

    private final Directory directory;

    DirectoryNames(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String practitioner(long id, Locale locale) {
        try {
            Practitioner doctor = directory.practitioner(id);
            return Formats.personName(doctor.getFamilyName(), doctor.getGivenName(), doctor.getLatinName(), locale)
                    + " (" + doctor.getCode() + ")";
        } catch (NotFoundException gone) {
            return null;
        }
    }

    @Override
    public String facility(long id) {
        try {
            return directory.facility(id).getName();
        } catch (NotFoundException gone) {
            return null;
        }
    }
}
