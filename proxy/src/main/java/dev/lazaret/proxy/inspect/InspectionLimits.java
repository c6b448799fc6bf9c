package dev.lazaret.proxy.inspect;

/**
 * How much of a tarball an inspection reads before it stops and records the archive as
 * incomplete: archive bombs and hostile tarballs are input like any other.
 *
 * @param maxEntries       tar entries read
 * @param maxUnpackedBytes bytes out of gzip in all (headers and padding included)
 * @param maxFileBytes     bytes of any one file
 * @param maxRatio         unpacked bytes per compressed byte, checked past {@code ratioFloor}
 * @param ratioFloor       unpacked bytes below which the ratio is not checked (tar pads small
 *                         files to 512 bytes, so tiny packages compress very well)
 * @param maxPathLength    characters of an entry's path
 * @param maxTextBytes     bytes of a text file kept in memory for diffs and script contents
 * @param maxScriptBytes   bytes of a file an install script runs kept in the record
 * @param maxTextTotal     bytes of text kept in memory for one tarball; files past it are
 *                         listed and hashed but get no text diff
 * @param maxRunTextBytes  bytes of text kept (and so scanned) of a file an install script runs,
 *                         within {@code maxTextTotal}: what runs at install is read whole even
 *                         when it is a bundle (Shai-Hulud's was 3.6 MB); one larger is judged
 *                         unscanned
 */
public record InspectionLimits(int maxEntries, long maxUnpackedBytes, long maxFileBytes,
    int maxRatio, long ratioFloor, int maxPathLength, int maxTextBytes, int maxScriptBytes,
    long maxTextTotal, int maxRunTextBytes) {

  /**
   * The defaults: 10,000 entries, 64 MiB unpacked, 16 MiB a file, 100:1 past 1 MiB, 8 MiB of
   * text kept (two inspections at a time, two tarballs each: at most 32 MiB of bytes), all of it
   * for one file an install script runs.
   */
  public static InspectionLimits defaults() {
    return new InspectionLimits(10_000, 64L << 20, 16L << 20, 100, 1L << 20, 1024, 256 << 10,
        64 << 10, 8L << 20, 8 << 20);
  }

  /**
   * The defaults for a JVM whose heap may grow to {@code maxHeapBytes}: under 512 MiB (the
   * launcher's default is 160 MiB), 4 MiB of text per tarball and per install-time file, so one
   * inspection of two hostile tarballs stays near 25 MiB of heap. A file an install script runs
   * that is bigger than that is not scanned, and so counts against its version (fail closed).
   */
  public static InspectionLimits forHeap(long maxHeapBytes) {
    InspectionLimits d = defaults();
    if (maxHeapBytes >= (512L << 20)) {
      return d;
    }
    return new InspectionLimits(d.maxEntries(), d.maxUnpackedBytes(), d.maxFileBytes(),
        d.maxRatio(), d.ratioFloor(), d.maxPathLength(), d.maxTextBytes(), d.maxScriptBytes(),
        4L << 20, 4 << 20);
  }
}
