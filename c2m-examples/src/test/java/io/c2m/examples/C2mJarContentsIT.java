package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (licence hygiene): the packaged {@code c2m.jar} a user runs holds no JMH (GPLv2 with
 * the Classpath Exception) and no benchmark classes, its top-level LICENSE is c2m's own, and every
 * bundled library's LICENSE and NOTICE files are kept under {@code META-INF/third-party/}.
 */
class C2mJarContentsIT {
  private static JarFile jar() throws IOException {
    Path jar = Path.of("target", "c2m.jar");
    assertTrue(Files.exists(jar), "package the jar first: " + jar.toAbsolutePath());
    return new JarFile(jar.toFile());
  }

  private static String text(JarFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    assertTrue(e != null, "c2m.jar lacks " + name);
    return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void holdsNoJmhAndNoBenchmarks() throws IOException {
    try (JarFile jar = jar()) {
      List<String> offending = jar.stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith("org/openjdk/jmh/") || n.startsWith("io/c2m/examples/bench/")
              || n.equals("META-INF/BenchmarkList") || n.contains("jmh-core"))
          .toList();
      assertEquals(List.of(), offending);
    }
  }

  @Test
  void topLicenseIsC2msOwnAndNoticeNamesC2m() throws IOException {
    try (JarFile jar = jar()) {
      String license = text(jar, "META-INF/LICENSE");
      assertEquals(Files.readString(Path.of("..", "LICENSE"), StandardCharsets.UTF_8), license);
      assertTrue(!license.contains("GNU General Public License"), "GPL text at the top");
      assertTrue(text(jar, "META-INF/NOTICE").startsWith("c2m\n"));
    }
  }

  @Test
  void keepsTheBundledLibrariesLicenseAndNoticeFiles() throws IOException {
    try (JarFile jar = jar()) {
      // library (jar name without version) -> a file it ships; versions move, names stay.
      for (List<String> kept : List.of(
          List.of("commons-math3-", "/META-INF/LICENSE.txt"),
          List.of("commons-math3-", "/META-INF/NOTICE.txt"),
          List.of("jackson-core-", "/META-INF/NOTICE"),
          List.of("jackson-core-", "/META-INF/FastDoubleParser-LICENSE"),
          List.of("slf4j-api-", "/META-INF/LICENSE.txt"),
          List.of("olcut-core-", "/META-INF/THIRD_PARTY_LICENSES.txt"))) {
        String prefix = "META-INF/third-party/" + kept.get(0);
        assertTrue(jar.stream().map(ZipEntry::getName)
            .anyMatch(n -> n.startsWith(prefix) && n.endsWith(kept.get(1))
                && n.indexOf('/', prefix.length()) == n.length() - kept.get(1).length()),
            "c2m.jar lacks " + prefix + "*" + kept.get(1));
      }
      // The pinned, fixed commons-beanutils (CVE-2025-48734 before 1.11.0) is the one bundled.
      assertTrue(jar.stream().anyMatch(e -> e.getName()
          .startsWith("META-INF/third-party/commons-beanutils-1.11.0-jar/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName()
          .startsWith("META-INF/third-party/commons-beanutils-1.9")));
    }
  }
}
