import { describe, expect, test } from 'vitest';
import { closeConsumer, type ClosableConsumer } from '../../../src/kafka/close-consumer.js';

/**
 * Behaves like @platformatic/kafka's Consumer: leaving the group (only when it holds a member id)
 * can fail, and then the connections stay open.
 */
class FakeConsumer implements ClosableConsumer {
  memberId: string | null = 'member-1';
  connectionsOpen = true;
  leaveAttempts = 0;

  constructor(private readonly leaveFails: boolean) {}

  async close(): Promise<void> {
    if (this.memberId !== null) {
      this.leaveAttempts += 1;
      if (this.leaveFails) throw new Error('This is not the correct coordinator.');
    }
    this.connectionsOpen = false;
  }
}

describe('closeConsumer', () => {
  test('leaves the group and closes its connections', async () => {
    const consumer = new FakeConsumer(false);
    await closeConsumer(consumer);
    expect(consumer).toMatchObject({ connectionsOpen: false, leaveAttempts: 1, memberId: 'member-1' });
  });

  test('closes its connections without leaving when leaving fails', async () => {
    const consumer = new FakeConsumer(true);
    await closeConsumer(consumer);
    expect(consumer).toMatchObject({ connectionsOpen: false, leaveAttempts: 1, memberId: null });
  });
});
