package io.c2m.examples.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No module outside c2m-core uses core's {@code internal} packages: they reach core through its
 * exported packages only (a module's own {@code internal} package, such as
 * {@code io.c2m.ml.internal}, is its own business). Lives here because c2m-benchmarks is the last
 * module of the reactor: the compiled classes of every other module are there when it runs. The
 * package rules inside core are c2m-core's {@code io.c2m.ArchitectureTest}.
 */
class ModuleBoundariesTest {
  /** Core's internal packages: the kernel's and every stage's and adapter's. */
  private static final String[] CORE_INTERNALS = {"io.c2m.internal..",
      "io.c2m.privacy.internal..", "io.c2m.signal.internal..", "io.c2m.niche.internal..",
      "io.c2m.design.internal..", "io.c2m.demand.internal..", "io.c2m.order.internal..",
      "io.c2m.production.internal..", "io.c2m.json.internal..", "io.c2m.sim.internal.."};

  @Test
  void noModuleOutsideCoreUsesCoreInternals() {
    List<Path> dirs = new ArrayList<>();
    for (String module : List.of("c2m-ml", "c2m-testkit", "c2m-examples", "c2m-benchmarks",
        "c2m-streams")) {
      for (String kind : List.of("classes", "test-classes")) {
        Path dir = Path.of("..", module, "target", kind);
        if (Files.isDirectory(dir)) {
          dirs.add(dir);
        }
      }
    }
    assertTrue(dirs.contains(Path.of("..", "c2m-ml", "target", "classes"))
        && dirs.contains(Path.of("..", "c2m-examples", "target", "classes")),
        "the modules before this one in the reactor must be compiled: " + dirs);
    JavaClasses outside = new ClassFileImporter().importPaths(dirs);
    assertTrue(outside.size() > 50, "imported only " + outside.size() + " classes");
    noClasses().should().dependOnClassesThat().resideInAnyPackage(CORE_INTERNALS)
        .because("core's implementation is reached through its exported packages")
        .check(outside);
  }
}
