package org.carebridge.shell;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.identity.AuditEntry;
import org.carebridge.identity.AuditLog;
import org.springframework.data.domain.PageRequest;

/** Who saw or changed which patient's data, newest first. */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed("ADMIN")
@Menu(order = 9, title = "nav.audit", icon = "vaadin:records")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    public AuditView(AuditLog auditLog) {
        setSizeFull();
        Locale locale = getLocale();
        TextField actor = new TextField();
        actor.setPlaceholder(getTranslation("audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        TextField patient = new TextField();
        patient.setPlaceholder(getTranslation("audit.patientId"));
        patient.setValueChangeMode(ValueChangeMode.LAZY);
        patient.setWidth("24em");

        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.addColumn(e -> Formats.dateTime(e.at(), locale)).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.action())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.patientId() == null ? "" : e.patientId().toString())
                .setHeader(getTranslation("audit.patientId")).setAutoWidth(true);
        grid.addColumn(AuditEntry::resource).setHeader(getTranslation("audit.resource"));
        grid.addColumn(AuditEntry::reason).setHeader(getTranslation("audit.reason")).setAutoWidth(true);
        grid.addColumn(AuditEntry::source).setHeader(getTranslation("audit.source")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> {
            PageRequest page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            return auditLog.search(patientId(patient.getValue()), actor.getValue(), null, null,
                    PageRequest.of(page.getPageNumber(), page.getPageSize())).stream();
        });
        actor.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        patient.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(new HorizontalLayout(actor, patient), grid);
        setFlexGrow(1, grid);
    }

    private static UUID patientId(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
