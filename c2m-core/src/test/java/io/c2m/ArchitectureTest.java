package io.c2m;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
   * The stages and adapters whose exported package holds their API only, their implementation
   * being in their {@code internal} package (CONTRIBUTING.md, "internal"). {@code signal},
   * {@code sim} and the root package keep package-private parts beside their facades (issue 14,
   * part 1) and are not listed.
   */
  static final List<String> API_ONLY = List.of("json");

  @Test
  void anApiOnlyPackageHoldsNoImplementationClasses() {
    for (String stage : API_ONLY) {
      classes().that().resideInAPackage("io.c2m." + stage).and().areTopLevelClasses()
          .and().doNotHaveSimpleName("package-info")
          .should().bePublic()
          .because("the implementation of " + stage + " lives in io.c2m." + stage + ".internal")
          .check(core);
    }
  }

  @Test
  void anApiOnlyPackageShowsNoInternalTypeInItsApi() {
    List<String> leaks = new ArrayList<>();
    for (String stage : API_ONLY) {
      for (JavaClass c : core.getPackage("io.c2m." + stage).getClassesInPackageTree()) {
        if (!c.getPackageName().equals("io.c2m." + stage) || !isApi(c)) {
          continue;
        }
        for (JavaCodeUnit u : c.getCodeUnits()) {
          if (isApi(u.getModifiers())) {
            List<JavaType> types = new ArrayList<>(u.getParameterTypes());
            types.add(u.getReturnType());
            u.getThrowsClause().forEach(t -> types.add(t.getRawType()));
            leaks.addAll(internalTypes(u.getFullName(), types));
          }
        }
        for (JavaField f : c.getFields()) {
          if (isApi(f.getModifiers())) {
            leaks.addAll(internalTypes(f.getFullName(), List.of(f.getType())));
          }
        }
        List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
        c.getSuperclass().ifPresent(supertypes::add);
        leaks.addAll(internalTypes(c.getName(), supertypes));
      }
    }
    assertTrue(leaks.isEmpty(), "The API shows internal types: " + leaks
        + "\nMaybe keep the internal type behind a package-private accessor.");
  }

  /** Whether a class is visible to users: public, and nested only in public classes. */
  private static boolean isApi(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  /** "member: type" for each internal type that {@code types} involve, generics included. */
  private static Set<String> internalTypes(String member, List<? extends JavaType> types) {
    Set<String> found = new TreeSet<>();
    for (JavaType t : types) {
      for (JavaClass raw : t.getAllInvolvedRawTypes()) {
        if (raw.getPackageName().matches("io\\.c2m(\\..+)?\\.internal(\\..+)?")) {
          found.add(member + ": " + raw.getName());
        }
      }
    }
    return found;
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
