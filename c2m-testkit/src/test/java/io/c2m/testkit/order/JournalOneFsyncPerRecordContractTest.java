package io.c2m.testkit.order;

import io.c2m.order.JournalOptions;

/** The order-store contract for a journal forcing every record alone: fsync on, no group commit. */
class JournalOneFsyncPerRecordContractTest extends JournalOrderStoreContractTest {
  @Override
  JournalOptions options() {
    return JournalOptions.defaults().withGroupCommit(false).withSnapshotBytes(1 << 16);
  }
}
