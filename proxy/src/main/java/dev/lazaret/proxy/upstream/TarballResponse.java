package dev.lazaret.proxy.upstream;

import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An upstream tarball body being received. The stream is guarded: if no bytes arrive for the
 * response timeout it is closed and reads fail, so a stalled upstream never hangs a download.
 *
 * @param contentLength the announced length, if any
 * @param body          the bytes, identity-encoded; the caller closes it
 */
public record TarballResponse(OptionalLong contentLength, InputStream body) {}
