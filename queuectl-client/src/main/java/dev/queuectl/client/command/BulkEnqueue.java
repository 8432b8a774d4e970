package dev.queuectl.client.command;

import dev.queuectl.client.CommandFailure;
import dev.queuectl.client.ExitCodes;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.client.transport.SocketClient;
import dev.queuectl.protocol.Codec;
import dev.queuectl.protocol.Fields;
import dev.queuectl.protocol.JobSpec;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.json.Json;
import dev.queuectl.protocol.request.EnqueueBatchRequest;
import dev.queuectl.protocol.result.BatchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code enqueue --file}: checks every line first (JSON, fields, ids unique within the file) and
 * sends nothing if any is bad. Then sends the jobs in batches of up to 10,000 (and 256 KiB), each
 * stored in one transaction, stopping at the first batch the daemon refuses; the summary says
 * exactly which lines went in.
 */
final class BulkEnqueue {
    static final int MAX_BATCH_JOBS = EnqueueBatchRequest.MAX_JOBS;
    static final int MAX_BATCH_BYTES = 256 * 1024;
    private static final int MAX_ERRORS_SHOWN = 20;
    private static final Pattern JOB_INDEX = Pattern.compile("^jobs\\[(\\d+)]: ");

    private final SocketClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final InputStream stdin;

    BulkEnqueue(SocketClient client, PrintWriter out, PrintWriter err, boolean json, InputStream stdin) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.json = json;
        this.stdin = stdin;
    }

    private record Parsed(List<JobSpec> specs, List<Integer> lines) {
    }

    int run(String file) {
        String name = file.equals("-") ? "stdin" : file;
        Parsed parsed = parse(name, readLines(file));
        if (parsed.specs.isEmpty()) {
            err.println("queuectl: " + DisplayText.escape(name) + " holds no jobs; nothing was enqueued");
            return ExitCodes.OK;
        }
        List<String> ids = new ArrayList<>(parsed.specs.size());
        int from = 0;
        while (from < parsed.specs.size()) {
            int to = chunkEnd(parsed.specs, from);
            Codec.Response r = client.call(new EnqueueBatchRequest(parsed.specs.subList(from, to)));
            if (!r.ok()) {
                int firstLine = parsed.lines.get(from);
                String why = lineOf(r.message(), parsed.lines, from).replace("; none of the batch was enqueued", "");
                String done = ids.isEmpty() ? "nothing was enqueued"
                        : ids.size() + " jobs (lines up to " + (firstLine - 1) + ") were enqueued; lines " + firstLine
                        + " onward were not — fix the line and resend them, e.g. with tail -n +" + firstLine;
                throw new CommandFailure(r.code(), name + ": " + why + "; " + done);
            }
            ids.addAll(BatchResult.fromJson(r.result()).ids());
            from = to;
        }
        if (json) {
            out.println(Json.toString(new BatchResult(ids).toJson()));
        } else {
            out.println("enqueued " + ids.size() + (ids.size() == 1 ? " job" : " jobs") + " from " + name);
        }
        return ExitCodes.OK;
    }

    /** A batch ends at 10,000 jobs or when the next job would push it past 256 KiB. */
    private static int chunkEnd(List<JobSpec> specs, int from) {
        int bytes = 0;
        int i = from;
        while (i < specs.size() && i - from < MAX_BATCH_JOBS) {
            int size = Json.toBytes(specs.get(i).toJson()).length + 1;
            if (i > from && bytes + size > MAX_BATCH_BYTES) {
                break;
            }
            bytes += size;
            i++;
        }
        return i;
    }

    /** Turns the daemon's "jobs[3]: ..." into "line 17: ...". */
    private static String lineOf(String message, List<Integer> lines, int offset) {
        Matcher m = JOB_INDEX.matcher(message);
        if (m.find()) {
            int index = offset + Integer.parseInt(m.group(1));
            if (index < lines.size()) {
                return "line " + lines.get(index) + ": " + message.substring(m.end());
            }
        }
        return message;
    }

    private List<String> readLines(String file) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                file.equals("-") ? stdin : Files.newInputStream(Paths.get(file)),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
            return lines;
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage("no such file: " + file);
        } catch (CharacterCodingException e) {
            throw CommandFailure.usage(file + " is not UTF-8 text; nothing was enqueued");
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    private Parsed parse(String name, List<String> text) {
        List<JobSpec> specs = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            try {
                JobSpec spec = JobSpec.fromJson(Fields.of(EnqueueCommand.parseJson(line), "job"));
                if (spec.id() != null) {
                    Integer first = idLines.putIfAbsent(spec.id(), number);
                    if (first != null) {
                        throw ProtocolException.invalid("id '" + spec.id() + "' is already used on line " + first);
                    }
                }
                specs.add(spec);
                lineNumbers.add(number);
            } catch (ProtocolException e) {
                errors.add("line " + number + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            for (int i = 0; i < Math.min(errors.size(), MAX_ERRORS_SHOWN); i++) {
                err.println(DisplayText.escape(name + ": " + errors.get(i)));
            }
            if (errors.size() > MAX_ERRORS_SHOWN) {
                err.println(DisplayText.escape(name) + ": ... and " + (errors.size() - MAX_ERRORS_SHOWN) + " more bad lines");
            }
            throw CommandFailure.usage(name + ": " + errors.size()
                    + (errors.size() == 1 ? " bad line" : " bad lines") + "; nothing was enqueued");
        }
        return new Parsed(specs, lineNumbers);
    }
}
