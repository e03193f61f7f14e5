package io.c2m;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of c2m-core (CONTRIBUTING.md, "Packages"), checked on its compiled classes.
 *
 * <p>The stages in pipeline order: {@code privacy} (consent and k-anonymity, which ingestion
 * already needs), {@code signal}, {@code niche}, {@code design}, {@code demand}, {@code order},
 * {@code production}; then the adapters over the whole pipeline, {@code json} and {@code sim}. A
 * stage may use earlier stages, never a later one. The root package {@code io.c2m} is the shared
 * kernel (ids, {@code Attributes}, exceptions) and the engine facade {@code C2m}: every stage may
 * use it and it may use every stage; its {@code io.c2m.internal} (argument checks, settings, the
 * strategy registry) is the kernel's implementation, usable by all of core. A stage's own
 * {@code internal} package is used by that stage only.
 */
class ArchitectureTest {
  /** The stages, in pipeline order. */
  static final List<String> STAGES = List.of("privacy", "signal", "niche", "design", "demand",
      "order", "production");

  /** The adapters over the whole pipeline: after every stage. */
  static final List<String> ADAPTERS = List.of("json", "sim");

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    Path classes = Path.of("target/classes");
    assertTrue(Files.isDirectory(classes), "run from c2m-core after compiling");
    core = new ClassFileImporter().importPath(classes);
    assertTrue(core.size() > 100, "imported only " + core.size() + " classes");
  }

  private static String[] packagesOf(List<String> names) {
    return names.stream().map(s -> "io.c2m." + s + "..").toArray(String[]::new);
  }

  @Test
  void noStageDependsOnALaterStage() {
    for (int k = 0; k < STAGES.size(); k++) {
      List<String> later = new ArrayList<>(STAGES.subList(k + 1, STAGES.size()));
      later.addAll(ADAPTERS);
      noClasses().that().resideInAPackage("io.c2m." + STAGES.get(k) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(packagesOf(later))
          .because("the stage " + STAGES.get(k) + " comes before " + later
              + " in the pipeline")
          .check(core);
    }
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    for (String a : ADAPTERS) {
      List<String> others = ADAPTERS.stream().filter(b -> !b.equals(a)).toList();
      noClasses().that().resideInAPackage("io.c2m." + a + "..")
          .should().dependOnClassesThat().resideInAnyPackage(packagesOf(others))
          .check(core);
    }
  }

  @Test
  void aStageInternalPackageIsUsedByItsStageOnly() {
    List<String> all = new ArrayList<>(STAGES);
    all.addAll(ADAPTERS);
    for (String stage : all) {
      noClasses().that().resideOutsideOfPackage("io.c2m." + stage + "..")
          .should().dependOnClassesThat().resideInAPackage("io.c2m." + stage + ".internal..")
          .because("the implementation of " + stage + " is reached through its public types")
          .check(core);
    }
  }

  @Test
  void exportedPackagesUseNoInternalPackageOfAnotherStage() {
    List<String> all = new ArrayList<>(STAGES);
    all.addAll(ADAPTERS);
    for (String stage : all) {
      String[] others = all.stream().filter(s -> !s.equals(stage))
          .map(s -> "io.c2m." + s + ".internal..").toArray(String[]::new);
      noClasses().that().resideInAPackage("io.c2m." + stage)
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .check(core);
    }
    noClasses().that().resideInAPackage("io.c2m")
        .should().dependOnClassesThat().resideInAnyPackage(packagesOf(all.stream()
            .map(s -> s + ".internal").toList()))
        .check(core);
  }

  /**
   * Files over 800 lines today, each to be split by its owner (issue 14); no other file may grow
   * past 800 lines unless it is added here with the reason in its javadoc.
   */
  static final Set<String> LONG_FILES = Set.of(
      "io/c2m/order/internal/JdbcOrderStore.java");

  @Test
  void noSourceFileIsOverEightHundredLines() throws java.io.IOException {
    Path root = Path.of("src/main/java");
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
        String name = root.relativize(f).toString().replace('\\', '/');
        long lines;
        try (Stream<String> l = Files.lines(f)) {
          lines = l.count();
        }
        if (lines > 800 && !LONG_FILES.contains(name)) {
          tooLong.add(name + " (" + lines + " lines)");
        }
      }
    }
    assertTrue(tooLong.isEmpty(), "Files over 800 lines: " + tooLong
        + "\nMaybe split them by job (CONTRIBUTING.md, \"Classes and files\").");
  }

  @Test
  void everyPackageIsAStageAnAdapterOrTheKernel() {
    List<String> known = new ArrayList<>(STAGES);
    known.addAll(ADAPTERS);
    noClasses().that().resideInAPackage("io.c2m..")
        .and().resideOutsideOfPackages("io.c2m", "io.c2m.internal")
        .and().resideOutsideOfPackages(packagesOf(known))
        .should().bePublic().orShould().notBePublic()
        .because("a new package must be placed in the pipeline order of this test")
        .allowEmptyShould(true)
        .check(core);
  }
}
