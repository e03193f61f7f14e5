package io.c2m.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.BatchId;
import io.c2m.C2m;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.order.OrderStore;
import io.c2m.production.Advance;
import io.c2m.production.BatchingStrategies;
import io.c2m.production.PendingOrder;
import io.c2m.production.Schedule;
import io.c2m.production.ScheduledBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code c2m orders}: the order book of an integrator, kept in a durable store (a journal
 * directory or a JDBC URL), driven one step per call: offer designs, accept orders from standard
 * input with one acknowledgement each once durable, advance the book to a moment, list, cancel,
 * ship, deliver.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
    description = {"Take orders durably and move them through their lifecycle.",
        "The store is a directory (an append-only journal) or a JDBC URL (jdbc:...; the driver "
            + "must be on the class path).",
        ""},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m orders --store /tmp/book offer offers.jsonl",
        "  c2m orders --store /tmp/book accept < orders.jsonl",
        "  c2m orders --store /tmp/book advance --now 2026-03-08T00:00:00Z",
        "  c2m orders --store /tmp/book list",
        "  c2m orders --store /tmp/book ship --batch 'dress@2026-03-08T00:00:00Z#1'"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:a failed command (bad store, illegal transition)",
        "2:bad usage: an unknown option or a bad value"},
    subcommands = {OrdersCommand.OfferCommand.class, OrdersCommand.AcceptCommand.class,
        OrdersCommand.AdvanceCommand.class, OrdersCommand.ListCommand.class,
        OrdersCommand.CancelCommand.class, OrdersCommand.ShipCommand.class,
        OrdersCommand.DeliverCommand.class})
public final class OrdersCommand implements Runnable {
  private static final ObjectMapper JSON = C2mJson.mapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "DIR|JDBC-URL",
      description = "Where the orders live: a journal directory (created if missing) or a JDBC "
          + "URL.")
  String store;

  @Option(names = "--period-hours", paramLabel = "HOURS", defaultValue = "24",
      description = "The planning period in hours (default ${DEFAULT-VALUE}).")
  int periodHours;

  @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "group-buy",
      description = "The batching strategy for orders outside campaigns (default "
          + "${DEFAULT-VALUE}); one of: group-buy, time-window, deadline, test-and-reorder, "
          + "silver-meal, wagner-whitin, capacitated.")
  String strategy;

  /** Creates the command; picocli instantiates it. */
  public OrdersCommand() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing an orders command: offer, accept, advance, list, cancel, ship or deliver.");
  }

  /** Opens the store named by {@code --store}. */
  OrderStore open() {
    if (store.startsWith("jdbc:")) {
      return OrderStore.jdbc(store);
    }
    return OrderStore.journal(Path.of(store));
  }

  /** Builds an engine on the store with a clock fixed at {@code now}. */
  C2m engine(OrderStore s, Instant now) {
    if (periodHours < 1 || periodHours > 24 * 366) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--period-hours ("
          + periodHours + ") must be from 1 to " + 24 * 366 + ".");
    }
    return C2m.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).orderStore(s)
        .period(Duration.ofHours(periodHours))
        .batching(BatchingStrategies.byName(strategy, Map.of())).build();
  }

  static Instant parseNow(String now, CommandLine cl) {
    if (now == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(now);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cl, "--now must be an ISO instant such as "
          + "2026-03-08T00:00:00Z.");
    }
  }

  static ObjectNode eventJson(OrderEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "event");
    n.put("order", e.order().value());
    n.put("from", e.from().name());
    n.put("to", e.to().name());
    n.put("at", e.at().toString());
    n.put("reason", e.reason());
    return n;
  }

  static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads JSON lines from a file or standard input. */
  static BufferedReader reader(String file) throws IOException {
    Reader r = file == null || file.equals("-")
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    return new BufferedReader(r);
  }

  /** {@code offer}: designs on offer, as JSON lines. */
  @Command(name = "offer", mixinStandardHelpOptions = true,
      description = {"Put designs on offer (or change their terms), one JSON object a line:",
          "  {\"design\":\"dress\",\"unitPrice\":30,\"moq\":20,\"multiple\":5,\"campaignDays\":7,"
              + "\"leadTimeDays\":14,\"salesFrom\":\"2026-03-01T00:00:00Z\","
              + "\"salesUntil\":\"2026-04-01T00:00:00Z\",\"maxPerOrder\":10}",
          "design and unitPrice are required; moq and multiple default to 1, campaignDays "
              + "(a group-buy campaign opens with the first order and lasts that long) and "
              + "leadTimeDays to 0, the sales window to none, maxPerOrder to 0 (no cap).",
          "A bad line is reported with its number and the rest kept; exit 1 if any was bad."})
  static final class OfferCommand implements Callable<Integer> {
    @ParentCommand
    OrdersCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsonl",
        description = "The offers; standard input when absent or -.")
    String file;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int bad = 0;
      try (OrderStore s = parent.open(); BufferedReader in = reader(file)) {
        C2m c2m = parent.engine(s, Instant.now());
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          try {
            Offer o = offer(JSON.readTree(line));
            c2m.offer(o);
            out.println("offered " + o.design());
          } catch (JsonProcessingException e) {
            bad++;
            err.println("c2m: line " + n + ": not a JSON object (" + e.getOriginalMessage()
                .replaceAll("[\\p{Cntrl}]", "?") + ")");
          } catch (IllegalArgumentException e) {
            bad++;
            err.println("c2m: line " + n + ": " + e.getMessage());
          }
        }
      }
      return bad == 0 ? 0 : 1;
    }

    static Offer offer(JsonNode n) {
      if (!n.isObject()) {
        throw new IllegalArgumentException("an offer must be a JSON object.");
      }
      String design = text(n, "design", null);
      if (design == null) {
        throw new IllegalArgumentException("the field design is required.");
      }
      JsonNode price = n.get("unitPrice");
      if (price == null || !price.isNumber()) {
        throw new IllegalArgumentException("the field unitPrice is required and must be a "
            + "number.");
      }
      int moq = integer(n, "moq", 1);
      int multiple = integer(n, "multiple", 1);
      int campaignDays = integer(n, "campaignDays", 0);
      int leadDays = integer(n, "leadTimeDays", 0);
      int cap = integer(n, "maxPerOrder", 0);
      Instant from = instant(n, "salesFrom", Instant.MIN);
      Instant until = instant(n, "salesUntil", Instant.MAX);
      for (var it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!List.of("design", "unitPrice", "moq", "multiple", "campaignDays", "leadTimeDays",
            "maxPerOrder", "salesFrom", "salesUntil").contains(f)) {
          throw new IllegalArgumentException("the field " + f.replaceAll("[\\p{Cntrl}]", "?")
              + " is not an offer field.");
        }
      }
      if (campaignDays < 0 || leadDays < 0) {
        throw new IllegalArgumentException("campaignDays and leadTimeDays must not be "
            + "negative.");
      }
      return new Offer(DesignId.of(design), price.doubleValue(), moq, multiple,
          Duration.ofDays(campaignDays), Duration.ofDays(leadDays), from, until, cap);
    }

    private static String text(JsonNode n, String f, String dflt) {
      JsonNode v = n.get(f);
      if (v == null) {
        return dflt;
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        throw new IllegalArgumentException("the field " + f + " must be a non-blank string.");
      }
      return v.asText();
    }

    private static int integer(JsonNode n, String f, int dflt) {
      JsonNode v = n.get(f);
      if (v == null) {
        return dflt;
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw new IllegalArgumentException("the field " + f + " must be a whole number within "
            + "the range of an int.");
      }
      return v.intValue();
    }

    private static Instant instant(JsonNode n, String f, Instant dflt) {
      String t = text(n, f, null);
      if (t == null) {
        return dflt;
      }
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("the field " + f + " must be an ISO instant such as "
            + "2026-03-01T00:00:00Z.");
      }
    }
  }

  /** {@code accept}: orders from standard input, one acknowledgement each once durable. */
  @Command(name = "accept", mixinStandardHelpOptions = true,
      description = {"Accept orders, one JSON object a line on standard input:",
          "  {\"id\":\"o1\",\"consumer\":\"c1\",\"design\":\"dress\",\"quantity\":1,"
              + "\"unitPrice\":30,\"placedAt\":\"2026-03-01T10:00:00Z\","
              + "\"latestDelivery\":\"2026-04-01T00:00:00Z\"}",
          "Writes one acknowledgement a line, only once the order is durable in the store:",
          "  {\"orderId\":\"o1\",\"status\":\"accepted\"|\"duplicate\"|\"rejected\","
              + "\"reason\":...,\"line\":N}",
          "A malformed line gets a rejected acknowledgement naming the problem; the rest go on.",
          "The lines waiting on the input (up to --batch) are made durable together, with one "
              + "write; their acknowledgements follow, in line order."})
  static final class AcceptCommand implements Callable<Integer> {
    @ParentCommand
    OrdersCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--now", paramLabel = "ISO-INSTANT",
        description = "The engine's now for acceptance events (default: the system clock).")
    String now;
    @Option(names = "--input", paramLabel = "FILE.jsonl",
        description = "Read the orders from a file instead of standard input.")
    String input;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
        description = "The most orders made durable together (one fsync or transaction): the "
            + "lines already waiting on the input, up to N (default ${DEFAULT-VALUE}); 1 for "
            + "one at a time.")
    int batch;

    /** A line read: its order, or the acknowledgement of its refusal. */
    private record Line(int number, Order order, ObjectNode refused) {}

    @Override
    public Integer call() throws IOException {
      if (batch < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--batch (" + batch
            + ") must be at least 1.");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OrderStore s = parent.open(); BufferedReader in = reader(input)) {
        C2m c2m = parent.engine(s, parseNow(now, spec.commandLine()));
        List<Line> window = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (!line.isBlank()) {
            window.add(parse(line, n));
          }
          // a window: what is already waiting, so a client sending one order at a time is
          // answered at once, and a stream shares one durable write per window
          if (window.size() >= batch || (!window.isEmpty() && !in.ready())) {
            acknowledge(c2m, window, out);
            window.clear();
          }
        }
        if (!window.isEmpty()) {
          acknowledge(c2m, window, out);
        }
      }
      return 0;
    }

    private static Line parse(String line, int n) {
      try {
        return new Line(n, C2mJson.fromJson(line, Order.class), null);
      } catch (IllegalArgumentException e) {
        ObjectNode ack = JSON.createObjectNode();
        ack.set("orderId", idOf(line));
        ack.put("status", "rejected");
        ack.put("reason", "line " + n + ": " + e.getMessage());
        return new Line(n, null, ack);
      }
    }

    /**
     * Accepts a window's orders with one durable write, then writes every line's acknowledgement
     * in line order: none before the window's orders are durable.
     */
    private static void acknowledge(C2m c2m, List<Line> window, PrintWriter out) {
      List<Order> orders = new ArrayList<>(window.size());
      for (Line l : window) {
        if (l.order() != null) {
          orders.add(l.order());
        }
      }
      List<OrderReceipt> receipts = c2m.orderBook().acceptAll(orders);
      int k = 0;
      StringBuilder text = new StringBuilder(window.size() * 80);
      for (Line l : window) {
        ObjectNode ack = l.refused();
        if (ack == null) {
          OrderReceipt r = receipts.get(k++);
          ack = JSON.createObjectNode();
          ack.put("orderId", l.order().id().value());
          ack.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
          if (!r.reason().isEmpty()) {
            ack.put("reason", r.reason());
          } else {
            ack.putNull("reason");
          }
        }
        ack.put("line", l.number());
        text.append(write(ack)).append(System.lineSeparator());
      }
      out.print(text);
      out.flush();
    }

    private static JsonNode idOf(String line) {
      try {
        JsonNode id = JSON.readTree(line).get("id");
        if (id != null && id.isTextual() && id.asText().length() <= 200) {
          return JSON.getNodeFactory().textNode(id.asText().replaceAll("[\\p{Cntrl}]", "?"));
        }
      } catch (JsonProcessingException | RuntimeException e) {
        // not JSON: no id to name
      }
      return JSON.getNodeFactory().nullNode();
    }
  }

  /** {@code advance}: rolls the book forward to a moment. */
  @Command(name = "advance", mixinStandardHelpOptions = true,
      description = {"Roll the book forward to --now: release campaigns that reached their "
          + "minimum and the batches due in the current period, expire campaigns whose window "
          + "closed below it; print the events, then the schedule (batches with dates, pending "
          + "orders), as JSON lines."})
  static final class AdvanceCommand implements Callable<Integer> {
    @ParentCommand
    OrdersCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--now", required = true, paramLabel = "ISO-INSTANT",
        description = "The moment to advance to.")
    String now;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrderStore s = parent.open()) {
        C2m c2m = parent.engine(s, parseNow(now, spec.commandLine()));
        Advance a = c2m.advance();
        for (OrderEvent e : a.events()) {
          out.println(write(eventJson(e)));
        }
        Schedule sc = a.schedule();
        ObjectNode head = JSON.createObjectNode();
        head.put("type", "schedule");
        head.put("asOf", sc.asOf().toString());
        head.put("firstDay", sc.firstDay().toString());
        head.put("period", sc.period().toString());
        out.println(write(head));
        for (ScheduledBatch b : sc.batches()) {
          ObjectNode n = JSON.createObjectNode();
          n.put("type", "batch");
          n.put("id", b.id().value());
          n.put("design", b.design().value());
          n.put("state", b.state().name());
          n.put("start", b.start().toString());
          n.put("ready", b.ready().toString());
          n.put("quantity", b.quantity());
          ArrayNode ids = n.putArray("orders");
          b.orders().forEach(o -> ids.add(o.value()));
          out.println(write(n));
        }
        for (PendingOrder p : sc.pending()) {
          ObjectNode n = JSON.createObjectNode();
          n.put("type", "pending");
          n.put("order", p.order().value());
          n.put("design", p.design().value());
          n.put("quantity", p.quantity());
          n.put("reason", p.reason().name());
          n.put("detail", p.detail());
          out.println(write(n));
        }
      }
      return 0;
    }
  }

  /** {@code list}: every stored order with its state. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print every stored order as a JSON line: the order's fields plus state and "
          + "batch.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand
    OrdersCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrderStore s = parent.open()) {
        for (BookedOrder b : s.orders()) {
          ObjectNode n = (ObjectNode) JSON.valueToTree(b.order());
          n.put("state", b.state().name());
          n.put("batch", b.batch());
          out.println(write(n));
        }
      }
      return 0;
    }
  }

  /** The order-or-batch target of cancel, ship and deliver. */
  static final class Target {
    @Option(names = "--order", paramLabel = "ID", description = "One order.")
    String order;
    @Option(names = "--batch", paramLabel = "ID", description = "Every order of a batch.")
    String batch;
  }

  /** Shared body of cancel, ship and deliver. */
  abstract static class Move implements Callable<Integer> {
    @ParentCommand
    OrdersCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Target target;
    @Option(names = "--now", paramLabel = "ISO-INSTANT",
        description = "The engine's now for the events (default: the system clock).")
    String now;

    abstract List<OrderEvent> apply(C2m c2m, OrderId order, BatchId batch);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrderStore s = parent.open()) {
        C2m c2m = parent.engine(s, parseNow(now, spec.commandLine()));
        List<OrderEvent> events = apply(c2m,
            target.order == null ? null : OrderId.of(target.order),
            target.batch == null ? null : BatchId.of(target.batch));
        for (OrderEvent e : events) {
          out.println(write(eventJson(e)));
        }
      }
      return 0;
    }
  }

  /** {@code cancel}. */
  @Command(name = "cancel", mixinStandardHelpOptions = true,
      description = "Cancel an order, or every released order of a batch, before production "
          + "starts (refund due).")
  static final class CancelCommand extends Move {
    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "cancelled by the business",
        description = "Why (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    List<OrderEvent> apply(C2m c2m, OrderId order, BatchId batch) {
      return order != null ? List.of(c2m.cancelOrder(order, reason))
          : c2m.orderBook().cancel(batch, reason);
    }
  }

  /** {@code ship}. */
  @Command(name = "ship", mixinStandardHelpOptions = true,
      description = "Ship a batch (starting its production first if it is only released) or one "
          + "order whose batch is in production.")
  static final class ShipCommand extends Move {
    @Override
    List<OrderEvent> apply(C2m c2m, OrderId order, BatchId batch) {
      if (order != null) {
        return List.of(c2m.orderBook().ship(order));
      }
      List<OrderEvent> out = new java.util.ArrayList<>();
      if (c2m.orderBook().store().batch(batch).map(b -> b.state()
          == io.c2m.order.BatchState.RELEASED).orElse(false)) {
        out.addAll(c2m.startProduction(batch));
      }
      out.addAll(c2m.ship(batch));
      return out;
    }
  }

  /** {@code deliver}. */
  @Command(name = "deliver", mixinStandardHelpOptions = true,
      description = "Mark a shipped order, or every shipped order of a batch, delivered.")
  static final class DeliverCommand extends Move {
    @Override
    List<OrderEvent> apply(C2m c2m, OrderId order, BatchId batch) {
      return order != null ? List.of(c2m.orderBook().deliver(order)) : c2m.deliver(batch);
    }
  }
}
