package org.carebridge.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineChartTests {

    private static final Instant T0 = Instant.parse("2026-01-01T02:00:00Z");

    @Test
    void drawsOnePolylineAPointPerValueAndTheNormalBand() throws Exception {
        String svg = new LineChart("Blood pressure", Translations.ENGLISH)
                .series("Systolic", "#c00", List.of(point(0, 150), point(30, 142), point(60, 131)))
                .series("Diastolic", "#00c", List.of(point(0, 95), point(60, 84)))
                .normalRange(60, 120)
                .toSvg(600, 240);

        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        Element systolic = (Element) doc.getElementsByTagName("polyline").item(0);
        assertThat(systolic.getAttribute("points").trim().split(" ")).hasSize(3);
        assertThat(svg).contains("class=\"normal-range\"").contains("Systolic 150");
    }

    @Test
    void chineseLegendsLeaveEachNameItsFullWidth() throws Exception {
        Document doc = parse(new LineChart("血压", Translations.CHINESE)
                .series("收缩压", "#c00", List.of(point(0, 150))).series("舒张压", "#00c", List.of(point(0, 95)))
                .toSvg(600, 240));
        List<Element> legends = new java.util.ArrayList<>();
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            Element text = (Element) doc.getElementsByTagName("text").item(i);
            if (List.of("收缩压", "舒张压").contains(text.getTextContent())) {
                legends.add(text);
            }
        }
        assertThat(legends).hasSize(2);
        double first = Double.parseDouble(legends.get(0).getAttribute("x"));
        double second = Double.parseDouble(legends.get(1).getAttribute("x"));
        // the left name's three characters of 12 px each, then the right legend's dot
        assertThat(Math.abs(second - first)).isGreaterThanOrEqualTo(3 * 12 + 5);
    }

    @Test
    void higherValuesAreDrawnHigherUp() throws Exception {
        Element line = (Element) parse(new LineChart("t", Translations.ENGLISH)
                .series("x", "#000", List.of(point(0, 10), point(1, 20))).toSvg(400, 200))
                .getElementsByTagName("polyline").item(0);
        String[] points = line.getAttribute("points").trim().split(" ");
        double firstY = Double.parseDouble(points[0].split(",")[1]);
        double secondY = Double.parseDouble(points[1].split(",")[1]);
        assertThat(secondY).isLessThan(firstY);
    }

    @Test
    void saysSoWhenThereIsNothingToDraw() throws Exception {
        String svg = new LineChart("Glucose", Translations.CHINESE).emptyText("暂无记录")
                .series("FPG", "#000", List.of()).toSvg(400, 200);
        assertThat(parse(svg).getElementsByTagName("polyline").getLength()).isZero();
        assertThat(svg).contains("暂无记录");
    }

    @Test
    void textIsEscapedSoNamesCannotInjectMarkup() throws Exception {
        String svg = new LineChart("<script>alert(1)</script>", Translations.ENGLISH)
                .series("a&b", "#000", List.of(point(0, 1))).toSvg(300, 150);
        parse(svg);
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("a&amp;b");
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(LineChart.niceStep(0.7)).isEqualTo(1.0);
        assertThat(LineChart.niceStep(13)).isEqualTo(20.0);
        assertThat(LineChart.niceStep(31)).isEqualTo(50.0);
        assertThat(LineChart.niceStep(70)).isEqualTo(100.0);
    }

    private static LineChart.Point point(int days, double value) {
        return new LineChart.Point(T0.plusSeconds(days * 86_400L), value);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
