package org.carebridge.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;
import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.ScheduleEquity.Plan;
import org.carebridge.analytics.ScheduleEquity.PlanRegion;
import org.carebridge.scheduling.PlanComparison;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.Solution;
import org.springframework.stereotype.Component;

/**
 * The planner console's equity comparison: the Gini of appointments, the underserved-vs-other gap in waiting,
 * then per region the appointments that got a slot, the median wait of urgent patients, teleconsults and travel.
 */
@Component
class RegionalPlanComparison implements PlanComparison {

    private final I18NProvider translations;

    RegionalPlanComparison(I18NProvider translations) {
        this.translations = translations;
    }

    @Override
    public String title(Locale locale) {
        return t("analytics.plan.title", locale);
    }

    @Override
    public List<Row> compare(Problem problem, Solution firstComeFirstServed, Solution solved, Locale locale) {
        Plan before = PlanMeasures.of(problem, firstComeFirstServed);
        Plan after = PlanMeasures.of(problem, solved);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(t("analytics.giniAppointments", locale), number(before.gini().appointmentsPerCapita(), locale),
                number(after.gini().appointmentsPerCapita(), locale)));
        rows.add(new Row(t("analytics.plan.waitGap", locale),
                number(before.medianDaysToAppointmentUnderservedVsOther(), locale),
                number(after.medianDaysToAppointmentUnderservedVsOther(), locale)));
        Map<String, PlanRegion> afterByRegion = after.regions().stream()
                .collect(Collectors.toMap(PlanRegion::regionId, Function.identity()));
        for (PlanRegion b : before.regions()) {
            PlanRegion a = afterByRegion.get(b.regionId());
            String region = b.name() + (b.underserved() ? " *" : "") + " · ";
            rows.add(new Row(region + t("analytics.plan.assigned", locale), b.assigned() + " / " + b.appointments(),
                    a.assigned() + " / " + a.appointments()));
            for (String urgency : EquityReport.URGENCIES) {
                rows.add(new Row(region + t("analytics.plan.medianWait", locale, t("analytics.urgency." + urgency, locale)),
                        number(b.medianDaysToAppointment().get(urgency), locale),
                        number(a.medianDaysToAppointment().get(urgency), locale)));
            }
            rows.add(new Row(region + t("analytics.teleconsultShare", locale), percent(b.teleconsultShare(), locale),
                    percent(a.teleconsultShare(), locale)));
            rows.add(new Row(region + t("analytics.meanTravel", locale), number(b.meanTravelMinutes(), locale),
                    number(a.meanTravelMinutes(), locale)));
        }
        return rows;
    }

    private String t(String key, Locale locale, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    static String number(Double value, Locale locale) {
        return value == null ? "—" : String.format(locale, "%.2f", value);
    }

    static String percent(Double value, Locale locale) {
        return value == null ? "—" : String.format(locale, "%.0f%%", value * 100);
    }
}
