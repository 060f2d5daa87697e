package org.carebridge.analytics.ui;

import static org.carebridge.shell.LineChart.escape;
import static org.carebridge.shell.LineChart.niceStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carebridge.shell.Formats;

/**
 * A grouped bar chart drawn on the server as SVG, one group per region and one bar per series (the front end
 * is Vaadin's pre-compiled bundle: no charting library in the browser, see STACK.md). A missing value draws no
 * bar and is named "no data" in the bar's tooltip; a marked category (an underserved county) gets an asterisk.
 */
final class BarChart {

    record Series(String name, String color, List<Double> values) {
    }

    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;

    private final String title;
    private final Locale locale;
    private final List<String> categories;
    private final List<Boolean> marked;
    private final List<Series> series = new ArrayList<>();
    private boolean percent;

    BarChart(String title, Locale locale, List<String> categories, List<Boolean> marked) {
        this.title = title;
        this.locale = locale;
        this.categories = categories;
        this.marked = marked;
    }

    BarChart series(String name, String color, List<Double> values) {
        series.add(new Series(name, color, values));
        return this;
    }

    /** Values are shares (0–1), labelled as percentages. */
    BarChart percent() {
        this.percent = true;
        return this;
    }

    String toSvg(int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"bar-chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\" style=\"max-width:")
                .append(width).append("px\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>");
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (percent) {
            max = Math.max(max, 0.0001);
        }
        double step = niceStep(max / 4);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int plotWidth = width - LEFT - RIGHT;
        int plotHeight = height - TOP - BOTTOM;
        for (double tick = 0; tick <= top + step / 2; tick += step) {
            double y = TOP + plotHeight - tick / top * plotHeight;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#444\">").append(escape(label(tick))).append("</text>");
        }
        int legendX = LEFT + plotWidth;
        for (int s = series.size() - 1; s >= 0 && series.size() > 1; s--) {
            Series one = series.get(s);
            legendX -= 18 + one.name().length() * 8;
            svg.append("<rect x=\"").append(legendX).append("\" y=\"8\" width=\"10\" height=\"10\" fill=\"")
                    .append(one.color()).append("\"/><text x=\"").append(legendX + 13).append("\" y=\"18\">")
                    .append(escape(one.name())).append("</text>");
        }
        double group = categories.isEmpty() ? plotWidth : (double) plotWidth / categories.size();
        double bar = group * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * group + group * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(c);
                String tip = categories.get(c) + " · " + series.get(s).name() + ": " + (value == null ? "—" : label(value));
                double h = value == null ? 0 : value / top * plotHeight;
                svg.append("<rect class=\"bar\" x=\"").append(fmt(x0 + s * bar)).append("\" y=\"")
                        .append(fmt(TOP + plotHeight - h)).append("\" width=\"").append(fmt(Math.max(1, bar - 1)))
                        .append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(series.get(s).color())
                        .append("\"><title>").append(escape(tip)).append("</title></rect>");
            }
            String name = categories.get(c) + (marked.get(c) ? " *" : "");
            svg.append("<text x=\"").append(fmt(LEFT + c * group + group / 2)).append("\" y=\"")
                    .append(TOP + plotHeight + 18).append("\" text-anchor=\"middle\" fill=\"")
                    .append(marked.get(c) ? "#b3261e" : "#444").append("\">").append(escape(name)).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
                .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\" stroke=\"#888\"/>");
        return svg.append("</svg>").toString();
    }

    private String label(double value) {
        return percent ? Formats.number(Math.round(value * 1000) / 10.0, locale) + "%" : Formats.number(value, locale);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
