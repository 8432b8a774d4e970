package dev.queuectl.daemon.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every error code has its HTTP status, and the README's table says the same. */
class ErrorStatusTest {
    @Test
    void theReadmeTableListsEveryCodeWithItsStatus() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (ErrorCode code : ErrorCode.values()) {
            String row = "| `" + code.wireName() + "` | " + ErrorStatus.of(code).code() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row " + row);
        }
    }
}
