package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code partials plot}: real PNG and SVG files of the requested size, not blank. */
class PlotIntegrationTests {

    @TempDir
    Path dir;

    private static void assertPng(Path file, int width, int height) throws IOException {
        assertThat(file).isRegularFile();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("ImageIO reads %s", file).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
    }

    private static Document assertSvg(Path file, int width, int height) throws Exception {
        assertThat(file).isRegularFile();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The document names the SVG 1.0 DTD; do not fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(file.toFile());
        Element svg = doc.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(width);
        assertThat(Double.parseDouble(svg.getAttribute("height"))).isEqualTo(height);
        assertThat(doc.getElementsByTagNameNS("*", "path").getLength()).isPositive();
        return doc;
    }

    @Test
    void aSliceIsAnSvgOfTheRequestedSizeWithPaths() throws Exception {
        Path out = dir.resolve("slice.svg");
        Launcher.Run r = Launcher.run("plot", SeedIntegrationTests.SEED, "--var", "x", "--at", "y=2", "-o", out.toString(),
                "--width", "900", "--height", "500").exits(0).withoutStackTrace();
        assertThat(r.out()).contains("wrote").contains("900×500");
        Document doc = assertSvg(out, 900, 500);
        assertThat(doc.getDocumentElement().getTextContent()).contains("∂f/∂x");
    }

    @Test
    void aSliceIsAPngOfTheRequestedSize() throws IOException {
        Path out = dir.resolve("slice.png");
        Launcher.Run r = Launcher.run("plot", "sin(x)*exp(y)/(1+z^2)", "--var", "x", "--at", "y=1,z=2", "--range", "-3:3",
                "-o", out.toString()).exits(0);
        assertThat(r.errors()).isEmpty();
        assertPng(out, 800, 600);
    }

    @Test
    void aLandscapeIsAPngHeatMapOfTheRequestedSize() throws IOException {
        Path out = dir.resolve("landscape.png");
        Launcher.Run r = Launcher.run("plot", SeedIntegrationTests.SEED, "--contour", "x,y", "--range", "x=-2:2,y=-1:3",
                "-o", out.toString(), "--width", "640", "--height", "480", "--format", "json").exits(0);
        assertThat(r.out()).contains("\"kind\": \"landscape\"").contains("\"imageFormat\": \"png\"");
        assertPng(out, 640, 480);
    }

    @Test
    void aLandscapeIsAnSvgToo() throws Exception {
        Path out = dir.resolve("landscape.svg");
        Launcher.Run r = Launcher.run("plot", "sin(x)*exp(y)/(1+z^2)", "--contour", "x,z", "--at", "y=0.5", "-o",
                out.toString()).exits(0);
        assertThat(r.errors()).isEmpty();
        assertSvg(out, 800, 600);
    }

    @Test
    void plottingAnUnknownVariableIsBadInput() {
        Launcher.Run r = Launcher.run("plot", SeedIntegrationTests.SEED, "--var", "z", "-o", dir.resolve("a.png").toString())
                .exits(1).withoutStackTrace();
        assertThat(r.err()).contains("\"z\"");
    }

    @Test
    void plottingWithoutTheOtherCoordinatesNamesThem() {
        Launcher.Run r = Launcher.run("plot", SeedIntegrationTests.SEED, "--var", "x", "-o", dir.resolve("a.png").toString())
                .exits(1).withoutStackTrace();
        assertThat(r.err()).contains("y");
        assertThat(Files.exists(dir.resolve("a.png"))).isFalse();
    }
}
