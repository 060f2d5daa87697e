package org.carebridge.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart over time, drawn on the server as SVG: the browser gets a picture and needs no
 * charting library (the front end here is Vaadin's pre-compiled bundle; see STACK.md).
 */
public final class LineChart {

    public record Point(Instant at, double value) {
    }

    public record Series(String name, String color, List<Point> points) {
    }

    private static final int LEFT = 56;
    private static final int RIGHT = 40;
    private static final int TOP = 36;
    private static final int BOTTOM = 40;

    private final String title;
    private final Locale locale;
    private final List<Series> series = new ArrayList<>();
    private Double normalLow;
    private Double normalHigh;
    private String emptyText = "—";

    public LineChart(String title, Locale locale) {
        this.title = title;
        this.locale = locale;
    }

    public LineChart series(String name, String color, List<Point> points) {
        series.add(new Series(name, color, points.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList()));
        return this;
    }

    /** Shades the band where values are normal, so a reader sees at once what lies outside it. */
    public LineChart normalRange(double low, double high) {
        this.normalLow = low;
        this.normalHigh = high;
        return this;
    }

    public LineChart emptyText(String text) {
        this.emptyText = text;
        return this;
    }

    public String toSvg(int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"line-chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"100%\" style=\"max-width:")
                .append(width).append("px\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>");
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        if (all.isEmpty()) {
            svg.append("<text x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#666\">").append(escape(emptyText)).append("</text></svg>");
            return svg.toString();
        }
        double min = all.stream().mapToDouble(Point::value).min().orElseThrow();
        double max = all.stream().mapToDouble(Point::value).max().orElseThrow();
        if (normalLow != null) {
            min = Math.min(min, normalLow);
            max = Math.max(max, normalHigh);
        }
        double step = niceStep((max - min) / 4);
        double yLow = Math.floor(min / step) * step;
        double yHigh = Math.ceil(max / step) * step;
        if (yHigh == yLow) {
            yHigh = yLow + step;
        }
        long tFirst = all.stream().mapToLong(p -> p.at().getEpochSecond()).min().orElseThrow();
        long tLast = all.stream().mapToLong(p -> p.at().getEpochSecond()).max().orElseThrow();
        if (tLast == tFirst) {
            tFirst -= 86_400;
            tLast += 86_400;
        }
        Frame frame = new Frame(width - LEFT - RIGHT, height - TOP - BOTTOM, yLow, yHigh, tFirst, tLast);

        if (normalLow != null) {
            double top = frame.y(normalHigh);
            svg.append("<rect class=\"normal-range\" x=\"").append(LEFT).append("\" y=\"").append(fmt(top))
                    .append("\" width=\"").append(frame.width).append("\" height=\"")
                    .append(fmt(frame.y(normalLow) - top)).append("\" fill=\"#e6f4ea\"/>");
        }
        for (double tick = yLow; tick <= yHigh + step / 2; tick += step) {
            double y = frame.y(tick);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + frame.width).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#444\">").append(escape(Formats.number(tick, locale)))
                    .append("</text>");
        }
        int xTicks = Math.min(5, Math.max(2, frame.width / 120));
        boolean shortSpan = tLast - tFirst < 5 * 86_400; // within a few days, the hour matters
        for (int i = 0; i <= xTicks; i++) {
            long t = tFirst + (tLast - tFirst) * i / xTicks;
            double x = frame.x(t);
            svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(TOP + frame.height + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#444\">")
                    .append(escape(shortSpan ? Formats.shortDateTime(Instant.ofEpochSecond(t), locale)
                            : Formats.shortDate(Instant.ofEpochSecond(t), locale))).append("</text>");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP + frame.height).append("\" stroke=\"#888\"/>");
        int legendX = LEFT + frame.width;
        for (int s = series.size() - 1; s >= 0; s--) {
            Series line = series.get(s);
            legendX -= 14 + textWidth(line.name());
            svg.append("<circle cx=\"").append(legendX).append("\" cy=\"14\" r=\"5\" fill=\"").append(line.color())
                    .append("\"/><text x=\"").append(legendX + 9).append("\" y=\"18\">").append(escape(line.name()))
                    .append("</text>");
        }
        for (Series line : series) {
            if (line.points().isEmpty()) {
                continue;
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(line.color())
                    .append("\" points=\"");
            for (Point p : line.points()) {
                svg.append(fmt(frame.x(p.at().getEpochSecond()))).append(',').append(fmt(frame.y(p.value()))).append(' ');
            }
            svg.append("\"/>");
            for (Point p : line.points()) {
                svg.append("<circle cx=\"").append(fmt(frame.x(p.at().getEpochSecond()))).append("\" cy=\"")
                        .append(fmt(frame.y(p.value()))).append("\" r=\"3\" fill=\"").append(line.color())
                        .append("\"><title>").append(escape(line.name() + " " + Formats.number(p.value(), locale)
                                + " · " + Formats.dateTime(p.at(), locale))).append("</title></circle>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private record Frame(int width, int height, double yLow, double yHigh, long tFirst, long tLast) {
        double x(long epochSecond) {
            return LEFT + (double) (epochSecond - tFirst) / (tLast - tFirst) * width;
        }

        double y(double value) {
            return TOP + (yHigh - value) / (yHigh - yLow) * height;
        }
    }

    /** 1, 2 or 5 times a power of ten: ticks a reader can add up in their head. */
    public static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        return (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * About how wide a label is at 12 px: a Chinese character takes a full em, a Latin letter or digit
     * about two thirds of one, so that a legend in either language neither overlaps nor runs off.
     */
    static int textWidth(String text) {
        return text.codePoints().map(c -> Character.isIdeographic(c) || Character.UnicodeBlock.of(c)
                == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS || Character.UnicodeBlock.of(c)
                == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION ? 12 : 8).sum();
    }
}
