package org.carebridge.guidelines.engine;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment.BloodPressure;
import org.carebridge.guidelines.Assessment.Curb65;
import org.carebridge.guidelines.Assessment.Glycemia;
import org.carebridge.guidelines.Assessment.News2;
import org.carebridge.guidelines.Urgency;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The scores of one case once every parameter is scored: what the risk bands and the triage policy
 * read, and where they write their conclusions (through {@code modify}, so that the triage rows see
 * the risk the bands concluded).
 */
public final class Summary {

    private final Case scored;
    private final boolean news2Applicable;
    private final int news2Score;
    private final boolean news2AnyParameterScores3;
    private final boolean qsofaApplicable;
    private final int qsofaScore;
    private final boolean curb65Applicable;
    private final int curb65Score;
    private final BloodPressure.Category bloodPressure;
    private final Glycemia.Status glycemia;
    private final boolean dangerSignChild;
    private final boolean dangerSignAdult;
    private final boolean fastBreathingYoungInfant;
    private final boolean fastBreathingChild;
    private final boolean paediatricTriggered;
    private final int meowsRed;
    private final int meowsYellow;
    private final boolean pregnant;
    private final boolean child;
    private final boolean nothingRecorded;
    private final Specialty requestedSpecialty;

    private News2.Risk news2Risk;
    private Boolean qsofaPositive;
    private Curb65.Risk curb65Risk;
    private Urgency urgency;
    private Specialty specialty;

    Summary(Case scored) {
        this.scored = scored;
        this.news2Applicable = scored.news2NotApplicable == null;
        this.news2Score = scored.news2Points.values().stream().mapToInt(Integer::intValue).sum();
        this.news2AnyParameterScores3 = scored.news2Points.containsValue(3);
        this.qsofaApplicable = scored.qsofaNotApplicable == null;
        this.qsofaScore = scored.qsofaScore;
        this.curb65Applicable = scored.curb65NotApplicable == null;
        this.curb65Score = scored.curb65Score;
        this.bloodPressure = scored.bloodPressure;
        this.glycemia = scored.glycemia;
        boolean dangerSign = scored.getImciDangerSigns() > 0;
        this.dangerSignChild = dangerSign && !(scored.getAgeYears() >= 16);
        this.dangerSignAdult = dangerSign && scored.getAgeYears() >= 16;
        boolean fastBreathing = Boolean.TRUE.equals(scored.imciFastBreathing);
        this.fastBreathingYoungInfant = fastBreathing && scored.imciYoungInfant;
        this.fastBreathingChild = fastBreathing && !scored.imciYoungInfant;
        this.paediatricTriggered = !scored.paediatricCriteria.isEmpty();
        this.meowsRed = scored.meowsRed.size();
        this.meowsYellow = scored.meowsYellow.size();
        this.pregnant = scored.isPregnant();
        this.child = scored.isChild();
        this.nothingRecorded = scored.isNothingRecorded();
        this.requestedSpecialty = scored.request.requestedSpecialty();
    }

    Case scored() {
        return scored;
    }

    /** A finding of a risk band or the triage policy, with parameters given as name, value, ... */
    public void find(RuleContext rule, String guideline, Object... parameters) {
        scored.find(rule, guideline, parameters);
    }

    /** The specialty asked for, else the given one: the routine rows of the triage policy. */
    public Specialty requestedOr(Specialty otherwise) {
        return requestedSpecialty != null ? requestedSpecialty : otherwise;
    }

    public boolean isNews2Applicable() {
        return news2Applicable;
    }

    public int getNews2Score() {
        return news2Score;
    }

    public boolean isNews2AnyParameterScores3() {
        return news2AnyParameterScores3;
    }

    public boolean isQsofaApplicable() {
        return qsofaApplicable;
    }

    /** The qSOFA score where qSOFA applies, else 0. */
    public int getQsofaScore() {
        return qsofaApplicable ? qsofaScore : 0;
    }

    public boolean isCurb65Applicable() {
        return curb65Applicable;
    }

    /** The CURB-65 score where CURB-65 applies, else 0. */
    public int getCurb65Score() {
        return curb65Applicable ? curb65Score : 0;
    }

    public BloodPressure.Category getBloodPressure() {
        return bloodPressure;
    }

    public Glycemia.Status getGlycemia() {
        return glycemia;
    }

    /** An IMCI danger sign listed for a child under 16, or with the age unknown. */
    public boolean isDangerSignChild() {
        return dangerSignChild;
    }

    /** An IMCI danger sign listed at 16 years or older. */
    public boolean isDangerSignAdult() {
        return dangerSignAdult;
    }

    /** IMCI fast breathing under 2 months (or under 1 year, months unknown, 60/min or more). */
    public boolean isFastBreathingYoungInfant() {
        return fastBreathingYoungInfant;
    }

    /** IMCI fast breathing from 2 to 59 months. */
    public boolean isFastBreathingChild() {
        return fastBreathingChild;
    }

    public boolean isPaediatricTriggered() {
        return paediatricTriggered;
    }

    /** How many MEOWS parameters are in a red band. */
    public int getMeowsRed() {
        return meowsRed;
    }

    /** How many MEOWS parameters are in a yellow band. */
    public int getMeowsYellow() {
        return meowsYellow;
    }

    public boolean isPregnant() {
        return pregnant;
    }

    /** Under 16 years (false when the age is unknown). */
    public boolean isChild() {
        return child;
    }

    /** How many of MEOWS' seven parameters were recorded. */
    public int getMeowsParametersRecorded() {
        return scored.getMeowsParametersRecorded();
    }

    /** How many of the parameters the paediatric call criteria read were recorded (0 over 16 or age unknown). */
    public int getPaediatricParametersRecorded() {
        return scored.getPaediatricAgeBand() == null ? 0 : scored.getPaediatricParametersRecorded();
    }

    /** How many of NEWS2's seven parameters were recorded. */
    public int getNews2ParametersRecorded() {
        return scored.getNews2ParametersRecorded();
    }

    /** No observation at all was given. */
    public boolean isNothingRecorded() {
        return nothingRecorded;
    }

    public Specialty getRequestedSpecialty() {
        return requestedSpecialty;
    }

    public News2.Risk getNews2Risk() {
        return news2Risk;
    }

    public void setNews2Risk(News2.Risk news2Risk) {
        this.news2Risk = news2Risk;
    }

    public Boolean getQsofaPositive() {
        return qsofaPositive;
    }

    public void setQsofaPositive(Boolean qsofaPositive) {
        this.qsofaPositive = qsofaPositive;
    }

    public Curb65.Risk getCurb65Risk() {
        return curb65Risk;
    }

    public void setCurb65Risk(Curb65.Risk curb65Risk) {
        this.curb65Risk = curb65Risk;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public void setSpecialty(Specialty specialty) {
        this.specialty = specialty;
    }
}
