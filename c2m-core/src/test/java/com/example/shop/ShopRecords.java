package com.example.shop;

import java.time.Duration;
import java.time.Instant;

/**
 * Records of an application that uses c2m, outside c2m's packages: the Jackson module must leave
 * them as Jackson would write them without it.
 */
public final class ShopRecords {
  private ShopRecords() {}

  /**
   * A record of one {@code String value}, shaped like a c2m id.
   *
   * @param value the address
   */
  public record Email(String value) {
    /**
     * A derived getter, which Jackson writes as a property.
     *
     * @return the domain part
     */
    public String getDomain() {
      return value.substring(value.indexOf('@') + 1);
    }
  }

  /**
   * A record holding another, with a derived getter.
   *
   * @param name the name
   * @param email the address
   */
  public record Customer(String name, Email email) {
    /**
     * A derived getter, which Jackson writes as a property.
     *
     * @return the greeting
     */
    public String getGreeting() {
      return "Hello " + name;
    }
  }

  /**
   * A record with time components, which an application maps with its own time serializers.
   *
   * @param at when
   * @param stay how long
   */
  public record Visit(Instant at, Duration stay) {}
}
