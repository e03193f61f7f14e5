package io.c2m.order;

/**
 * Receives every {@link OrderEvent} once it is durable in the order store, in the order the events
 * were stored. Listeners run on the thread that made the change, after the store's lock is released;
 * a listener that throws does not undo the change (the event is stored) and does not stop the other
 * listeners: its exception is logged by the book without the event's content.
 */
@FunctionalInterface
public interface OrderListener {
  /**
   * Called for each stored event.
   *
   * @param event the event
   */
  void onEvent(OrderEvent event);
}
