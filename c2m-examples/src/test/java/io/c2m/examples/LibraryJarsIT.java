package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 (publishable): the library jars the reactor packaged are named modules that require no
 * module named after a jar file, come with sources and javadoc jars, and c2m-core carries the
 * Commons Math it uses relocated and unexported.
 */
class LibraryJarsIT {
  private static final List<String> LIBRARIES = List.of("c2m-core", "c2m-ml", "c2m-testkit");

  private static Path jar(String module, String classifier) throws IOException {
    Path target = Path.of("..", module, "target");
    String suffix = classifier.isEmpty() ? ".jar" : "-" + classifier + ".jar";
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().startsWith(module + "-")
              && p.getFileName().toString().endsWith(suffix)
              && (classifier.isEmpty() ? !p.getFileName().toString()
                  .matches(".*-(sources|javadoc|tests)\\.jar") : true))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + module + suffix + " in " + target));
    }
  }

  private static ModuleDescriptor descriptor(Path jar) {
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertEquals(1, found.size(), jar.toString());
    return found.iterator().next().descriptor();
  }

  @Test
  void everyLibraryIsANamedModuleWithSourcesAndJavadoc() throws IOException {
    for (String module : LIBRARIES) {
      ModuleDescriptor d = descriptor(jar(module, ""));
      assertTrue(!d.isAutomatic(), module + " has no module-info");
      assertEquals("io.c2m." + module.substring("c2m-".length()), d.name());
      assertTrue(Files.size(jar(module, "sources")) > 1000, module + " sources");
      assertTrue(Files.size(jar(module, "javadoc")) > 1000, module + " javadoc");
    }
  }

  @Test
  void coreRequiresNoFilenameModuleAndHidesItsCommonsMath() throws IOException {
    Path core = jar("c2m-core", "");
    ModuleDescriptor d = descriptor(core);
    Set<String> requires = d.requires().stream().map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet());
    assertTrue(requires.containsAll(Set.of("com.fasterxml.jackson.databind", "org.slf4j")),
        requires::toString);
    // Only JDK modules and modules that declare their name; Commons Math is not required.
    assertTrue(requires.stream().allMatch(r -> r.startsWith("java.")
        || r.equals("com.fasterxml.jackson.databind") || r.equals("org.slf4j")),
        requires::toString);
    assertTrue(d.exports().stream().noneMatch(e -> e.source().contains("math3")), d::toString);
    try (JarFile jar = new JarFile(core.toFile())) {
      assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("io/c2m/internal/math3/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/apache/commons/")));
      assertTrue(jar.getEntry(
          "META-INF/third-party/commons-math3-3.6.1-jar/META-INF/NOTICE.txt") != null);
    }
  }
}
