package dev.queuectl.daemon.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way gate threads can wait at with a time limit; opening it releases them all. Thread-safe. */
final class Gate {
    private final CountDownLatch open = new CountDownLatch(1);

    void open() {
        open.countDown();
    }

    /** Waits up to {@code millis}; returns true when the gate is (or becomes) open. */
    boolean await(long millis) {
        try {
            return open.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
