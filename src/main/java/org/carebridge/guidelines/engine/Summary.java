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
    private final boolean imciDangerSign;
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
        this.imciDangerSign = Boolean.TRUE.equals(scored.imciDangerSign);
        this.requestedSpecialty = scored.request.requestedSpecialty();
    }

    Case scored() {
        return scored;
    }

    /** A finding of a risk band or the triage policy. */
    public void find(RuleContext rule, String guideline, String message) {
        scored.find(rule, guideline, message);
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

    public int getQsofaScore() {
        return qsofaScore;
    }

    public boolean isCurb65Applicable() {
        return curb65Applicable;
    }

    public int getCurb65Score() {
        return curb65Score;
    }

    public BloodPressure.Category getBloodPressure() {
        return bloodPressure;
    }

    public Glycemia.Status getGlycemia() {
        return glycemia;
    }

    public boolean isImciDangerSign() {
        return imciDangerSign;
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
