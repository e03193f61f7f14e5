package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code c2m orders --store JDBC-URL}: the example files through the JDBC store on an embedded
 * H2 (each call opens and closes the store, as separate processes would; the in-memory database
 * outlives them).
 */
class OrdersCommandJdbcTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFFERS = Path.of("..", "examples", "offers.jsonl").toString();
  private static final String ORDERS = Path.of("..", "examples", "orders.jsonl").toString();
  private static final String STORE = "jdbc:h2:mem:c2m_orders_cli;DB_CLOSE_DELAY=-1";

  private static List<JsonNode> run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(0, code, String.join(" ", args) + ": " + err);
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString().split("\n")) {
      if (!l.isBlank() && l.startsWith("{")) {
        lines.add(JSON.readTree(l));
      }
    }
    return lines;
  }

  private static List<String> statuses(List<JsonNode> acks) {
    return acks.stream().map(a -> a.get("status").asText()).toList();
  }

  @Test
  void offersOrdersAdvanceAndListOnAJdbcStore() throws Exception {
    run("orders", "--store", STORE, "offer", OFFERS);
    List<JsonNode> acks = run("orders", "--store", STORE, "accept", "--now",
        "2026-03-02T10:00:00Z", "--input", ORDERS);
    assertEquals(List.of("accepted", "accepted", "duplicate", "rejected", "accepted", "accepted",
        "rejected"), statuses(acks));
    List<JsonNode> again = run("orders", "--store", STORE, "accept", "--now",
        "2026-03-02T11:00:00Z", "--input", ORDERS);
    assertEquals(List.of("duplicate", "duplicate", "duplicate", "rejected", "duplicate",
        "duplicate", "rejected"), statuses(again));
    run("orders", "--store", STORE, "advance", "--now", "2026-03-03T00:00:00Z");
    run("orders", "--store", STORE, "advance", "--now", "2026-03-10T00:00:00Z");
    List<String> states = run("orders", "--store", STORE, "list").stream()
        .map(n -> n.get("id").asText() + "=" + n.get("state").asText()).toList();
    assertEquals(List.of("o1=RELEASED", "o2=RELEASED", "o4=RELEASED", "o5=EXPIRED"), states);
  }
}
