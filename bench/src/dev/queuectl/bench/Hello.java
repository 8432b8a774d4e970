package dev.queuectl.bench;

/**
 * The trivial JVM the harness compares with: it prints "hello" and exits, the floor under the
 * client round trip (figure 6); with {@code --sleep} it then idles, the floor under the
 * daemon's RSS (figure 5).
 */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("hello");
        if (args.length > 0 && args[0].equals("--sleep")) {
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
