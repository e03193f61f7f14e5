package io.c2m.examples.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.examples.cli.SimulateCommand;
import io.c2m.sim.Comparison;
import io.c2m.sim.Simulation;
import io.c2m.sim.SimulationListener;
import io.c2m.sim.SimulationSettings;
import io.c2m.sim.SimulationStrategies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path dir;
  static Comparison comparison;

  /** A small market: two strategies on two seeds, a few seconds. */
  static SimulationSettings small() {
    return SimulationSettings.defaults().withConsumers(1500).withPeriods(40)
        .with("seasonLength", "20").with("discoverEvery", "10").with("minimumAudience", "10");
  }

  @BeforeAll
  static void run() {
    comparison = Simulation.compare(small(),
        List.of(SimulationStrategies.byName("make-to-stock"),
            SimulationStrategies.byName("c2m:wagner-whitin")),
        List.of(1L, 2L), SimulationListener.none());
    SimulateCommand.write(comparison, dir, true);
  }

  @Test
  void writesEveryFileWithEveryChartEmbeddedAsADecodablePng() throws IOException {
    for (String f : List.of("runs.csv", "summary.csv", "paired.csv", "comparison.json",
        "report.html", "charts/cost-vs-service.png", "charts/batch-sizes.png",
        "charts/stock.png", "charts/niche-1.png")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    String html = Files.readString(dir.resolve("report.html"));
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    int images = 0;
    while (m.find()) {
      assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
      images++;
    }
    assertEquals(3 + comparison.settings().niches().size(), images);
    assertTrue(html.contains("make-to-stock") && html.contains("c2m:wagner-whitin"));
    assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "self-contained");
  }

  @Test
  void rendersInHeadlessChromium() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      System.out.println("NOTICE: SimulationReportTest.rendersInHeadlessChromium skipped: no "
          + CHROMIUM + " (apt-get install -y chromium)");
    }
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "no " + CHROMIUM + ": the report was not opened in a browser (apt-get install chromium)");
    Path profile = Files.createTempDirectory("c2m-chromium");
    Path shot = dir.resolve("screenshot.png");
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=1200,3000"));
    String dom = chromium(cmd, "--dump-dom", dir.resolve("report.html").toUri().toString());
    assertTrue(dom.contains("id=\"side-by-side\""), dom.length() > 500 ? dom.substring(0, 500)
        : dom);
    assertTrue(dom.contains("id=\"paired\"") && dom.contains("id=\"niches\"")
        && dom.contains("id=\"assumptions\""));
    chromium(cmd, "--screenshot=" + shot, dir.resolve("report.html").toUri().toString());
    var image = ImageIO.read(shot.toFile());
    assertNotNull(image, "chromium wrote no screenshot");
    assertTrue(image.getWidth() >= 1000 && image.getHeight() >= 1000);
  }

  private static String chromium(List<String> base, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(base);
    cmd.addAll(List.of(more));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
    return new String(out, StandardCharsets.UTF_8);
  }
}
