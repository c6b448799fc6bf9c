package dev.lazaret.proxy.inspect;

import java.nio.charset.StandardCharsets;

/**
 * One raw header for a regular file, for archives too big to build in memory: POSIX ustar, or
 * old GNU ("ustar  ", times where POSIX has the path prefix).
 */
record HostileTarHeader(String path, long size, boolean oldGnu) {

  HostileTarHeader(String path, long size) {
    this(path, size, false);
  }

  byte[] bytes() {
    byte[] h = new byte[512];
    put(h, 0, path);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    h[156] = '0';
    if (oldGnu) {
      put(h, 257, "ustar  ");
      put(h, 345, "14417451232"); // atime: not part of the name
    } else {
      put(h, 257, "ustar");
      h[262] = 0;
      put(h, 263, "00");
    }
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  private static void put(byte[] h, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
