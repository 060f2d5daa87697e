package org.carebridge.recordrelease.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.directory.Directory;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.Role;
import org.carebridge.recordrelease.RecordRequestDetails;
import org.carebridge.recordrelease.RecordRequestStatus;
import org.carebridge.recordrelease.RecordRequests;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.shell.RecordRoute;
import org.carebridge.shell.TimelineGrid;
import org.carebridge.shell.Wordings;

/**
 * One record request: the consent decision and the reasons the rules gave, the review's reason when
 * denied, the timeline, and — for the receiving facility while the release lasts — the bundle to download
 * (each download is an audited read).
 */
@Route(value = "record-requests/:id", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "RECORDS_OFFICER"})
public class RecordRequestDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RecordRequests requests;
    private final Directory directory;
    private final Wordings wordings;

    public RecordRequestDetailView(RecordRequests requests, Directory directory, Wordings wordings) {
        this.requests = requests;
        this.directory = directory;
        this.wordings = wordings;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RecordRoute.open(event, this, "records.notYours", id -> show(requests.request(id)));
    }

    private void show(RecordRequestDetails request) {
        Locale locale = getLocale();
        Paragraph line = new Paragraph(RecordRequestLabels.line(request, directory, key -> getTranslation(key), locale));
        line.setId("request-status");
        add(line);
        add(new Paragraph(getTranslation("records.patientId") + ": " + request.patientId()));
        if (request.reason() != null) {
            add(new Paragraph(getTranslation("records.reason") + ": " + request.reason()));
        }

        add(new H3(getTranslation("records.consent")));
        Paragraph outcome = new Paragraph(request.consentOutcome() == null ? "—"
                : getTranslation("records.consent." + request.consentOutcome())
                        + (request.breakGlass() ? " · " + getTranslation("records.breakGlass") : ""));
        outcome.setId("consent-outcome");
        add(outcome);
        UnorderedList reasons = new UnorderedList();
        reasons.setId("consent-reasons");
        request.consentReasons().forEach(r -> reasons.add(new ListItem(r)));
        add(reasons);
        if (request.decisionReason() != null) {
            Paragraph decided = new Paragraph(getTranslation("records.decisionReason") + ": " + request.decisionReason());
            decided.setId("decision-reason");
            add(decided);
        }

        if (request.status() == RecordRequestStatus.RELEASED || request.status() == RecordRequestStatus.EXPIRED
                || request.status() == RecordRequestStatus.REVOKED) {
            add(new H3(getTranslation("records.bundle")));
            add(new Paragraph("SHA-256: " + request.bundleSha256() + " · " + getTranslation("records.expires") + ": "
                    + Formats.dateTime(request.expiresAt(), locale)));
            boolean receiver = Objects.equals(CurrentStaff.get().facilityId(), request.toFacilityId());
            // the same rule as the API's read: released and its time not up (the expiry timer may not have run yet)
            if (request.bundleReadable() && receiver) {
                StreamResource file = new StreamResource("record-release-" + request.id() + ".json",
                        () -> new ByteArrayInputStream(requests.bundle(request.id()).json().getBytes(StandardCharsets.UTF_8)));
                file.setContentType("application/fhir+json");
                Anchor download = new Anchor(file, getTranslation("records.download"));
                download.getElement().setAttribute("download", true);
                download.setId("download-bundle");
                add(download);
            } else {
                add(new Paragraph(getTranslation(request.status() == RecordRequestStatus.REVOKED ? "records.bundleRevoked"
                        : !request.bundleReadable() ? "records.bundleExpired" : "records.bundleNotYours")));
            }
        }

        if (request.status().isPending() && CurrentStaff.get().hasAnyRole(Role.COORDINATOR, Role.DOCTOR)) {
            TextField why = new TextField(getTranslation("records.cancelReason"));
            Button cancel = new Button(getTranslation("records.cancel"), click -> {
                try {
                    requests.cancel(request.id(), why.getValue());
                    removeAll();
                    show(requests.request(request.id()));
                } catch (InvalidRequestException e) {
                    why.setErrorMessage(e.errors().get(0).message());
                    why.setInvalid(true);
                } catch (ConflictException e) {
                    why.setErrorMessage(e.getMessage());
                    why.setInvalid(true);
                }
            });
            cancel.setId("cancel-request");
            HorizontalLayout bar = new HorizontalLayout(why, cancel);
            bar.setAlignItems(Alignment.BASELINE);
            add(bar);
        }

        add(new H3(getTranslation("records.timeline")));
        add(new TimelineGrid("record-request-timeline", "records.event", requests.timeline(request.id()), wordings,
                locale));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("records.request");
    }
}
