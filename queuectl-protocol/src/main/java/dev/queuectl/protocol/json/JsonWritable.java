package dev.queuectl.protocol.json;

/** A value that knows its JSON form: a map of plain values as understood by {@link Json}. */
public interface JsonWritable {
    Object toJson();
}
