package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the profile processor receives, keyed by consumer id: a signal, a consent change, or an
 * erasure; or, before the repartition, a dead letter bound for the dead-letter topic. Its wire
 * form ({@link #serde()}) is a JSON object with one field naming the kind.
 */
public sealed interface ProfileCommand {
  /**
   * One profiled signal.
   *
   * @param signal the signal
   */
  record Add(Signal signal) implements ProfileCommand {
    /** Validates. */
    public Add {
      requireNonNull(signal, "signal");
    }
  }

  /**
   * A consumer's consents, replacing the earlier ones; without profiling, the profile is erased.
   *
   * @param account the account
   */
  record Consent(ConsumerAccount account) implements ProfileCommand {
    /** Validates. */
    public Consent {
      requireNonNull(account, "account");
    }
  }

  /**
   * Forget a consumer (right to erasure): account and profile.
   *
   * @param consumer the consumer
   */
  record Forget(ConsumerId consumer) implements ProfileCommand {
    /** Validates. */
    public Forget {
      requireNonNull(consumer, "consumer");
    }
  }

  /**
   * A record that could not be read, with where it came from and why; never repartitioned.
   *
   * @param letter the dead letter
   */
  record Dead(DeadLetter letter) implements ProfileCommand {
    /** Validates. */
    public Dead {
      requireNonNull(letter, "letter");
    }
  }

  /**
   * The Serde of the repartition topic.
   *
   * @return the Serde
   */
  static Serde<ProfileCommand> serde() {
    ObjectMapper mapper = C2mJson.mapper();
    return Serdes.serdeFrom(
        (topic, c) -> {
          if (c == null) {
            return null;
          }
          ObjectNode node = mapper.createObjectNode();
          if (c instanceof Add a) {
            node.set("signal", mapper.valueToTree(a.signal()));
          } else if (c instanceof Consent k) {
            node.set("account", mapper.valueToTree(k.account()));
          } else if (c instanceof Forget f) {
            node.put("forget", f.consumer().value());
          } else {
            throw new SerializationException("A dead letter is never written to " + topic + ".");
          }
          try {
            return mapper.writeValueAsBytes(node);
          } catch (IOException e) {
            throw new SerializationException("Cannot write a command to " + topic + ".", e);
          }
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            JsonNode node = mapper.readTree(bytes);
            if (node.has("signal")) {
              return new Add(mapper.treeToValue(node.get("signal"), Signal.class));
            }
            if (node.has("account")) {
              return new Consent(mapper.treeToValue(node.get("account"), ConsumerAccount.class));
            }
            if (node.has("forget")) {
              return new Forget(new ConsumerId(node.get("forget").asText()));
            }
            throw new SerializationException(
                "A record of topic " + topic + " is no profile command.");
          } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("A record of topic " + topic
                + " is not a profile command in c2m's JSON (" + e.getClass().getSimpleName()
                + ").");
          }
        });
  }
}
