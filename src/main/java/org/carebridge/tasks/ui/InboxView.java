package org.carebridge.tasks.ui;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.Grid.Column;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.shell.Formats;
import org.carebridge.shell.MainLayout;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskFormEditor;
import org.carebridge.tasks.Tasks;
import org.carebridge.shell.UrgencyBadge;
import org.springframework.security.access.AccessDeniedException;

/**
 * The caller's open tasks, most pressing first, and the form of the one selected. The forms come from
 * the modules that own the processes ({@link TaskFormEditor}); the inbox claims and completes tasks and
 * shows what the server said: each field error on its field, a conflict as a notice.
 * <p>
 * The list and the form sit side by side while both fit, and wrap one below the other on a phone (a
 * village doctor's is 360 px wide); there the grid shows each task as one card of two lines instead of
 * five columns, so that nothing needs a sideways scroll.
 */
@Route(value = "inbox/:taskId?", layout = MainLayout.class)
@RolesAllowed({"COORDINATOR", "DOCTOR", "RECORDS_OFFICER", "ADMIN"})
@Menu(order = 2, title = "tasks.nav", icon = "vaadin:inbox")
public class InboxView extends FlexLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Below this window width (CSS px) the grid shows cards: five columns of Chinese or English do not fit. */
    static final int NARROW_WIDTH = 600;

    private final Tasks tasks;
    private final PatientRecords patients;
    private final StaffAccounts staff;
    private final Map<String, TaskFormEditor> editors;
    private final Grid<OpenTask> grid = new Grid<>(OpenTask.class, false);
    private final List<Column<OpenTask>> wideColumns;
    private final Column<OpenTask> cardColumn;
    private final Span count = new Span();
    private final VerticalLayout formPanel = new VerticalLayout();
    private final Map<UUID, String> patientNames = new HashMap<>();
    private final Map<String, String> assigneeNames = new HashMap<>();
    private Registration resizing;
    private boolean narrow;
    private boolean showingTask;

    public InboxView(Tasks tasks, PatientRecords patients, StaffAccounts staff, List<TaskFormEditor> editors) {
        this.tasks = tasks;
        this.patients = patients;
        this.staff = staff;
        this.editors = editors.stream().collect(Collectors.toMap(TaskFormEditor::taskKey, Function.identity()));
        setSizeFull();
        // list and form wrap instead of squeezing; the view scrolls down to the form when they do
        setFlexWrap(FlexWrap.WRAP);
        setAlignContent(ContentAlignment.START);
        getStyle().set("overflow-y", "auto");

        Locale locale = getLocale();
        grid.setId("task-grid");
        wideColumns = List.of(
                grid.addColumn(this::taskName).setHeader(getTranslation("tasks.task")).setAutoWidth(true),
                grid.addColumn(t -> patientName(t.patientId())).setHeader(getTranslation("tasks.patient"))
                        .setAutoWidth(true),
                grid.addColumn(new ComponentRenderer<>(task -> new UrgencyBadge(task.urgency()))).setHeader(getTranslation("tasks.urgency"))
                        .setAutoWidth(true),
                grid.addColumn(new ComponentRenderer<>(t -> due(t, locale))).setHeader(getTranslation("tasks.due"))
                        .setAutoWidth(true),
                grid.addColumn(new ComponentRenderer<>(this::assignee)).setHeader(getTranslation("tasks.assignee"))
                        .setAutoWidth(true));
        cardColumn = grid.addColumn(new ComponentRenderer<>(t -> card(t, locale))).setHeader(getTranslation("tasks.task"));
        cardColumn.setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                UI.getCurrent().navigate(InboxView.class, new RouteParameters("taskId", change.getValue().id()));
            }
        });
        Button refresh = new Button(getTranslation("tasks.refresh"), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        count.setId("task-count");
        HorizontalLayout bar = new HorizontalLayout(count, refresh);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        VerticalLayout list = new VerticalLayout(bar, grid);
        list.setId("task-list");
        list.setFlexGrow(1, grid);

        formPanel.setId("task-form");
        // each a full screen high: side by side on a desk, one screen below the other on a phone
        for (VerticalLayout pane : List.of(list, formPanel)) {
            pane.setHeightFull();
            pane.getStyle().set("min-width", "0").set("box-sizing", "border-box").set("overflow-y", "auto");
            setFlexShrink(1, pane);
        }
        setFlexGrow(11, list);
        setFlexBasis("30rem", list);
        setFlexGrow(9, formPanel);
        setFlexBasis("22rem", formPanel);
        add(list, formPanel);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Page page = attach.getUI().getPage();
        page.executeJs("return window.innerWidth").then(Integer.class, this::fitTo);
        resizing = page.addBrowserWindowResizeListener(resize -> fitTo(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resizing != null) {
            resizing.remove();
        }
    }

    /** Five columns while they fit the window, one card column on a phone. */
    private void fitTo(int windowWidth) {
        boolean wasNarrow = narrow;
        narrow = windowWidth < NARROW_WIDTH;
        wideColumns.forEach(column -> column.setVisible(!narrow));
        cardColumn.setVisible(narrow);
        if (narrow && !wasNarrow && showingTask) {
            formPanel.scrollIntoView();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<OpenTask> open = refresh();
        Optional<String> taskId = event.getRouteParameters().get("taskId");
        formPanel.removeAll();
        showingTask = false;
        if (taskId.isEmpty()) {
            formPanel.add(new Paragraph(getTranslation("tasks.choose")));
            return;
        }
        open.stream().filter(t -> t.id().equals(taskId.get())).findFirst().ifPresent(grid::select);
        try {
            show(tasks.task(taskId.get()));
        } catch (ConflictException | NotFoundException e) {
            formPanel.add(new Paragraph(getTranslation("tasks.gone")));
        } catch (AccessDeniedException e) {
            formPanel.add(new Paragraph(getTranslation("tasks.notYours")));
        }
    }

    /** The page of the task's case: its referral, teleconsult or record request. */
    private Optional<Anchor> caseLink(OpenTask task) {
        String path = task.referralId() != null ? "referrals/" + task.referralId()
                : task.teleconsultId() != null ? "teleconsults/" + task.teleconsultId()
                : task.recordRequestId() != null ? "record-requests/" + task.recordRequestId() : null;
        if (path == null) {
            return Optional.empty();
        }
        Anchor link = new Anchor(path, getTranslation("tasks.case." + path.substring(0, path.indexOf('/'))));
        link.setId("task-case");
        return Optional.of(link);
    }

    private List<OpenTask> refresh() {
        List<OpenTask> open = tasks.inbox();
        grid.setItems(open);
        count.setText(getTranslation("tasks.count", open.size()));
        return open;
    }

    private void show(OpenTask task) {
        formPanel.removeAll();
        showingTask = true;
        if (narrow) {
            formPanel.scrollIntoView(); // the list fills the phone's screen: bring up the form just chosen
        }
        H3 title = new H3(taskName(task) + (task.patientId() == null ? "" : " · " + patientName(task.patientId())));
        title.setId("task-title");
        formPanel.add(title);
        caseLink(task).ifPresent(formPanel::add);
        TaskFormEditor editor = editors.get(task.taskKey());
        if (editor == null) {
            formPanel.add(new Paragraph(getTranslation("tasks.noForm")));
            return;
        }
        TaskFormEditor.Fields fields = editor.fieldsFor(task);
        Div problems = new Div();
        problems.setId("task-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        Button submit = new Button(getTranslation("tasks.submit"), click -> submit(task, fields, problems));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("task-submit");
        formPanel.add(problems, fields.component(), submit);
    }

    private void submit(OpenTask task, TaskFormEditor.Fields fields, Div problems) {
        problems.setText("");
        try {
            tasks.complete(task.id(), fields.values());
        } catch (InvalidRequestException e) {
            List<FieldError> unplaced = fields.showErrors(e.errors());
            problems.setText(unplaced.isEmpty() ? getTranslation("tasks.fixFields") : unplaced.stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("\n")));
            return;
        } catch (ConflictException | NotFoundException | AccessDeniedException e) {
            Notification notice = Notification.show(getTranslation("tasks.conflict", e.getMessage()), 6000,
                    Notification.Position.MIDDLE);
            notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
            UI.getCurrent().navigate(InboxView.class);
            return;
        }
        Notification.show(getTranslation("tasks.done", taskName(task)), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate(InboxView.class);
    }

    private void claim(OpenTask task) {
        try {
            OpenTask claimed = tasks.claim(task.id());
            UI.getCurrent().navigate(InboxView.class, new RouteParameters("taskId", claimed.id()));
        } catch (ConflictException | NotFoundException | AccessDeniedException e) {
            Notification.show(getTranslation("tasks.conflict", e.getMessage()), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private String taskName(OpenTask task) {
        String key = "tasks.key." + task.taskKey();
        String name = getTranslation(key);
        return name.startsWith("!") ? task.name() : name;
    }

    /** Read once per screen: each read of a name is a read of the patient's record (and audited). */
    private String patientName(UUID patientId) {
        if (patientId == null) {
            return "";
        }
        return patientNames.computeIfAbsent(patientId, id -> {
            try {
                Patient p = patients.patient(id);
                return Formats.personName(p.getFamilyName(), p.getGivenName(), p.getLatinName(), getLocale());
            } catch (AccessDeniedException | NotFoundException e) {
                return "—";
            }
        });
    }

    /** The person, not the user name; a name with no account (an import) as it is. */
    private String assigneeName(String username) {
        return assigneeNames.computeIfAbsent(username,
                name -> staff.displayNames(Set.of(name)).getOrDefault(name, name));
    }


    private Component due(OpenTask task, Locale locale) {
        if (task.due() == null) {
            return new Span();
        }
        Span due = new Span(Formats.shortDateTime(task.due(), locale));
        if (task.isOverdue(Instant.now())) {
            due.setText(due.getText() + " · " + getTranslation("tasks.overdue"));
            due.addClassName("overdue");
            due.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return due;
    }

    /** A task as one card on a phone: what and whom on the first line, how pressing and whose on the second. */
    private Component card(OpenTask task, Locale locale) {
        Span what = new Span(taskName(task));
        what.getStyle().set("font-weight", "600");
        Div first = new Div(what);
        if (task.patientId() != null) {
            first.add(new Span(" · " + patientName(task.patientId())));
        }
        FlexLayout second = new FlexLayout(new UrgencyBadge(task.urgency()), due(task, locale), assignee(task));
        second.setFlexWrap(FlexWrap.WRAP);
        second.setAlignItems(Alignment.CENTER);
        second.getStyle().set("gap", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(first, second);
        card.addClassName("task-card");
        card.getStyle().set("white-space", "normal");
        return card;
    }

    private Component assignee(OpenTask task) {
        if (task.assignee() != null) {
            return new Span(task.assignee().equals(CurrentStaff.get().username()) ? getTranslation("tasks.me")
                    : assigneeName(task.assignee()));
        }
        Button claim = new Button(getTranslation("tasks.claim"), click -> claim(task));
        claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
        claim.addClassName("claim");
        return claim;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.nav");
    }
}
