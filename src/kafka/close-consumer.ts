/** The part of a @platformatic/kafka Consumer that closing needs. */
export interface ClosableConsumer {
  memberId: string | null;
  close(force?: boolean): Promise<void>;
}

/**
 * Closes a consumer and its connections. Leaving the group fails with NOT_COORDINATOR while the
 * group's coordinator moves (a restarted cluster electing its preferred leaders; trying again a
 * second later fails the same way), and the client then keeps its sockets open, which would keep
 * kafka-dev running after its work is done. So the consumer then closes without leaving, and the
 * broker drops the member when its session times out.
 */
export async function closeConsumer(consumer: ClosableConsumer): Promise<void> {
  try {
    await consumer.close(true);
  } catch {
    // The client skips leaving when it holds no member id.
    consumer.memberId = null;
    await consumer.close(true);
  }
}
