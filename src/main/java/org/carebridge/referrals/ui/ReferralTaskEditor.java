package org.carebridge.referrals.ui;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.Referrals;
import org.carebridge.referrals.TimelineEntry;
import org.carebridge.referrals.TimelineType;
import org.carebridge.shell.Formats;
import org.carebridge.shell.Wordings;
import org.carebridge.tasks.CaseTaskEditor;
import org.carebridge.tasks.JsonForm;
import org.carebridge.tasks.OpenTask;

/**
 * The form of one of the referral process's tasks: what the referral is about and what happened last,
 * above the inputs of that step.
 */
abstract class ReferralTaskEditor extends CaseTaskEditor<ReferralDetails> {

    protected final Referrals referrals;
    private final Wordings wordings;

    ReferralTaskEditor(String taskKey, Referrals referrals, Wordings wordings, ObjectMapper json) {
        super(taskKey, json);
        this.referrals = referrals;
        this.wordings = wordings;
    }

    @Override
    protected ReferralDetails caseOf(OpenTask task) {
        return referrals.referral(task.referralId());
    }

    @Override
    protected Div summary(JsonForm form, ReferralDetails referral) {
        Locale locale = form.locale();
        Div summary = new Div();
        summary.addClassName("referral-summary");
        summary.add(new Paragraph(String.join(" · ", form.getTranslation("referrals.status." + referral.status()),
                referral.urgency() == null ? "" : form.getTranslation("urgency." + referral.urgency()),
                referral.specialty() == null ? "" : form.getTranslation("specialty." + referral.specialty()),
                Formats.dateTime(referral.createdAt(), locale))));
        summary.add(new Paragraph(form.getTranslation("referrals.reason") + ": " + referral.reason()));
        List<TimelineEntry> steps = referrals.timeline(referral.id()).stream()
                .filter(e -> e.type() != TimelineType.TASK_CREATED && e.type() != TimelineType.TASK_CLAIMED).toList();
        if (!steps.isEmpty()) {
            TimelineEntry last = steps.get(steps.size() - 1);
            summary.add(new Paragraph(form.getTranslation("referrals.latest", Formats.dateTime(last.at(), locale),
                    form.getTranslation("referrals.timeline." + last.type()),
                    wordings.say(last.wording(), locale))));
        }
        summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return summary;
    }

    static TextArea text(JsonForm form, String name, String labelKey) {
        TextArea area = new TextArea(form.getTranslation(labelKey));
        area.setMaxLength(2000);
        form.field(name, area, area::getValue);
        form.setColspan(area, 2);
        return area;
    }
}
