/**
 * c2m testkit: jqwik arbitraries for the c2m domain and the contract tests every strategy must
 * pass. Depends on c2m core, jqwik and JUnit 5, and passes them on to its users.
 */
module io.c2m.testkit {
  requires transitive io.c2m.core;
  requires transitive net.jqwik.api;
  requires transitive org.junit.jupiter.api;
  requires java.management;

  exports io.c2m.testkit;
  exports io.c2m.testkit.demand;
  exports io.c2m.testkit.niche;
  exports io.c2m.testkit.order;
  exports io.c2m.testkit.production;
}
