package dev.lazaret.proxy.ops;

/**
 * A complete answer of an operations endpoint, for whichever listener serves it.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param body        the body
 */
public record OpsAnswer(int status, String contentType, byte[] body) {}
