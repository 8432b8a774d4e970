package dev.queuectl.daemon.server.http;

/** One static file of the dashboard, held in memory with its gzip form (null when that is not smaller) and ETag. */
record Asset(String name, String contentType, byte[] bytes, byte[] gzipped, String etag) {
}
