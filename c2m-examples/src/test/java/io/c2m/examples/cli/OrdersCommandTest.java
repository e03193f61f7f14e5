package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code c2m orders} on a journal, through the example files of {@code examples/}. */
class OrdersCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFFERS = Path.of("..", "examples", "offers.jsonl").toString();
  private static final String ORDERS = Path.of("..", "examples", "orders.jsonl").toString();

  private record Run(int code, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> out = new ArrayList<>();
      for (String l : this.out.split("\n")) {
        if (!l.isBlank()) {
          out.add(JSON.readTree(l));
        }
      }
      return out;
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void offersOrdersAdvanceListShipAndDeliverOnAJournal(@TempDir Path dir) throws Exception {
    String store = dir.resolve("book").toString();
    Run offer = run("orders", "--store", store, "offer", OFFERS);
    assertEquals(0, offer.code(), offer.err());
    Run accept = run("orders", "--store", store, "accept", "--now", "2026-03-02T10:00:00Z",
        "--input", ORDERS);
    assertEquals(0, accept.code(), accept.err());
    List<JsonNode> acks = accept.lines();
    assertEquals(7, acks.size(), accept.out());
    List<String> statuses = acks.stream().map(a -> a.get("status").asText()).toList();
    assertEquals(List.of("accepted", "accepted", "duplicate", "rejected", "accepted", "accepted",
        "rejected"), statuses);
    assertTrue(acks.get(3).get("reason").asText().contains("price rule"), accept.out());
    assertTrue(acks.get(6).get("orderId").isNull());
    assertTrue(acks.get(6).get("reason").asText().startsWith("line 7"), accept.out());

    // a restart later: the same orders resent are duplicates, nothing is doubled
    Run again = run("orders", "--store", store, "accept", "--now", "2026-03-02T11:00:00Z",
        "--input", ORDERS);
    assertEquals(List.of("duplicate", "duplicate", "duplicate", "rejected", "duplicate",
        "duplicate", "rejected"), again.lines().stream().map(a -> a.get("status").asText())
        .toList());

    Run advance = run("orders", "--store", store, "advance", "--now", "2026-03-03T00:00:00Z");
    assertEquals(0, advance.code(), advance.err());
    List<JsonNode> lines = advance.lines();
    JsonNode batch = lines.stream().filter(n -> n.get("type").asText().equals("batch"))
        .findFirst().orElseThrow();
    assertEquals("RELEASED", batch.get("state").asText());
    assertEquals("2026-03-03T00:00:00Z", batch.get("start").asText());
    assertEquals("2026-03-17T00:00:00Z", batch.get("ready").asText());
    assertEquals(4, batch.get("quantity").asInt());
    assertTrue(lines.stream().anyMatch(n -> n.get("type").asText().equals("pending")
        && n.get("order").asText().equals("o5")), advance.out());

    String id = batch.get("id").asText();
    assertEquals(0, run("orders", "--store", store, "ship", "--batch", id).code());
    Run cancelLate = run("orders", "--store", store, "cancel", "--order", "o1");
    assertEquals(1, cancelLate.code());
    assertTrue(cancelLate.err().contains("(o1) is SHIPPED"), cancelLate.err());
    assertEquals(0, run("orders", "--store", store, "deliver", "--batch", id).code());

    // a week later the coat campaign has closed below its minimum: o5 expires
    run("orders", "--store", store, "advance", "--now", "2026-03-10T00:00:00Z");
    Run list = run("orders", "--store", store, "list");
    List<String> states = list.lines().stream()
        .map(n -> n.get("id").asText() + "=" + n.get("state").asText()).toList();
    assertEquals(List.of("o1=DELIVERED", "o2=DELIVERED", "o4=DELIVERED", "o5=EXPIRED"), states);
  }

  @Test
  void aBadOfferLineIsReportedAndTheOthersKept(@TempDir Path dir) throws Exception {
    Path offers = dir.resolve("offers.jsonl");
    java.nio.file.Files.writeString(offers, "{\"design\":\"a\",\"unitPrice\":3}\n"
        + "{\"design\":\"b\",\"unitPrice\":-1}\n{\"design\":\"c\",\"unitPrice\":3,\"x\":1}\n");
    Run r = run("orders", "--store", dir.resolve("book").toString(), "offer", offers.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("line 2") && r.err().contains("unit price"), r.err());
    assertTrue(r.err().contains("line 3") && r.err().contains("not an offer field"), r.err());
    assertTrue(r.out().contains("offered a"), r.out());
  }
}
