package org.carebridge.recordrelease.ui;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.carebridge.directory.Directory;
import org.carebridge.recordrelease.RecordRequestDetails;
import org.carebridge.recordrelease.RecordRequests;
import org.carebridge.shell.Formats;
import org.carebridge.tasks.CaseTaskEditor;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.OpenTask;
import org.springframework.stereotype.Component;

/** The screen forms of the tasks of {@code record-release.bpmn}, with the field names of their server-side forms. */
final class ReleaseTaskEditors {

    private ReleaseTaskEditors() {
    }

    /** What the request is about, and the consent decision with its reasons, above every step's inputs. */
    abstract static class ReleaseTaskEditor extends CaseTaskEditor<RecordRequestDetails> {

        private final RecordRequests requests;
        private final Directory directory;

        ReleaseTaskEditor(String taskKey, RecordRequests requests, Directory directory, ObjectMapper json) {
            super(taskKey, json);
            this.requests = requests;
            this.directory = directory;
        }

        @Override
        protected RecordRequestDetails caseOf(OpenTask task) {
            return requests.request(task.recordRequestId());
        }

        @Override
        protected Div summary(JsonForm form, RecordRequestDetails request) {
            Locale locale = form.locale();
            Div summary = new Div();
            summary.addClassName("record-request-summary");
            summary.add(new Paragraph(RecordRequestLabels.line(request, directory, key -> form.getTranslation(key), locale)));
            if (request.reason() != null) {
                summary.add(new Paragraph(form.getTranslation("records.reason") + ": " + request.reason()));
            }
            summary.add(new Paragraph(form.getTranslation("records.consent") + ": "
                    + form.getTranslation("records.consent." + request.consentOutcome())
                    + (request.breakGlass() ? " · " + form.getTranslation("records.breakGlass") : "")));
            UnorderedList reasons = new UnorderedList();
            request.consentReasons().forEach(r -> reasons.add(new ListItem(r)));
            summary.add(reasons);
            summary.add(new Paragraph(form.getTranslation("records.created") + ": "
                    + Formats.dateTime(request.createdAt(), locale)));
            return summary;
        }

        static RadioButtonGroup<Boolean> yesNo(JsonForm form, String name, String labelKey, String yesKey, String noKey) {
            RadioButtonGroup<Boolean> choice = new RadioButtonGroup<>(form.getTranslation(labelKey));
            choice.setItems(Boolean.TRUE, Boolean.FALSE);
            choice.setItemLabelGenerator(b -> form.getTranslation(b ? yesKey : noKey));
            form.field(name, choice, choice::getValue);
            return choice;
        }

        static TextArea text(JsonForm form, String name, String labelKey) {
            TextArea text = new TextArea(form.getTranslation(labelKey));
            text.setMaxLength(2000);
            form.field(name, text, text::getValue);
            form.setColspan(text, 2);
            return text;
        }
    }

    /** {@code ObtainConsent}: did the patient consent, and how do we know. */
    @Component
    static class ObtainConsent extends ReleaseTaskEditor {

        ObtainConsent(RecordRequests requests, Directory directory, ObjectMapper json) {
            super("ObtainConsent", requests, directory, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, RecordRequestDetails request) {
            yesNo(form, "consentGiven", "records.task.consentGiven", "records.task.consentYes", "records.task.consentNo");
            text(form, "evidence", "records.task.evidence").setHelperText(form.getTranslation("records.task.evidenceHelp"));
        }
    }

    /** {@code ReviewRelease}: the records officer approves, or denies with a reason. */
    @Component
    static class ReviewRelease extends ReleaseTaskEditor {

        ReviewRelease(RecordRequests requests, Directory directory, ObjectMapper json) {
            super("ReviewRelease", requests, directory, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, RecordRequestDetails request) {
            yesNo(form, "approve", "records.task.approve", "records.task.approveYes", "records.task.approveNo");
            text(form, "reason", "records.task.reason").setHelperText(form.getTranslation("records.task.reasonHelp"));
        }
    }

    /** {@code ReviewEmergencyAccess}: an administrator judges a break-the-glass release afterwards. */
    @Component
    static class ReviewEmergencyAccess extends ReleaseTaskEditor {

        ReviewEmergencyAccess(RecordRequests requests, Directory directory, ObjectMapper json) {
            super("ReviewEmergencyAccess", requests, directory, json);
        }

        @Override
        protected void addInputs(JsonForm form, OpenTask task, RecordRequestDetails request) {
            yesNo(form, "appropriate", "records.task.appropriate", "records.task.appropriateYes",
                    "records.task.appropriateNo");
            text(form, "comment", "records.task.comment");
        }
    }
}
