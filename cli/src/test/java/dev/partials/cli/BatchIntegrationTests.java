package dev.partials.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --points FILE}: CSV in, CSV or JSON out, through the real launcher. */
class BatchIntegrationTests {

    private static final String SEED = SeedIntegrationTests.SEED;

    @TempDir
    Path dir;

    private Path points(int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            sb.append(random.nextDouble(-10, 10)).append(',').append(random.nextDouble(-10, 10)).append('\n');
        }
        Path file = dir.resolve("points.csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void gradientsOfTenThousandPointsAreWrittenAsCsvWithTheSimdProvider() throws IOException {
        Path in = points(10_000, 1);
        Path out = dir.resolve("gradients.csv");
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString(), "-o", out.toString()).exits(0).withoutStackTrace();
        assertThat(r.out()).isEmpty();
        assertThat(r.errors()).isEmpty(); // simd is present: no fallback note, no rejected rows
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(10_001);
        assertThat(lines.get(0)).isEqualTo("x,y,df/dx,df/dy");
        List<String> input = Files.readAllLines(in, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            String[] p = input.get(i).split(",");
            double x = Double.parseDouble(f[0]);
            double y = Double.parseDouble(f[1]);
            assertThat(x).isEqualTo(Double.parseDouble(p[0]));
            assertThat(y).isEqualTo(Double.parseDouble(p[1]));
            double dx = 2 * x + 3 * y;
            assertThat(Double.parseDouble(f[2])).isCloseTo(dx, within(1e-13 * (2 * Math.abs(x) + 3 * Math.abs(y))));
            assertThat(Double.parseDouble(f[3])).isEqualTo(3 * x);
        }
    }

    @Test
    void batchJsonHasTheDocumentedShape() throws IOException {
        Path in = points(10_000, 2);
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString(), "--format", "json").exits(0);
        assertThat(r.out()).contains("\"provider\": \"simd\"").contains("\"columns\": [\"x\", \"y\", \"df/dx\", \"df/dy\"]")
                .contains("\"count\": 10000").contains("\"rejected\": []");
        assertThat(r.out().lines().filter(l -> l.startsWith("    [")).count()).isEqualTo(10_000);
    }

    @Test
    void aSmallFileUsesTheDefaultProvider() throws IOException {
        Path in = points(10, 3);
        Launcher.Run r = Launcher.run("eval", SEED, "--points", in.toString(), "--format", "json").exits(0);
        assertThat(r.out()).contains("\"provider\": \"dual\"").contains("\"count\": 10");
    }

    @Test
    void malformedRowsAreReportedByLineAndCountedWhileTheOthersAreComputed() throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, String.join("\n",
                "x,y",
                "1,2",
                "1,2,3",
                "abc,2",
                "3,4",
                "NaN,1",
                "5") + "\n");
        Path out = dir.resolve("out.csv");
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString(), "-o", out.toString()).exits(1)
                .withoutStackTrace();
        assertThat(r.err()).contains("line 3: expected 2 value(s)").contains("line 4: x = \"abc\" is not a number")
                .contains("line 6: x = NaN is not a finite number").contains("line 7: expected 2 value(s)")
                .contains("4 of 6 rows").contains("rejected");
        assertThat(Files.readAllLines(out)).containsExactly("x,y,df/dx,df/dy", "1,2,8,3", "3,4,18,9");
    }

    @Test
    void pointsAreReadFromStandardInput() {
        Launcher.Run r = Launcher.run(Map.of(), "x,y\n1,2\n", "grad", SEED, "--points", "-").exits(0);
        assertThat(r.out().lines()).containsExactly("x,y,df/dx,df/dy", "1,2,8,3");
    }

    @Test
    void aHeaderWithoutEveryVariableIsAnError() throws IOException {
        Path in = dir.resolve("x-only.csv");
        Files.writeString(in, "x\n1\n");
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString()).exits(1).withoutStackTrace();
        assertThat(r.err()).contains("no column for y");
    }

    @Test
    void theProgressBarShowsWhenAsked() throws IOException {
        Path in = points(5_000, 4);
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString(), "-o", dir.resolve("o.csv").toString(),
                "--progress").exits(0);
        assertThat(r.err()).contains("100%").contains("5,000 points");
    }

    @Test
    void anExplicitProviderIsHonouredForALargeFile() throws IOException {
        Path in = points(2_000, 5);
        Launcher.Run r = Launcher.run("grad", SEED, "--points", in.toString(), "--provider", "dual", "--format", "json").exits(0);
        assertThat(r.out()).contains("\"provider\": \"dual\"").contains("\"count\": 2000");
    }

    @Test
    void withoutSimdALargeFileFallsBackToTheDefaultProviderAndSaysSo() throws IOException {
        Path in = points(2_000, 6);
        // Hide the simd module from the JVM: the other providers stay.
        Map<String, String> env = Map.of("JAVA_OPTS",
                "--limit-modules dev.partials.cli,dev.partials.dual,dev.partials.symbolic,dev.partials.numeric");
        Launcher.Run r = Launcher.run(env, null, "grad", SEED, "--points", in.toString(), "--format", "json").exits(0);
        assertThat(r.err()).contains("provider \"simd\" is not available").contains("using \"dual\"");
        assertThat(r.out()).contains("\"provider\": \"dual\"").contains("\"count\": 2000");
    }
}
